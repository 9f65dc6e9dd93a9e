import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * Mantine's grey with shade 6 darkened from #868e96 (3.3:1 on white) to #6c757d (4.7:1): pages
 * use gray.6 for secondary text, also text hidden from screen readers that sighted people read.
 */
const gray = DEFAULT_THEME.colors.gray.map((shade, index) => (index === 6 ? '#6c757d' : shade)) as unknown as MantineColorsTuple;

/**
 * The default Mantine theme with darker shades where its defaults miss WCAG AA contrast on white
 * (primary shade 8), and names for the icon-only close buttons Mantine renders without one.
 */
export function createAppTheme(closeLabel: string) {
  return createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 8, dark: 6 },
    colors: { gray },
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    defaultRadius: 'sm',
    focusRing: 'auto',
    components: {
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
    },
  });
}

/**
 * Mantine's "dimmed" grey (input descriptions, empty states) is 3.3:1 on white; gray.7 passes AA.
 * Its error red (red.6, also the required-field asterisk) is 3.6:1; red.9 is 5.4:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
