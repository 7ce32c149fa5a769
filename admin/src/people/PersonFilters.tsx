import LanguageIcon from '@mui/icons-material/Translate';
import PublicIcon from '@mui/icons-material/Public';
import SearchIcon from '@mui/icons-material/Search';
import ShareIcon from '@mui/icons-material/Share';
import ShieldIcon from '@mui/icons-material/Shield';
import SpeedIcon from '@mui/icons-material/Speed';
import TagIcon from '@mui/icons-material/Tag';
import FlagIcon from '@mui/icons-material/Flag';
import { Autocomplete, Box, Card, CardContent, Chip, Slider, TextField as MuiTextField } from '@mui/material';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  FilterList,
  FilterListItem,
  FilterListSection,
  FilterLiveForm,
  SavedQueriesList,
  TextInput,
  useGetList,
  useCanAccess,
  useListContext,
} from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { fieldErrorsOf } from '../api/readableErrors';
import { RESOURCE_QUERIES } from '../api/resourceQueries';
import type { TopicRecord } from '../api/records';
import { NETWORK_CHOICES } from '../common/choices';

/**
 * The influencer explorer's filter sidebar, after react-admin's demo: saved queries, then one
 * section per filter. A section shows only when the API's PersonFilterInput has its field (listed
 * in api/resourceQueries.ts), so the score range, topic, authenticity and flag filters appear by
 * adding their field names there once people(filter:) accepts them.
 */

/**
 * Puts a BAD_USER_INPUT from the API on the input it names ("filter.region" → the region box),
 * inside a FilterLiveForm. The list shows the message in place of the rows as well.
 */
const ServerFieldErrors = ({ fields }: { fields: string[] }) => {
  const { error } = useListContext();
  const { setError, clearErrors } = useFormContext();
  useEffect(() => {
    const errors = fieldErrorsOf(error);
    for (const field of fields) {
      if (errors[field]) setError(field, { type: 'server', message: errors[field] });
      else clearErrors(field);
    }
  }, [error, fields, setError, clearErrors]);
  return null;
};

const TextFilter = ({ source, label, icon, placeholder }: { source: string; label: string; icon: ReactNode; placeholder?: string }) => (
  <FilterListSection label={label} icon={icon}>
    <FilterLiveForm debounce={400}>
      <TextInput source={source} label={false} placeholder={placeholder} resettable helperText={false} size="small" />
      <ServerFieldErrors fields={[source]} />
    </FilterLiveForm>
  </FilterListSection>
);

/** Two-thumb score range, 1 to 100; applied when the thumb is let go. */
export const ScoreRangeFilter = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const current: [number, number] = [Number(filterValues.scoreMin ?? 1), Number(filterValues.scoreMax ?? 100)];
  const [range, setRange] = useState<number[]>(current);
  useEffect(() => setRange([Number(filterValues.scoreMin ?? 1), Number(filterValues.scoreMax ?? 100)]), [filterValues.scoreMin, filterValues.scoreMax]);
  return (
    <FilterListSection label="Score" icon={<SpeedIcon />}>
      <Box sx={{ px: 2 }} data-testid="score-range-filter">
        <Slider
          value={range}
          min={1}
          max={100}
          valueLabelDisplay="auto"
          getAriaLabel={(i) => (i === 0 ? 'Lowest score' : 'Highest score')}
          onChange={(_, value) => setRange(value as number[])}
          onChangeCommitted={(_, value) => {
            const [low, high] = value as number[];
            const { scoreMin: _min, scoreMax: _max, ...rest } = filterValues;
            setFilters({ ...rest, ...(low > 1 ? { scoreMin: low } : {}), ...(high < 100 ? { scoreMax: high } : {}) }, displayedFilters);
          }}
        />
      </Box>
    </FilterListSection>
  );
};

/** Minimum authenticity, 0 to 100. */
export const MinAuthenticityFilter = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const [value, setValue] = useState<number>(Number(filterValues.minAuthenticity ?? 0));
  useEffect(() => setValue(Number(filterValues.minAuthenticity ?? 0)), [filterValues.minAuthenticity]);
  return (
    <FilterListSection label="Minimum authenticity" icon={<ShieldIcon />}>
      <Box sx={{ px: 2 }}>
        <Slider
          value={value}
          min={0}
          max={100}
          valueLabelDisplay="auto"
          aria-label="Minimum authenticity"
          onChange={(_, v) => setValue(v as number)}
          onChangeCommitted={(_, v) => {
            const { minAuthenticity: _m, ...rest } = filterValues;
            setFilters({ ...rest, ...((v as number) > 0 ? { minAuthenticity: v } : {}) }, displayedFilters);
          }}
        />
      </Box>
    </FilterListSection>
  );
};

