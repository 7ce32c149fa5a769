import { Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** Label/value pairs under a show page's heading; values left empty are skipped. */
export interface HeaderFact {
  label: string;
  value: ReactNode;
}

/** A show page's top: a heading, chips beside it, and a wrapping row of facts. */
export const RecordHeader = ({ title, chips, facts }: { title: ReactNode; chips?: ReactNode; facts: HeaderFact[] }) => (
  <Box>
    <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
      <Typography variant="h5" component="h1" sx={{ overflowWrap: 'anywhere' }}>
        {title}
      </Typography>
      {chips}
    </Stack>
    <Box
      component="dl"
      sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', sm: 'repeat(auto-fill, minmax(160px, 1fr))' }, gap: 2, mt: 2, mb: 0 }}
    >
      {facts
        .filter((fact) => fact.value !== null && fact.value !== undefined && fact.value !== '')
        .map((fact) => (
          <Box key={fact.label} sx={{ minWidth: 0 }}>
            <Typography component="dt" variant="caption" sx={{ color: 'text.secondary' }}>
              {fact.label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
              {fact.value}
            </Typography>
          </Box>
        ))}
    </Box>
  </Box>
);

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
