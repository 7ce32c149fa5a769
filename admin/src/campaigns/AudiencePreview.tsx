import { Alert, Box, Chip, LinearProgress, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useDataProvider } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fieldErrorsOf } from '../api/readableErrors';
import { targetInput } from '../api/buildQuery';
import type { CampaignTarget } from '../api/records';
import { networkName } from '../common/choices';
import type { SwayDataProvider } from '../dataProvider';

/** How long the criteria must rest before the preview asks again: a slider drag sends one request, not fifty. */
export const PREVIEW_DEBOUNCE_MS = 250;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ms]);
  return debounced;
}

const TARGET_FIELDS = ['minScore', 'maxScore', 'topics', 'networks', 'regions', 'minAuthenticity'];

/**
 * The live audience of the targeting criteria being edited: previewAudience(target:) as they
 * change (debounced), with its size, the breakdowns by score band, network and region, and the
 * highest-scored eligible people. An invalid criterion shows under its control.
 */
export const AudiencePreview = () => {
  const dataProvider = useDataProvider<SwayDataProvider>();
  const watched = useWatch({ name: 'target' }) as Partial<CampaignTarget> | undefined;
  const target = useDebounced(targetInput((watched ?? {}) as Record<string, unknown>), PREVIEW_DEBOUNCE_MS);
  const { setError, clearErrors } = useFormContext();
  const { data, error, isFetching, isPending } = useQuery({
    queryKey: ['previewAudience', target],
    queryFn: () => dataProvider.previewAudience(target, 10),
    placeholderData: keepPreviousData,
    retry: false,
  });

  useEffect(() => {
    const errors = fieldErrorsOf(error, ['target']);
    for (const field of TARGET_FIELDS) {
      if (errors[field]) setError(`target.${field}`, { type: 'server', message: errors[field] });
      else clearErrors(`target.${field}`);
    }
  }, [error, setError, clearErrors]);

  return (
    <Box data-testid="audience-preview" sx={{ minWidth: 0 }}>
      <Typography variant="overline" sx={{ color: 'text.secondary' }}>
        Live audience
      </Typography>
      <Box sx={{ height: 4 }}>{isFetching && <LinearProgress />}</Box>
      {error ? (
        <Alert severity="warning" sx={{ my: 1 }}>
          {error instanceof Error ? error.message : 'The audience could not be computed.'}
        </Alert>
      ) : null}
      {isPending && !data ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          Counting…
        </Typography>
      ) : data ? (
        <>
          <Typography variant="h4" component="p" data-testid="audience-size" aria-live="polite">
            {data.size.toLocaleString('en-US')}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
            {data.size === 1 ? 'person is' : 'people are'} eligible now
          </Typography>
          <Box sx={{ height: 120, minWidth: 0 }} data-testid="audience-bands">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data.byScoreBand} margin={{ top: 4, right: 4, bottom: 0, left: -24 }}>
                <XAxis dataKey="band" tick={{ fontSize: 10 }} interval={0} />
                <YAxis allowDecimals={false} tick={{ fontSize: 10 }} />
                <Tooltip />
                <Bar dataKey="count" name="People" fill="#1976d2" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Box>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            By network
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mb: 1 }} data-testid="audience-networks">
            {data.byNetwork.map((n) => (
              <Chip key={n.network} size="small" label={`${networkName(n.network)} ${n.count}`} />
            ))}
          </Stack>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            By region
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mb: 1 }} data-testid="audience-regions">
            {data.byRegion.slice(0, 12).map((r) => (
              <Chip key={r.region ?? 'unknown'} size="small" variant="outlined" label={`${r.region ?? 'Unknown'} ${r.count}`} />
            ))}
          </Stack>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            Highest-scored eligible influencers
          </Typography>
          <List dense disablePadding data-testid="audience-sample">
            {data.people.map((person) => (
              <ListItem key={person.id} disableGutters>
                <ListItemText
                  primary={<Link to={`/people/${encodeURIComponent(person.id)}/show`}>{person.displayName}</Link>}
                  secondary={[person.score ? person.score.value.toFixed(1) : null, person.region].filter(Boolean).join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        </>
      ) : null}
    </Box>
  );
};
