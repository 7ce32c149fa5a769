import TerminalIcon from '@mui/icons-material/Terminal';
import { Box, Button, IconButton, Tooltip, Typography } from '@mui/material';
import { AppBar as RaAppBar, TitlePortal, useCanAccess } from 'react-admin';
import { useIsSmall } from '../common/useIsSmall';

/**
 * The console's top bar: the page title, a way into the query explorer for the roles that query
 * the API (it is a separate page, /explorer/, so a plain link), and the user menu with logout.
 */
export const AppBar = () => {
  const isSmall = useIsSmall();
  const { canAccess: canExplore } = useCanAccess({ resource: 'explorer', action: 'list' });
  return (
    <RaAppBar>
      <Typography component="span" sx={{ fontWeight: 700, mr: 2, letterSpacing: 0.5, display: { xs: 'none', sm: 'inline' } }}>
        Sway
      </Typography>
      <TitlePortal />
      <Box sx={{ flex: 1 }} />
      {canExplore &&
        (isSmall ? (
          <Tooltip title="Query explorer">
            <IconButton color="inherit" href="/explorer/" aria-label="Query explorer">
              <TerminalIcon />
            </IconButton>
          </Tooltip>
        ) : (
          <Button color="inherit" href="/explorer/" startIcon={<TerminalIcon />}>
            Query explorer
          </Button>
        ))}
    </RaAppBar>
  );
};
