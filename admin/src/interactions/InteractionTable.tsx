import type { ReactNode } from 'react';
import { DataTable, DateField, SimpleList } from 'react-admin';
import type { InteractionRecord } from '../api/records';
import { humanise } from '../common/choices';
import { excerpt, NetworkField, ShowLink } from '../common/fields';
import { useIsSmall } from '../common/useIsSmall';

const Column = DataTable.Col<InteractionRecord>;

/** What an interaction acted on: a piece of content, or (MENTION, FOLLOW) an account. */
export const InteractionTarget = ({ interaction }: { interaction: InteractionRecord }) =>
  interaction.targetContent ? (
    <ShowLink resource="content" id={interaction.targetContent.id}>
      {excerpt(interaction.targetContent.text, 50)}
    </ShowLink>
  ) : (
    <ShowLink resource="accounts" id={interaction.targetAccount.id}>
      {interaction.targetAccount.handle}
    </ShowLink>
  );

/** Rows of interactions for the list in context. */
export const InteractionTable = ({ empty }: { empty?: ReactNode }) => {
  const isSmall = useIsSmall();
  if (isSmall) {
    return (
      <SimpleList<InteractionRecord>
        primaryText={(interaction) => `${humanise(interaction.kind)} by ${interaction.actor.handle}`}
        secondaryText={(interaction) =>
          interaction.targetContent ? excerpt(interaction.targetContent.text, 60) : `→ ${interaction.targetAccount.handle}`
        }
        tertiaryText={(interaction) => new Date(interaction.occurredAt).toLocaleDateString()}
        rowClick="show"
        empty={empty}
      />
    );
  }
  return (
    <DataTable rowClick="show" bulkActionButtons={false} empty={empty}>
      <Column source="occurredAt" label="When" field={DateField} />
      <Column source="kind" render={(interaction) => humanise(interaction.kind)} disableSort />
      <Column source="network" field={NetworkField} disableSort />
      <Column
        source="actor.handle"
        label="By"
        disableSort
        render={(interaction) => (
          <ShowLink resource="accounts" id={interaction.actor.id}>
            {interaction.actor.handle}
          </ShowLink>
        )}
      />
      <Column source="targetContent.text" label="On" disableSort render={(interaction) => <InteractionTarget interaction={interaction} />} />
    </DataTable>
  );
};
