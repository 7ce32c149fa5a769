import type { ReactNode } from 'react';
import { DataTable, DateField, SimpleList } from 'react-admin';
import type { ContentRecord } from '../api/records';
import { humanise, networkName } from '../common/choices';
import { excerpt, InteractionCountsField, NetworkField, ShowLink } from '../common/fields';
import { useIsSmall } from '../common/useIsSmall';

const Column = DataTable.Col<ContentRecord>;

/**
 * Rows of content for the list in context: a table on wide screens, a simple list on phones.
 * Used by the content list and by the person, account and topic pages.
 */
export const ContentTable = ({ showAuthor = true, empty }: { showAuthor?: boolean; empty?: ReactNode }) => {
  const isSmall = useIsSmall();
  if (isSmall) {
    return (
      <SimpleList<ContentRecord>
        primaryText={(content) => excerpt(content.text, 80)}
        secondaryText={(content) => `${humanise(content.kind)} on ${networkName(content.network)}${showAuthor ? ` by ${content.author.handle}` : ''}`}
        tertiaryText={(content) => `${content.interactionCounts.total} interactions`}
        rowClick="show"
        empty={empty}
      />
    );
  }
  return (
    <DataTable rowClick="show" bulkActionButtons={false} empty={empty}>
      <Column source="postedAt" label="Posted" field={DateField} />
      <Column source="network" field={NetworkField} disableSort />
      <Column source="kind" render={(content) => humanise(content.kind)} disableSort />
      <Column source="text" render={(content) => excerpt(content.text, 70)} disableSort />
      {showAuthor && (
        <Column
          source="author.handle"
          label="Author"
          disableSort
          render={(content) => (
            <ShowLink resource="accounts" id={content.author.id}>
              {content.author.handle}
            </ShowLink>
          )}
        />
      )}
      <Column source="campaignCode" label="Campaign" disableSort />
      <Column source="interactionCounts.total" label="Interactions" field={InteractionCountsField} disableSort />
    </DataTable>
  );
};
