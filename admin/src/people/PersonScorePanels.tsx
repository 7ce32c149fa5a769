import { Alert, Box, Chip, LinearProgress, List as MuiList, ListItem, ListItemText, Skeleton, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useRecordContext } from 'react-admin';
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Profile } from '../api/swayQueries';
import { utcDay } from '../api/swayQueries';
import type { PersonRecord } from '../api/records';
import { humanise, networkName } from '../common/choices';
import { excerpt, ShowLink } from '../common/fields';
import { NoneYet, Section } from '../common/Section';
import type { SwayDataProvider } from '../dataProvider';

/**
 * Everything score-related on an influencer's page, from one profile query (api/swayQueries.ts):
 * the score with its band and components, the daily history with what changed, expertise and +K,
 * top content and engagers, and the score per network.
 */

const COMPONENT_LABELS: Record<string, string> = {
  reach: 'Reach',
  amplification: 'Amplification',
  networkImpact: 'Network impact',
  conversation: 'Conversation',
};

function useProfile(days: number) {
  const person = useRecordContext<PersonRecord>();
  const dataProvider = useDataProvider<SwayDataProvider>();
  const to = utcDay(0);
  const from = utcDay(days - 1);
  return useQuery({
    queryKey: ['people', 'profile', person?.id, from, to],
    queryFn: () => dataProvider.getProfile(String(person!.id), { from, to }),
    enabled: Boolean(person?.id),
    placeholderData: (previous) => previous,
  });
}

const Failed = ({ error }: { error: unknown }) => (
  <Alert severity="error">{error instanceof Error ? error.message : 'The scores could not be loaded.'}</Alert>
);

export const ScoreSection = ({ profile }: { profile: Profile }) => {
  const { score } = profile;
  const data = score.components.map((c) => ({ name: COMPONENT_LABELS[c.name] ?? c.name, points: Math.round(c.contribution * 10) / 10 }));
  return (
    <Section title="Score">
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 3, alignItems: { md: 'center' } }}>
        <Box sx={{ minWidth: 180 }}>
          <Typography variant="h3" component="p" data-testid="profile-score">
            {score.value.toFixed(1)}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="profile-band">
            Confidence band {score.band.low.toFixed(1)} – {score.band.high.toFixed(1)}
          </Typography>
          <Box sx={{ position: 'relative', height: 8, bgcolor: 'grey.200', borderRadius: 4, mt: 1 }} aria-hidden>
            <Box sx={{ position: 'absolute', left: `${score.band.low}%`, width: `${Math.max(score.band.high - score.band.low, 0.5)}%`, top: 0, bottom: 0, bgcolor: 'primary.light', borderRadius: 4 }} />
            <Box sx={{ position: 'absolute', left: `${score.value}%`, top: -3, width: 3, height: 14, bgcolor: 'primary.dark' }} />
          </Box>
          <Typography variant="caption" sx={{ color: 'text.secondary', display: 'block', mt: 1 }}>
            From {Math.round(score.evidence.distinctReactors).toLocaleString()} people reacting · {Math.round(score.evidence.reactions).toLocaleString()} reactions ·{' '}
            {Math.round(score.evidence.contentCount).toLocaleString()} posts
          </Typography>
        </Box>
        <Box sx={{ flex: 1, minWidth: 0, height: 180 }} data-testid="components-chart" aria-label="Score components, in points">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" />
              <YAxis type="category" dataKey="name" width={110} />
              <Tooltip formatter={(v) => [`${v} points`, 'Contribution']} />
              <Bar dataKey="points" fill="#3f51b5" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Box>
      </Stack>
    </Section>
  );
};

