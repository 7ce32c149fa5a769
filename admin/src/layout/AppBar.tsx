import TerminalIcon from '@mui/icons-material/Terminal';
import { Box, Button, IconButton, Tooltip, Typography } from '@mui/material';
import { AppBar as RaAppBar, TitlePortal } from 'react-admin';
import { useIsSmall } from '../common/useIsSmall';

/**
 * The console's top bar: the page title and a way into the query explorer. The explorer is a
 * separate page (/explorer/), not a console route, so it is a plain link.
 */
export const AppBar = () => {
  const isSmall = useIsSmall();
  return (
    <RaAppBar userMenu={false}>
      <Typography component="span" sx={{ fontWeight: 700, mr: 2, letterSpacing: 0.5, display: { xs: 'none', sm: 'inline' } }}>
        Sway
      </Typography>
      <TitlePortal />
      <Box sx={{ flex: 1 }} />
      {isSmall ? (
        <Tooltip title="Query explorer">
          <IconButton color="inherit" href="/explorer/" aria-label="Query explorer">
            <TerminalIcon />
          </IconButton>
        </Tooltip>
      ) : (
        <Button color="inherit" href="/explorer/" startIcon={<TerminalIcon />}>
          Query explorer
        </Button>
      )}
    </RaAppBar>
  );
};
