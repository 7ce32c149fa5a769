import PeopleIcon from '@mui/icons-material/People';
import { Box, Tooltip, Typography } from '@mui/material';
import {
  ColumnsButton,
  DataTable,
  DateField,
  FilterButton,
  List,
  SearchInput,
  NumberInput,
  SelectArrayInput,
  SimpleList,
  TextInput,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import type { PersonRecord } from '../api/records';
import { NETWORK_CHOICES } from '../common/choices';
import { CursorPagination } from '../common/CursorPagination';
import { EmptyResource } from '../common/EmptyResource';
import { errorsShownInline, ListError } from '../common/ListError';
import { useIsSmall } from '../common/useIsSmall';
import { PeopleExportButton } from './PeopleExportButton';
import { PersonFilterSidebar } from './PersonFilters';

/** On a phone there is no room for the sidebar: the same filters drop down from the toolbar. */
const phoneFilters = (personalDetails: boolean) => [
  <SearchInput key="search" source="search" alwaysOn placeholder="Name starts with…" />,
  ...(personalDetails
    ? [<TextInput key="region" source="region" label="Region (e.g. US)" />, <TextInput key="language" source="language" label="Language (e.g. en)" />]
    : []),
  <SelectArrayInput key="networks" source="networks" label="Has an account on" choices={NETWORK_CHOICES} />,
  <NumberInput key="scoreMin" source="scoreMin" label="Lowest score" min={1} max={100} />,
  <NumberInput key="scoreMax" source="scoreMax" label="Highest score" min={1} max={100} />,
  <NumberInput key="minAuthenticity" source="minAuthenticity" label="Minimum authenticity" min={0} max={100} />,
];

const Column = DataTable.Col<PersonRecord>;

/** The score with its confidence band: "42.3" and, smaller, "38.1–46.0". */
export const ScoreWithBand = () => {
  const person = useRecordContext<PersonRecord>();
  if (!person?.score) return null;
  const { value, band } = person.score;
  return (
    <Tooltip title={`Confidence band ${band.low.toFixed(1)} to ${band.high.toFixed(1)}`}>
      <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
        <Typography component="span" variant="body2" sx={{ fontWeight: 600 }} data-testid="person-score">
          {value.toFixed(1)}
        </Typography>
        <Typography component="span" variant="caption" sx={{ color: 'text.secondary', ml: 0.75 }}>
          {band.low.toFixed(0)}–{band.high.toFixed(0)}
        </Typography>
      </Box>
    </Tooltip>
  );
};

const ListActions = ({ isSmall }: { isSmall: boolean }) => (
  <TopToolbar>
    {isSmall && <FilterButton />}
    {!isSmall && <ColumnsButton />}
    <PeopleExportButton />
  </TopToolbar>
);

/**
 * The influencer explorer: a filter sidebar with saved queries, sortable columns that can be
 * picked (the choice is remembered), and CSV export of the whole filtered list.
 */
export const PersonList = () => {
  const isSmall = useIsSmall();
  // Region and language are personal details: only ADMINs may filter by them (auth/permissions.ts).
  const { canAccess: personalDetails = false } = useCanAccess({ resource: 'personalDetailFilters', action: 'list' });
  return (
    <List
      title="Influencers"
      filters={isSmall ? phoneFilters(personalDetails) : undefined}
      aside={isSmall ? undefined : <PersonFilterSidebar />}
      actions={<ListActions isSmall={isSmall} />}
      sort={{ field: 'displayName', order: 'ASC' }}
      perPage={25}
      pagination={<CursorPagination />}
      empty={<EmptyResource icon={PeopleIcon} what="people" />}
      error={<ListError />}
      queryOptions={errorsShownInline}
    >
      {isSmall ? (
        <SimpleList<PersonRecord>
          primaryText={(person) => person.displayName}
          secondaryText={(person) => [person.region, person.language].filter(Boolean).join(' · ') || 'No region'}
          tertiaryText={(person) => `${person.score ? person.score.value.toFixed(1) : '—'} · ${person.accounts.totalCount} acct.`}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false} hiddenColumns={['language']}>
          <Column source="displayName" label="Name" />
          {/* Sorted by the exact score (people shown alike keep their order), highest first on the first click. */}
          <Column source="score.value" label="Score" sortByOrder="DESC">
            <ScoreWithBand />
          </Column>
          <Column source="region" disableSort />
          <Column source="language" disableSort />
          <DataTable.NumberCol<PersonRecord> source="accounts.totalCount" label="Accounts" disableSort />
          <Column source="createdAt" label="First seen" field={DateField} />
        </DataTable>
      )}
    </List>
  );
};
