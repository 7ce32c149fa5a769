import { Autocomplete, Box, Chip, FormHelperText, Slider, TextField as MuiTextField, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { CheckboxGroupInput, useGetList } from 'react-admin';
import { useController } from 'react-hook-form';
import type { TopicRecord } from '../api/records';
import { NETWORK_CHOICES } from '../common/choices';

/**
 * The targeting criteria of a campaign form, under `target.*` (AudienceTargetInput's fields):
 * score range 1–100, topics (by slug), networks, regions and minimum authenticity. A server
 * BAD_USER_INPUT naming `input.target.<field>` shows under that control.
 */

/** Stable: MUI's Autocomplete clears what is typed whenever `value` changes identity. */
const NONE: string[] = [];

const Labelled = ({ label, error, children, testId }: { label: string; error?: string; children: ReactNode; testId?: string }) => (
  <Box sx={{ mb: 2 }} data-testid={testId}>
    <Typography variant="body2" sx={{ color: error ? 'error.main' : 'text.secondary', mb: 0.5 }}>
      {label}
    </Typography>
    {children}
    {error && <FormHelperText error>{error}</FormHelperText>}
  </Box>
);

const ScoreRange = () => {
  const min = useController({ name: 'target.minScore' });
  const max = useController({ name: 'target.maxScore' });
  const value = [Number(min.field.value ?? 1), Number(max.field.value ?? 100)];
  const error = min.fieldState.error?.message ?? max.fieldState.error?.message;
  return (
    <Labelled label={`Score ${value[0]} to ${value[1]}`} error={error} testId="target-score-range">
      <Box sx={{ px: 1.5 }}>
        <Slider
          value={value}
          min={1}
          max={100}
          valueLabelDisplay="auto"
          disableSwap
          getAriaLabel={(i) => (i === 0 ? 'Lowest score' : 'Highest score')}
          onChange={(_, next) => {
            const [low, high] = next as number[];
            if (low !== value[0]) min.field.onChange(low);
            if (high !== value[1]) max.field.onChange(high);
          }}
        />
      </Box>
    </Labelled>
  );
};

const MinAuthenticity = () => {
  const { field, fieldState } = useController({ name: 'target.minAuthenticity' });
  const value = Number(field.value ?? 0);
  return (
    <Labelled label={`Minimum authenticity ${value}`} error={fieldState.error?.message} testId="target-min-authenticity">
      <Box sx={{ px: 1.5 }}>
        <Slider value={value} min={0} max={100} valueLabelDisplay="auto" aria-label="Minimum authenticity" onChange={(_, next) => field.onChange(next as number)} />
      </Box>
    </Labelled>
  );
};

const Topics = () => {
  const { field, fieldState } = useController({ name: 'target.topics' });
  const [search, setSearch] = useState('');
  const { data: options = [], isFetching } = useGetList<TopicRecord>('topics', {
    pagination: { page: 1, perPage: 20 },
    filter: search.trim() ? { search: search.trim() } : {},
  });
  const selected: string[] = Array.isArray(field.value) ? field.value : NONE;
  return (
    <Labelled label="Topics (any of them)" error={fieldState.error?.message} testId="target-topics">
      <Autocomplete
        multiple
        size="small"
        options={options.map((t) => t.slug)}
        getOptionLabel={(slug) => options.find((t) => t.slug === slug)?.displayName ?? slug}
        value={selected}
        loading={isFetching}
        filterOptions={(x) => x}
        onInputChange={(_, text) => setSearch(text)}
        onChange={(_, slugs) => field.onChange(slugs)}
        renderValue={(slugs, getItemProps) => slugs.map((slug, index) => <Chip {...getItemProps({ index })} key={slug} label={slug} size="small" />)}
        renderInput={(params) => <MuiTextField {...params} placeholder="Search the ontology…" />}
      />
    </Labelled>
  );
};

const Regions = () => {
  const { field, fieldState } = useController({ name: 'target.regions' });
  const selected: string[] = Array.isArray(field.value) ? field.value : NONE;
  return (
    <Labelled label="Regions (any of them)" error={fieldState.error?.message} testId="target-regions">
      <Autocomplete
        multiple
        freeSolo
        size="small"
        options={['US', 'GB', 'FR', 'DE', 'ES', 'IT', 'CA', 'AU', 'BR', 'IN', 'JP']}
        value={selected}
        onChange={(_, regions) => field.onChange([...new Set(regions.map((r) => r.trim().toUpperCase()).filter(Boolean))])}
        renderValue={(regions, getItemProps) => regions.map((region, index) => <Chip {...getItemProps({ index })} key={region} label={region} size="small" />)}
        renderInput={(params) => <MuiTextField {...params} placeholder="e.g. US, then Enter" />}
      />
    </Labelled>
  );
};

export const TargetingBuilder = () => (
  <Box data-testid="targeting-builder" sx={{ width: '100%' }}>
    <ScoreRange />
    <Topics />
    <CheckboxGroupInput source="target.networks" label="Networks (an account on any of them)" choices={NETWORK_CHOICES} row helperText={false} sx={{ mb: 1 }} />
    <Regions />
    <MinAuthenticity />
  </Box>
);

export const EMPTY_TARGET = { minScore: 1, maxScore: 100, topics: [], networks: [], regions: [], minAuthenticity: 0 };
