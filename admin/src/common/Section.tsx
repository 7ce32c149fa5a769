import { Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A titled card on a show page or the dashboard. */
export const Section = ({ title, action, children }: { title: ReactNode; action?: ReactNode; children: ReactNode }) => (
  <Card variant="outlined" sx={{ mt: 2 }}>
    <CardContent sx={{ pb: 1, '&:last-child': { pb: 1 } }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1, gap: 1 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {action}
      </Stack>
      {children}
    </CardContent>
  </Card>
);

/** What a section says when its list is empty. */
export const NoneYet = ({ children }: { children: ReactNode }) => (
  <Typography variant="body2" sx={{ color: 'text.secondary', py: 1 }}>
    {children}
  </Typography>
);
