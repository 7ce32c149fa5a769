import { Chip } from '@mui/material';
import { ReferenceManyField, useRecordContext } from 'react-admin';
import { ShowPage } from '../common/ShowPage';
import type { PersonRecord } from '../api/records';
import { AccountTable } from '../accounts/AccountTable';
import { ContentTable } from '../content/ContentTable';
import { CursorPagination } from '../common/CursorPagination';
import { formatDateTime, RecordHeader } from '../common/RecordHeader';
import { NoneYet, Section } from '../common/Section';
import { AuthenticityPanel } from './AuthenticityPanel';
import { PersonScorePanels } from './PersonScorePanels';

const PersonSummary = () => {
  const person = useRecordContext<PersonRecord>();
  if (!person) return null;
  return (
    <RecordHeader
      title={person.displayName}
      chips={[person.region, person.language].filter(Boolean).map((tag) => <Chip key={tag} label={tag} size="small" />)}
      facts={[
        { label: 'Accounts', value: person.accounts.totalCount },
        { label: 'Content published', value: person.content?.totalCount },
        { label: 'First seen', value: formatDateTime(person.createdAt) },
        { label: 'External id', value: person.externalId },
        { label: 'Database id', value: person.databaseId },
      ]}
    />
  );
};

/**
 * An influencer: who they are, their score explained (band, components, history and what changed,
 * expertise and +K, top content and engagers, per network), authenticity with its flags (ADMIN and
 * ANALYST), their accounts and latest content.
 */
export const PersonShow = () => (
  <ShowPage>
    <Section title="Person">
      <PersonSummary />
    </Section>
    <PersonScorePanels />
    <AuthenticityPanel />
    <Section title="Accounts">
      <ReferenceManyField reference="accounts" target="personId" sort={{ field: 'followersCount', order: 'DESC' }} perPage={50}>
        <AccountTable showPerson={false} empty={<NoneYet>No accounts.</NoneYet>} />
      </ReferenceManyField>
    </Section>
    <Section title="Latest content">
      <ReferenceManyField
        reference="content"
        target="authorId"
        sort={{ field: 'postedAt', order: 'DESC' }}
        perPage={5}
        pagination={<CursorPagination rowsPerPageOptions={[5, 10, 25]} />}
      >
        <ContentTable showAuthor empty={<NoneYet>Nothing published yet.</NoneYet>} />
      </ReferenceManyField>
    </Section>
  </ShowPage>
);

