import { Alert, Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useDataProvider } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { NoneYet } from '../common/Section';
import type { SwayDataProvider } from '../dataProvider';
import { StatusChip } from './CampaignStatusChip';

const number = (n: number) => n.toLocaleString('en-US');

const Figure = ({ label, value }: { label: string; value: string }) => (
  <Paper variant="outlined" sx={{ p: 1.5, minWidth: 0 }} data-testid={`report-${label.toLowerCase().replace(/\W+/g, '-')}`}>
    <Typography variant="caption" sx={{ color: 'text.secondary' }}>
      {label}
    </Typography>
    <Typography variant="h6" component="p" sx={{ overflowWrap: 'anywhere' }}>
      {value}
    </Typography>
  </Paper>
);

/**
 * A campaign's outcomes, computed by the API when asked: claims by status, attributed posts,
 * engagement, unique engagers, conversions, revenue, cost, cost per engagement and ROI; the daily
 * series as a chart; and a line per influencer.
 */
export const CampaignReport = ({ campaignId, currency }: { campaignId: string; currency: string }) => {
  const dataProvider = useDataProvider<SwayDataProvider>();
  const { data: report, error, isPending } = useQuery({ queryKey: ['campaignReport', campaignId], queryFn: () => dataProvider.getCampaignReport(campaignId) });
  if (error) return <Alert severity="error">{error instanceof Error ? error.message : 'The report could not be loaded.'}</Alert>;
  if (isPending) return <NoneYet>Computing the report…</NoneYet>;
  const money = (n: number) => n.toLocaleString('en-US', { style: 'currency', currency: /^[A-Z]{3}$/.test(currency) ? currency : 'USD' });
  return (
    <Box data-testid="campaign-report">
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', sm: 'repeat(auto-fill, minmax(150px, 1fr))' }, gap: 1 }}>
        {report.claimsByStatus.map((c) => (
          <Figure key={c.status} label={`Claims ${c.status.toLowerCase()}`} value={number(c.count)} />
        ))}
        <Figure label="Attributed posts" value={number(report.attributedPosts)} />
        <Figure label="Engagement" value={number(report.engagements)} />
        <Figure label="Unique engagers" value={number(report.uniqueEngagers)} />
        <Figure label="Estimated reach" value={number(report.estimatedReach)} />
        <Figure label="Conversions" value={number(report.conversions)} />
        <Figure label="Revenue" value={money(report.revenue)} />
        <Figure label="Cost" value={money(report.cost)} />
        <Figure label="Cost per engagement" value={report.costPerEngagement === null ? '—' : money(report.costPerEngagement)} />
        <Figure label="ROI" value={report.roi === null ? '—' : `${report.roi >= 0 ? '+' : ''}${(report.roi * 100).toFixed(0)}%`} />
      </Box>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        Day by day
      </Typography>
      <Box sx={{ height: 240, minWidth: 0 }} data-testid="report-daily-chart">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={report.daily} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" tick={{ fontSize: 10 }} minTickGap={16} />
            <YAxis allowDecimals={false} tick={{ fontSize: 10 }} />
            <Tooltip />
            <Legend />
            <Line type="monotone" dataKey="engagements" name="Engagement" stroke="#1976d2" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="posts" name="Posts" stroke="#9c27b0" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="claims" name="Claims" stroke="#ed6c02" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="conversions" name="Conversions" stroke="#2e7d32" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Box>
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        By influencer
      </Typography>
      {report.influencers.length ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" data-testid="report-influencers">
            <TableHead>
              <TableRow>
                <TableCell>Influencer</TableCell>
                <TableCell>Claim</TableCell>
                <TableCell align="right">Posts</TableCell>
                <TableCell align="right">Engagement</TableCell>
                <TableCell align="right">Engagers</TableCell>
                <TableCell align="right">Conversions</TableCell>
                <TableCell align="right">Revenue</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.influencers.map((line) => (
                <TableRow key={line.promoCode}>
                  <TableCell>
                    <Link to={`/people/${encodeURIComponent(line.person.id)}/show`}>{line.person.displayName}</Link>
                  </TableCell>
                  <TableCell>
                    <StatusChip status={line.claimStatus} />
                  </TableCell>
                  <TableCell align="right">{number(line.posts)}</TableCell>
                  <TableCell align="right">{number(line.engagements)}</TableCell>
                  <TableCell align="right">{number(line.uniqueEngagers)}</TableCell>
                  <TableCell align="right">{number(line.conversions)}</TableCell>
                  <TableCell align="right">{money(line.revenue)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : (
        <NoneYet>No claimer yet.</NoneYet>
      )}
    </Box>
  );
};
