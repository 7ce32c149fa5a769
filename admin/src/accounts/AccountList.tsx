import AlternateEmailIcon from '@mui/icons-material/AlternateEmail';
import { List, SearchInput, SelectInput } from 'react-admin';
import { NETWORK_CHOICES } from '../common/choices';
import { CursorPagination } from '../common/CursorPagination';
import { EmptyResource } from '../common/EmptyResource';
import { errorsShownInline, ListError } from '../common/ListError';
import { AccountTable } from './AccountTable';

const accountFilters = [
  <SearchInput key="search" source="search" alwaysOn placeholder="Handle starts with…" />,
  <SelectInput key="network" source="network" choices={NETWORK_CHOICES} alwaysOn />,
];

export const AccountList = () => (
  <List
    filters={accountFilters}
    sort={{ field: 'followersCount', order: 'DESC' }}
    perPage={25}
    pagination={<CursorPagination />}
    empty={<EmptyResource icon={AlternateEmailIcon} what="accounts" />}
    error={<ListError />}
    queryOptions={errorsShownInline}
    exporter={false}
  >
    <AccountTable />
  </List>
);
