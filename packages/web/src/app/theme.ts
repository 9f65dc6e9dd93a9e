import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * The default Mantine theme with darker shades where its defaults miss WCAG AA contrast on white
 * (primary shade 8), and names for the icon-only close buttons Mantine renders without one.
 */
export function createAppTheme(closeLabel: string) {
  return createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 8, dark: 6 },
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

/** Mantine's "dimmed" grey (input descriptions, empty states) is 3.3:1 on white; gray.7 passes AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