const HistorySection = ({ profile, days, setDays, isFetching }: { profile: Profile; days: number; setDays: (d: number) => void; isFetching: boolean }) => {
  const person = useRecordContext<PersonRecord>();
  const dataProvider = useDataProvider<SwayDataProvider>();
  const points = profile.scoreHistory.map((p) => ({ day: p.day, score: p.score, band: [p.band.low, p.band.high] as [number, number] }));
  const first = points[0]?.day;
  const last = points.at(-1)?.day;
  const change = useQuery({
    queryKey: ['people', 'scoreChange', person?.id, first, last],
    queryFn: () => dataProvider.getScoreChange(String(person!.id), { from: first!, to: last! }),
    enabled: Boolean(person?.id && first && last && first !== last),
  });
  return (
    <Section
      title="Score history"
      action={
        <ToggleButtonGroup size="small" exclusive value={days} onChange={(_, d) => d && setDays(d)} aria-label="History range">
          {[7, 30, 90].map((d) => (
            <ToggleButton key={d} value={d}>
              {d} days
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      }
    >
      {isFetching && <LinearProgress sx={{ mb: 1 }} />}
      {points.length === 0 ? (
        <NoneYet>No daily history yet: it is written by each full rescore (npm run rescore -- --backfill 90).</NoneYet>
      ) : (
        <Box sx={{ height: 260 }} data-testid="history-chart">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={points} margin={{ left: 0, right: 16, top: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} minTickGap={24} />
              <YAxis domain={['auto', 'auto']} width={40} />
              <Tooltip formatter={(v, name) => (Array.isArray(v) ? [`${Number(v[0]).toFixed(1)} – ${Number(v[1]).toFixed(1)}`, 'Band'] : [Number(v).toFixed(1), String(name)])} />
              <Area dataKey="band" stroke="none" fill="#c5cae9" fillOpacity={0.6} isAnimationActive={false} name="Band" />
              <Line dataKey="score" stroke="#3f51b5" strokeWidth={2} dot={false} isAnimationActive={false} name="Score" />
            </ComposedChart>
          </ResponsiveContainer>
        </Box>
      )}
      {first && last && first !== last && (
        <Box sx={{ mt: 1 }} data-testid="score-change">
          {change.isPending ? (
            <Skeleton width="60%" />
          ) : change.error ? (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              No explanation for this range: {change.error instanceof Error ? change.error.message : 'it could not be loaded'}.
            </Typography>
          ) : (
            <>
              <Typography variant="subtitle2">
                {change.data!.delta >= 0 ? '+' : '−'}
                {Math.abs(change.data!.delta).toFixed(1)} points from {first} to {last}
              </Typography>
              {change.data!.lines.length ? (
                <MuiList dense disablePadding>
                  {change.data!.lines.map((line) => (
                    <ListItem key={line} disableGutters sx={{ py: 0 }}>
                      <ListItemText primary={line} />
                    </ListItem>
                  ))}
                </MuiList>
              ) : (
                <NoneYet>Nothing moved.</NoneYet>
              )}
            </>
          )}
        </Box>
      )}
    </Section>
  );
};

const TopicsSection = ({ profile }: { profile: Profile }) => (
  <Section title="Expertise and +K">
    <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 3 }}>
      <Box sx={{ flex: 2, minWidth: 0 }}>
        {profile.topics.length === 0 ? (
          <NoneYet>No topical expertise yet.</NoneYet>
        ) : (
          profile.topics.map((t) => (
            <Box key={t.topic.id} sx={{ mb: 1 }}>
              <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 1 }}>
                <ShowLink resource="topics" id={t.topic.id}>
                  {t.topic.displayName}
                </ShowLink>
                <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                  {t.expertise.toFixed(0)} / 100{t.active ? '' : ' · fading'}
                </Typography>
              </Stack>
              <LinearProgress variant="determinate" value={Math.min(100, t.expertise)} aria-label={`Expertise in ${t.topic.displayName}`} sx={{ height: 8, borderRadius: 4 }} />
            </Box>
          ))
        )}
      </Box>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="subtitle2" sx={{ mb: 1 }}>
          +K received
        </Typography>
        {profile.kReceived.length === 0 ? (
          <NoneYet>No +K yet.</NoneYet>
        ) : (
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            {profile.kReceived.map((k) => (
              <Chip key={k.topic.id} label={`${k.topic.displayName} +${k.count}`} size="small" color="primary" variant="outlined" />
            ))}
          </Stack>
        )}
      </Box>
    </Stack>
  </Section>
);

const ContributorsSection = ({ profile }: { profile: Profile }) => (
  <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2 }}>
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <Section title="Top content">
        {profile.score.topContent.length === 0 ? (
          <NoneYet>No content has earned points yet.</NoneYet>
        ) : (
          <MuiList dense disablePadding>
            {profile.score.topContent.map(({ content, contribution }, i) => (
              <ListItem key={content?.id ?? i} disableGutters divider>
                <ListItemText
                  primary={content ? <ShowLink resource="content" id={content.id}>{excerpt(content.text, 80)}</ShowLink> : '(removed)'}
                  secondary={content ? `${humanise(content.kind)} on ${networkName(content.network)} · +${contribution.toFixed(1)} points` : `+${contribution.toFixed(1)} points`}
                />
              </ListItem>
            ))}
          </MuiList>
        )}
      </Section>
    </Box>
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <Section title="Top engagers">
        {profile.score.topEngagers.length === 0 ? (
          <NoneYet>Nobody has engaged yet.</NoneYet>
        ) : (
          <MuiList dense disablePadding>
            {profile.score.topEngagers.map(({ person, contribution }, i) => (
              <ListItem key={person?.id ?? i} disableGutters divider>
                <ListItemText
                  primary={person ? <ShowLink resource="people" id={person.id}>{person.displayName}</ShowLink> : '(removed)'}
                  secondary={`+${contribution.toFixed(1)} points${person?.region ? ` · ${person.region}` : ''}`}
                />
              </ListItem>
            ))}
          </MuiList>
        )}
      </Section>
    </Box>
  </Stack>
);

export const NetworksSection = ({ profile }: { profile: Profile }) => {
  const data = profile.score.perNetwork.map((n) => ({ network: networkName(n.network), score: Math.round(n.score * 10) / 10, share: Math.round(n.share * 100) }));
  return (
    <Section title="Score per network">
      {data.length === 0 ? (
        <NoneYet>No network has scored yet.</NoneYet>
      ) : (
        <Box sx={{ height: 40 + data.length * 36 }} data-testid="networks-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[0, 100]} />
              <YAxis type="category" dataKey="network" width={100} />
              <Tooltip formatter={(v, name) => (name === 'share' ? [`${v}%`, 'Share of the total'] : [v, 'Score on this network'])} />
              <Bar dataKey="score" fill="#009688" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Box>
      )}
    </Section>
  );
};

/** All score panels, loading once for the page. */
export const PersonScorePanels = () => {
  const [days, setDays] = useState(30);
  const { data: profile, error, isPending, isFetching } = useProfile(days);
  if (isPending) {
    return (
      <Section title="Score">
        <Skeleton variant="rectangular" height={180} />
      </Section>
    );
  }
  if (error || !profile) return <Section title="Score">{<Failed error={error} />}</Section>;
  return (
    <>
      <ScoreSection profile={profile} />
      <HistorySection profile={profile} days={days} setDays={setDays} isFetching={isFetching} />
      <TopicsSection profile={profile} />
      <ContributorsSection profile={profile} />
      <NetworksSection profile={profile} />
    </>
  );
};
