import { Alert, Box, LinearProgress, Paper, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useDataProvider } from 'react-admin';
import { NoneYet } from '../common/Section';
import type { SwayDataProvider } from '../dataProvider';

const number = (n: number) => n.toLocaleString('en-US');

/**
 * The dashboard's "Active campaigns" panel: how many run now and, for each, units claimed,
 * engagement, conversions, revenue and ROI so far.
 */
export const ActiveCampaigns = () => {
  const dataProvider = useDataProvider<SwayDataProvider>();
  const { data, error, isPending } = useQuery({ queryKey: ['activeCampaigns'], queryFn: () => dataProvider.getActiveCampaigns(6) });
  if (error) return <Alert severity="error">{error instanceof Error ? error.message : 'Active campaigns could not be loaded.'}</Alert>;
  if (isPending) return <LinearProgress />;
  if (!data.nodes.length) return <NoneYet>No campaign is active.</NoneYet>;
  return (
    <Box data-testid="active-campaigns">
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
        {data.totalCount} active · <Link to="/campaigns">all campaigns</Link>
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 260px), 1fr))', gap: 1 }}>
        {data.nodes.map((c) => {
          const claimed = c.inventory - c.remaining;
          const money = (n: number) => n.toLocaleString('en-US', { style: 'currency', currency: /^[A-Z]{3}$/.test(c.currency) ? c.currency : 'USD', maximumFractionDigits: 0 });
          return (
            <Paper key={c.id} variant="outlined" sx={{ p: 1.5, minWidth: 0 }}>
              <Link to={`/campaigns/${encodeURIComponent(c.id)}/show`}>
                <Typography variant="subtitle2" component="span" sx={{ overflowWrap: 'anywhere' }}>
                  {c.name}
                </Typography>
              </Link>
              <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
                {c.brand.name} · ends {new Date(c.endsAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}
              </Typography>
              <LinearProgress variant="determinate" value={c.inventory ? (100 * claimed) / c.inventory : 0} sx={{ my: 1 }} aria-label="Units claimed" />
              <Typography variant="body2">
                {number(claimed)} of {number(c.inventory)} claimed · {number(c.report.engagements)} engagement · {number(c.report.conversions)} conversions ·{' '}
                {money(c.report.revenue)} revenue · ROI {c.report.roi === null ? '—' : `${(c.report.roi * 100).toFixed(0)}%`}
              </Typography>
            </Paper>
          );
        })}
      </Box>
    </Box>
  );
};
