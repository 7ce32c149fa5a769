import { Box, Chip, Link as MuiLink, Typography } from '@mui/material';
import { ReferenceManyField, useRecordContext } from 'react-admin';
import { ShowPage } from '../common/ShowPage';
import type { InlinePage, TopicRecord, TopicRef } from '../api/records';
import { ContentTable } from '../content/ContentTable';
import { CursorPagination } from '../common/CursorPagination';
import { ShowLink } from '../common/fields';
import { RecordHeader } from '../common/RecordHeader';
import { NoneYet, Section } from '../common/Section';

const TopicSummary = () => {
  const topic = useRecordContext<TopicRecord>();
  if (!topic) return null;
  return (
    <RecordHeader
      title={topic.displayName}
      facts={[
        { label: 'Slug', value: topic.slug },
        { label: 'Klout id', value: topic.topicId },
        {
          label: 'Wikidata',
          value: topic.wikiItemId ? (
            <MuiLink href={`https://www.wikidata.org/wiki/${encodeURIComponent(topic.wikiItemId)}`} target="_blank" rel="noreferrer noopener">
              {topic.wikiItemId}
            </MuiLink>
          ) : null,
        },
      ]}
    />
  );
};

const TopicChips = ({ page, none }: { page: InlinePage<TopicRef> | undefined; none: string }) => {
  if (!page?.nodes.length) return <NoneYet>{none}</NoneYet>;
  return (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {page.nodes.map((topic) => (
          <ShowLink key={topic.id} resource="topics" id={topic.id}>
            <Chip label={topic.displayName} size="small" clickable />
          </ShowLink>
        ))}
      </Box>
      {page.totalCount > page.nodes.length && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {page.nodes.length} of {page.totalCount} shown.
        </Typography>
      )}
    </>
  );
};

const TopicRelatives = ({ which }: { which: 'parents' | 'children' }) => {
  const topic = useRecordContext<TopicRecord>();
  return <TopicChips page={topic?.[which]} none={which === 'parents' ? 'A top-level topic.' : 'No narrower topics.'} />;
};

/** A topic of the ontology: broader and narrower topics, and the content about it. */
export const TopicShow = () => (
  <ShowPage>
    <Section title="Topic">
      <TopicSummary />
    </Section>
    <Section title="Broader topics">
      <TopicRelatives which="parents" />
    </Section>
    <Section title="Narrower topics">
      <TopicRelatives which="children" />
    </Section>
    <Section title="Content about it">
      <ReferenceManyField
        reference="content"
        target="topicId"
        sort={{ field: 'postedAt', order: 'DESC' }}
        perPage={5}
        pagination={<CursorPagination rowsPerPageOptions={[5, 10, 25]} />}
      >
        <ContentTable empty={<NoneYet>No content about this topic yet.</NoneYet>} />
      </ReferenceManyField>
    </Section>
  </ShowPage>
);
