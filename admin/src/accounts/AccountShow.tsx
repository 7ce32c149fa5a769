import { ReferenceManyField, useRecordContext } from 'react-admin';
import { ShowPage } from '../common/ShowPage';
import type { AccountRecord } from '../api/records';
import { ContentTable } from '../content/ContentTable';
import { CursorPagination } from '../common/CursorPagination';
import { NetworkChip, ShowLink } from '../common/fields';
import { formatDateTime, RecordHeader } from '../common/RecordHeader';
import { NoneYet, Section } from '../common/Section';
import { InteractionTable } from '../interactions/InteractionTable';

const AccountSummary = () => {
  const account = useRecordContext<AccountRecord>();
  if (!account) return null;
  return (
    <RecordHeader
      title={account.handle}
      chips={<NetworkChip network={account.network} />}
      facts={[
        {
          label: 'Person',
          value: (
            <ShowLink resource="people" id={account.person.id}>
              {account.person.displayName}
            </ShowLink>
          ),
        },
        { label: 'Followers', value: account.followersCount.toLocaleString() },
        { label: 'Following', value: account.followingCount.toLocaleString() },
        { label: 'Content published', value: account.content?.totalCount },
        { label: 'First seen', value: formatDateTime(account.createdAt) },
        { label: 'External id', value: account.externalId },
      ]}
    />
  );
};

const sectionPagination = <CursorPagination rowsPerPageOptions={[5, 10, 25]} />;

/** One account: its owner, what it published, and what it did and had done to it. */
export const AccountShow = () => (
  <ShowPage>
    <Section title="Account">
      <AccountSummary />
    </Section>
    <Section title="Content">
      <ReferenceManyField reference="content" target="accountId" sort={{ field: 'postedAt', order: 'DESC' }} perPage={5} pagination={sectionPagination}>
        <ContentTable showAuthor={false} empty={<NoneYet>Nothing published from this account.</NoneYet>} />
      </ReferenceManyField>
    </Section>
    <Section title="Interactions received">
      <ReferenceManyField reference="interactions" target="targetAccountId" sort={{ field: 'occurredAt', order: 'DESC' }} perPage={5} pagination={sectionPagination}>
        <InteractionTable empty={<NoneYet>No interactions with this account or its content.</NoneYet>} />
      </ReferenceManyField>
    </Section>
    <Section title="Interactions made">
      <ReferenceManyField reference="interactions" target="actorAccountId" sort={{ field: 'occurredAt', order: 'DESC' }} perPage={5} pagination={sectionPagination}>
        <InteractionTable empty={<NoneYet>This account has not acted on anything.</NoneYet>} />
      </ReferenceManyField>
    </Section>
  </ShowPage>
);
