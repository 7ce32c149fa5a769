import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's default light theme with Sway's colours, a darker app bar and flat cards
 * (the console's sections are outlined instead).
 */
export const swayTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#4338ca' },
    secondary: { main: '#0f766e' },
    background: { default: '#f6f7fb' },
  },
  shape: { borderRadius: 8 },
  sidebar: { width: 210, closedWidth: 50 },
  components: {
    ...defaultLightTheme.components,
    RaAppBar: {
      styleOverrides: {
        root: { '& .RaAppBar-toolbar': { backgroundColor: '#1e1b4b', color: '#fff' } },
      },
    },
    MuiCard: { defaultProps: { elevation: 0 } },
  },
};
