import { createTheme } from '@mantine/core';

/**
 * The default Mantine theme with darker shades where its defaults miss WCAG AA contrast on white:
 * primaryShade 7 for filled buttons and links.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 6 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  focusRing: 'auto',
  components: {
    Anchor: { defaultProps: { c: 'blue.8' } },
  },
});
