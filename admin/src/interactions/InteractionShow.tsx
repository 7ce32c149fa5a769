import { useRecordContext } from 'react-admin';
import { ShowPage } from '../common/ShowPage';
import type { InteractionRecord } from '../api/records';
import { humanise } from '../common/choices';
import { NetworkChip, ShowLink } from '../common/fields';
import { formatDateTime, RecordHeader } from '../common/RecordHeader';
import { Section } from '../common/Section';
import { InteractionTarget } from './InteractionTable';

const InteractionSummary = () => {
  const interaction = useRecordContext<InteractionRecord>();
  if (!interaction) return null;
  return (
    <RecordHeader
      title={`${humanise(interaction.kind)} by ${interaction.actor.handle}`}
      chips={<NetworkChip network={interaction.network} />}
      facts={[
        {
          label: 'By',
          value: (
            <ShowLink resource="accounts" id={interaction.actor.id}>
              {interaction.actor.handle}
            </ShowLink>
          ),
        },
        { label: 'On', value: <InteractionTarget interaction={interaction} /> },
        {
          label: 'Account acted on',
          value: (
            <ShowLink resource="accounts" id={interaction.targetAccount.id}>
              {interaction.targetAccount.handle}
            </ShowLink>
          ),
        },
        { label: 'When', value: formatDateTime(interaction.occurredAt) },
        { label: 'External id', value: interaction.externalId },
      ]}
    />
  );
};

export const InteractionShow = () => (
  <ShowPage>
    <Section title="Interaction">
      <InteractionSummary />
    </Section>
  </ShowPage>
);
