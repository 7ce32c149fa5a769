import TrendingDownIcon from '@mui/icons-material/TrendingDown';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { Alert, Box, List as MuiList, ListItem, ListItemButton, ListItemIcon, ListItemText, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useCreatePath, useDataProvider } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../api/swayQueries';
import { NoneYet, Section } from '../common/Section';
import type { SwayDataProvider } from '../dataProvider';

/** The dashboard's score panels: the distribution of scores and this week's top movers, from one query. */
export function useDashboardData() {
  const dataProvider = useDataProvider<SwayDataProvider>();
  return useQuery({ queryKey: ['dashboard', 7], queryFn: () => dataProvider.getDashboard(7) });
}

const ScoreHistogram = ({ data }: { data: Dashboard['scoreDistribution'] }) => {
  if (data.total === 0) return <NoneYet>No scores yet: they appear after the first rescore.</NoneYet>;
  const bars = data.buckets.map((b) => ({ range: `${b.low}–${b.high}`, people: b.count }));
  return (
    <Box sx={{ height: 240 }} data-testid="score-histogram">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} margin={{ left: 0, right: 8, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="range" interval={0} tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} width={48} />
          <Tooltip formatter={(v) => [Number(v).toLocaleString(), 'People']} />
          <Bar dataKey="people" fill="#3f51b5" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};

const TopMovers = ({ movers }: { movers: Dashboard['topMovers'] }) => {
  const createPath = useCreatePath();
  if (!movers.length) return <NoneYet>No moves to show: the daily history needs a week of days.</NoneYet>;
  return (
    <MuiList dense disablePadding data-testid="top-movers">
      {movers.map((m) => (
        <ListItem key={m.person.id} disablePadding divider>
          <ListItemButton component={Link} to={createPath({ resource: 'people', id: m.person.id, type: 'show' })}>
            <ListItemIcon sx={{ minWidth: 36 }}>{m.delta >= 0 ? <TrendingUpIcon color="success" /> : <TrendingDownIcon color="error" />}</ListItemIcon>
            <ListItemText primary={m.person.displayName} secondary={`${m.before.toFixed(1)} → ${m.after.toFixed(1)}`} />
            <Typography variant="body2" sx={{ fontWeight: 600, color: m.delta >= 0 ? 'success.main' : 'error.main', ml: 1 }}>
              {m.delta >= 0 ? '+' : '−'}
              {Math.abs(m.delta).toFixed(1)}
            </Typography>
          </ListItemButton>
        </ListItem>
      ))}
    </MuiList>
  );
};

export const ScorePanels = () => {
  const { data, error, isPending } = useDashboardData();
  const body = (render: (d: Dashboard) => ReactNode, height: number) =>
    isPending ? <Skeleton variant="rectangular" height={height} /> : error || !data ? <Alert severity="error">{error instanceof Error ? error.message : 'Could not load'}</Alert> : render(data);
  const movers = data?.topMovers[0];
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2 }}>
      <Box sx={{ flex: 3, minWidth: 0 }}>
        <Section title="Score distribution">{body((d) => <ScoreHistogram data={d.scoreDistribution} />, 240)}</Section>
      </Box>
      <Box sx={{ flex: 2, minWidth: 0 }}>
        <Section title={movers ? `Top movers, ${movers.from} to ${movers.to}` : 'Top movers this week'}>{body((d) => <TopMovers movers={d.topMovers} />, 240)}</Section>
      </Box>
    </Stack>
  );
};
