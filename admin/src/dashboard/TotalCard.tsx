import { Card, CardActionArea, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import type { ComponentType } from 'react';
import { Link, useCreatePath, useGetList } from 'react-admin';

/**
 * How many records a resource holds: the connection's totalCount, read through the data provider
 * with a one-item page (react-admin reports it as `total`).
 */
export const TotalCard = ({ resource, label, icon: Icon }: { resource: string; label: string; icon: ComponentType<{ sx?: object }> }) => {
  const { total, isPending, error } = useGetList(resource, { pagination: { page: 1, perPage: 1 } });
  const createPath = useCreatePath();
  return (
    <Card variant="outlined" sx={{ flex: '1 1 160px', minWidth: 0 }}>
      <CardActionArea component={Link} to={createPath({ resource, type: 'list' })} sx={{ height: '100%' }}>
        <CardContent>
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5 }}>
            <Icon sx={{ fontSize: 36, color: 'primary.main', opacity: 0.8 }} />
            <div>
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {label}
              </Typography>
              <Typography variant="h5" component="p" data-testid={`total-${resource}`}>
                {isPending ? <Skeleton width={60} /> : error ? '—' : (total ?? 0).toLocaleString()}
              </Typography>
            </div>
          </Stack>
          {error && (
            <Typography variant="caption" sx={{ color: 'error.main' }}>
              {error instanceof Error ? error.message : 'Could not count'}
            </Typography>
          )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