/** Topics of the ontology, searched as you type (by name prefix), several at once, by slug. */
export const TopicFilter = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const [search, setSearch] = useState('');
  const { data: options = [], isFetching } = useGetList<TopicRecord>('topics', {
    pagination: { page: 1, perPage: 20 },
    filter: search.trim() ? { search: search.trim() } : {},
  });
  // A stable array: MUI's Autocomplete clears what is typed whenever `value` changes identity.
  const topicsKey = JSON.stringify(filterValues.topics ?? []);
  const selected: string[] = useMemo(() => (Array.isArray(filterValues.topics) ? filterValues.topics : []), [topicsKey]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <FilterListSection label="Topics" icon={<TagIcon />}>
      <Autocomplete
        data-testid="topic-filter"
        multiple
        size="small"
        sx={{ px: 1 }}
        options={options.map((t) => t.slug)}
        getOptionLabel={(slug) => options.find((t) => t.slug === slug)?.displayName ?? slug}
        value={selected}
        loading={isFetching}
        filterOptions={(x) => x}
        onInputChange={(_, text) => setSearch(text)}
        onChange={(_, slugs) => {
          const { topics: _t, ...rest } = filterValues;
          setFilters({ ...rest, ...(slugs.length ? { topics: slugs } : {}) }, displayedFilters);
        }}
        renderValue={(slugs, getItemProps) => slugs.map((slug, index) => <Chip {...getItemProps({ index })} key={slug} label={slug} size="small" />)}
        renderInput={(params) => <MuiTextField {...params} placeholder="Search the ontology…" />}
      />
    </FilterListSection>
  );
};

/** Networks combine with OR (an account on any of them): each item toggles its network in the list. */
const selectedNetworks = (filters: Record<string, unknown>): string[] => (Array.isArray(filters.networks) ? (filters.networks as string[]) : []);
const isNetworkSelected = (value: { networks: string }, filters: Record<string, unknown>) => selectedNetworks(filters).includes(value.networks);
const toggleNetwork = (value: { networks: string }, filters: Record<string, unknown>) => {
  const current = selectedNetworks(filters);
  const next = current.includes(value.networks) ? current.filter((n) => n !== value.networks) : [...current, value.networks];
  const { networks: _n, ...rest } = filters;
  return next.length ? { ...rest, networks: next } : rest;
};

interface FilterSection {
  /** The PersonFilterInput field that must exist for the section to show. */
  field: string;
  element: ReactNode;
  /** A CONSOLE_ACCESS entry the viewer must be able to `list` for the section to show. */
  access?: string;
}

const Guarded = ({ access, children }: { access?: string; children: ReactNode }) => {
  const { canAccess } = useCanAccess({ resource: access ?? 'people', action: 'list' });
  return canAccess ? <>{children}</> : null;
};

const SECTIONS: FilterSection[] = [
  { field: 'search', element: <TextFilter source="search" label="Name" icon={<SearchIcon />} placeholder="Name starts with…" /> },
  { field: 'scoreMin', element: <ScoreRangeFilter /> },
  { field: 'topics', element: <TopicFilter /> },
  {
    field: 'networks',
    element: (
      <FilterList label="Networks" icon={<ShareIcon />}>
        {NETWORK_CHOICES.map((choice) => (
          <FilterListItem key={choice.id} label={choice.name} value={{ networks: choice.id }} isSelected={isNetworkSelected} toggleFilter={toggleNetwork} />
        ))}
      </FilterList>
    ),
  },
  { field: 'region', access: 'personalDetailFilters', element: <TextFilter source="region" label="Region" icon={<PublicIcon />} placeholder="e.g. US" /> },
  { field: 'language', access: 'personalDetailFilters', element: <TextFilter source="language" label="Language" icon={<LanguageIcon />} placeholder="e.g. en" /> },
  { field: 'minAuthenticity', element: <MinAuthenticityFilter /> },
  {
    field: 'flagged',
    element: (
      <FilterList label="Authenticity flags" icon={<FlagIcon />}>
        <FilterListItem label="Flagged" value={{ flagged: true }} />
        <FilterListItem label="Not flagged" value={{ flagged: false }} />
      </FilterList>
    ),
  },
];

export const PersonFilterSidebar = () => {
  const spec = RESOURCE_QUERIES.people;
  const available = new Set([...spec.filterFields, ...Object.keys(spec.nestedFilterFields ?? {})]);
  return (
    <Card variant="outlined" sx={{ order: -1, mr: 2, mt: 2, width: 240, flexShrink: 0, alignSelf: 'flex-start' }} data-testid="people-filters">
      <CardContent sx={{ pt: 1 }}>
        <SavedQueriesList />
        {SECTIONS.filter((s) => available.has(s.field)).map((s) => (
          <Guarded key={s.field} access={s.access}>
            <Box>{s.element}</Box>
          </Guarded>
        ))}
      </CardContent>
    </Card>
  );
};
