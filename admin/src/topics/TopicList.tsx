import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import { DataTable, List, SearchInput, SimpleList } from 'react-admin';
import type { TopicRecord } from '../api/records';
import { CursorPagination } from '../common/CursorPagination';
import { EmptyResource } from '../common/EmptyResource';
import { errorsShownInline, ListError } from '../common/ListError';
import { useIsSmall } from '../common/useIsSmall';

const topicFilters = [<SearchInput key="search" source="search" alwaysOn placeholder="Name starts with…" />];

const Column = DataTable.Col<TopicRecord>;

/** The Klout topic ontology. The API lists topics in one fixed order, so no column sorts. */
export const TopicList = () => {
  const isSmall = useIsSmall();
  return (
    <List
      filters={topicFilters}
      perPage={25}
      pagination={<CursorPagination />}
      empty={<EmptyResource icon={LocalOfferIcon} what="topics" />}
      error={<ListError />}
      queryOptions={errorsShownInline}
      exporter={false}
    >
      {isSmall ? (
        <SimpleList<TopicRecord> primaryText={(topic) => topic.displayName} secondaryText={(topic) => topic.slug} rowClick="show" />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <Column source="displayName" label="Name" disableSort />
          <Column source="slug" disableSort />
          <Column source="topicId" label="Klout id" disableSort />
          <Column source="wikiItemId" label="Wikidata" disableSort />
        </DataTable>
      )}
    </List>
  );
};
