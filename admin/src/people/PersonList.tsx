import PeopleIcon from '@mui/icons-material/People';
import { DataTable, DateField, List, SearchInput, SelectInput, SimpleList, TextInput } from 'react-admin';
import type { PersonRecord } from '../api/records';
import { NETWORK_CHOICES } from '../common/choices';
import { CursorPagination } from '../common/CursorPagination';
import { EmptyResource } from '../common/EmptyResource';
import { errorsShownInline, ListError } from '../common/ListError';
import { useIsSmall } from '../common/useIsSmall';

const personFilters = [
  <SearchInput key="search" source="search" alwaysOn placeholder="Name starts with…" />,
  <TextInput key="region" source="region" label="Region (e.g. US)" />,
  <TextInput key="language" source="language" label="Language (e.g. en)" />,
  <SelectInput key="network" source="network" label="Has an account on" choices={NETWORK_CHOICES} />,
];

const Column = DataTable.Col<PersonRecord>;

export const PersonList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      filters={personFilters}
      sort={{ field: 'displayName', order: 'ASC' }}
      perPage={25}
      pagination={<CursorPagination />}
      empty={<EmptyResource icon={PeopleIcon} what="people" />}
      error={<ListError />}
      queryOptions={errorsShownInline}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList<PersonRecord>
          primaryText={(person) => person.displayName}
          secondaryText={(person) => [person.region, person.language].filter(Boolean).join(' · ') || 'No region'}
          tertiaryText={(person) => `${person.accounts.totalCount} acct.`}
          rowClick="show"
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <Column source="displayName" label="Name" />
          <Column source="region" disableSort />
          <Column source="language" disableSort />
          <DataTable.NumberCol<PersonRecord> source="accounts.totalCount" label="Accounts" disableSort />
          <Column source="createdAt" label="Created" field={DateField} />
        </DataTable>
      )}
    </List>
  );
};
