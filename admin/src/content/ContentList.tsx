import ArticleIcon from '@mui/icons-material/Article';
import { AutocompleteInput, List, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import type { PersonRecord } from '../api/records';
import { CONTENT_KIND_CHOICES, NETWORK_CHOICES } from '../common/choices';
import { CursorPagination } from '../common/CursorPagination';
import { EmptyResource } from '../common/EmptyResource';
import { errorsShownInline, ListError } from '../common/ListError';
import { ContentTable } from './ContentTable';

const contentFilters = [
  <SelectInput key="network" source="network" choices={NETWORK_CHOICES} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={CONTENT_KIND_CHOICES} alwaysOn />,
  <TextInput key="campaignCode" source="campaignCode" label="Campaign code" />,
  // Picking a person searches people by name; showing the picked one uses getMany → nodes(ids:).
  <ReferenceInput key="authorId" source="authorId" reference="people" label="Author">
    <AutocompleteInput
      label="Author"
      filterToQuery={(search: string) => ({ search })}
      // Names repeat (two "Chris Johnson"s); the region tells them apart.
      optionText={(person: PersonRecord) => (person.region ? `${person.displayName} (${person.region})` : person.displayName)}
      sx={{ minWidth: 260 }}
    />
  </ReferenceInput>,
];

export const ContentList = () => (
  <List
    filters={contentFilters}
    sort={{ field: 'postedAt', order: 'DESC' }}
    perPage={25}
    pagination={<CursorPagination />}
    empty={<EmptyResource icon={ArticleIcon} what="content" />}
    error={<ListError />}
    queryOptions={errorsShownInline}
    exporter={false}
  >
    <ContentTable />
  </List>
);
