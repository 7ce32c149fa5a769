import BoltIcon from '@mui/icons-material/Bolt';
import { List, SelectInput } from 'react-admin';
import { INTERACTION_KIND_CHOICES, NETWORK_CHOICES } from '../common/choices';
import { CursorPagination } from '../common/CursorPagination';
import { EmptyResource } from '../common/EmptyResource';
import { errorsShownInline, ListError } from '../common/ListError';
import { InteractionTable } from './InteractionTable';

const interactionFilters = [
  <SelectInput key="kind" source="kind" choices={INTERACTION_KIND_CHOICES} alwaysOn />,
  <SelectInput key="network" source="network" choices={NETWORK_CHOICES} alwaysOn />,
];

export const InteractionList = () => (
  <List
    filters={interactionFilters}
    sort={{ field: 'occurredAt', order: 'DESC' }}
    perPage={25}
    pagination={<CursorPagination />}
    empty={<EmptyResource icon={BoltIcon} what="interactions" />}
    error={<ListError />}
    queryOptions={errorsShownInline}
    exporter={false}
  >
    <InteractionTable />
  </List>
);
