import { Box, Typography } from '@mui/material';
import type { ComponentType } from 'react';

/**
 * What a list shows before anything was ingested. The console cannot create records (the API
 * only ingests batches), so it says where data comes from instead of offering a Create button.
 */
export const EmptyResource = ({ icon: Icon, what }: { icon: ComponentType<{ sx?: object }>; what: string }) => (
  <Box sx={{ textAlign: 'center', py: 8, px: 2, color: 'text.secondary', width: '100%' }}>
    <Icon sx={{ fontSize: 64, opacity: 0.4 }} />
    <Typography variant="h6" component="p" sx={{ mt: 1 }}>
      No {what} yet
    </Typography>
    <Typography variant="body2" sx={{ mt: 1 }}>
      Send some with the <code>ingest</code> mutation (try it in the <a href="/explorer/">query explorer</a>) or run{' '}
      <code>npm run import</code>.
    </Typography>
  </Box>
);
