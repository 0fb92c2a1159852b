import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 8,
  // A visible focus ring for keyboard users, also after a mouse click.
  focusRing: 'auto',
  defaultRadius: 'sm',
});
