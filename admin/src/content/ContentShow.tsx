import { Box, Chip, Link as MuiLink, List as MuiList, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { ReferenceManyField, useRecordContext } from 'react-admin';
import { ShowPage } from '../common/ShowPage';
import type { ContentRecord } from '../api/records';
import { humanise } from '../common/choices';
import { CursorPagination } from '../common/CursorPagination';
import { excerpt, InteractionCountsRow, NetworkChip, ShowLink } from '../common/fields';
import { formatDateTime, RecordHeader } from '../common/RecordHeader';
import { NoneYet, Section } from '../common/Section';
import { InteractionTable } from '../interactions/InteractionTable';

const ContentSummary = () => {
  const content = useRecordContext<ContentRecord>();
  if (!content) return null;
  return (
    <>
      <RecordHeader
        title={`${humanise(content.kind)} by ${content.author.handle}`}
        chips={
          <>
            <NetworkChip network={content.network} />
            {content.campaignCode && <Chip label={`#${content.campaignCode}`} size="small" color="secondary" />}
          </>
        }
        facts={[
          {
            label: 'Author',
            value: (
              <ShowLink resource="people" id={content.person.id}>
                {content.person.displayName}
              </ShowLink>
            ),
          },
          {
            label: 'Account',
            value: (
              <ShowLink resource="accounts" id={content.author.id}>
                {content.author.handle}
              </ShowLink>
            ),
          },
          { label: 'Posted', value: formatDateTime(content.postedAt) },
          {
            label: 'In reply to',
            value: content.parent ? (
              <ShowLink resource="content" id={content.parent.id}>
                {excerpt(content.parent.text, 40)}
              </ShowLink>
            ) : null,
          },
          {
            label: 'Link',
            value: content.url ? (
              <MuiLink href={content.url} target="_blank" rel="noreferrer noopener">
                {excerpt(content.url, 40)}
              </MuiLink>
            ) : null,
          },
          { label: 'External id', value: content.externalId },
        ]}
      />
      <Typography component="blockquote" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderLeft: 3, borderColor: 'divider', pl: 2, my: 2 }}>
        {content.text || <em>(no text)</em>}
      </Typography>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {content.interactionCounts.total} interactions
        </Typography>
        <InteractionCountsRow counts={content.interactionCounts} />
      </Stack>
    </>
  );
};

const ContentTopics = () => {
  const content = useRecordContext<ContentRecord>();
  const topics = content?.topics;
  if (!topics?.nodes.length) return <NoneYet>No topics.</NoneYet>;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
      {topics.nodes.map((topic) => (
        <ShowLink key={topic.id} resource="topics" id={topic.id}>
          <Chip label={topic.displayName} size="small" clickable />
        </ShowLink>
      ))}
    </Box>
  );
};

const ContentComments = () => {
  const content = useRecordContext<ContentRecord>();
  const comments = content?.comments;
  if (!comments?.nodes.length) return <NoneYet>No comments published as content of their own.</NoneYet>;
  return (
    <>
      <MuiList dense disablePadding>
        {comments.nodes.map((comment) => (
          <ListItem key={comment.id} disableGutters divider>
            <ListItemText
              primary={
                <ShowLink resource="content" id={comment.id}>
                  {excerpt(comment.text, 160)}
                </ShowLink>
              }
              secondary={`${comment.author.handle} · ${formatDateTime(comment.postedAt)} · ${comment.interactionCounts.total} interactions`}
            />
          </ListItem>
        ))}
      </MuiList>
      {comments.totalCount > comments.nodes.length && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          Showing the newest {comments.nodes.length} of {comments.totalCount}.
        </Typography>
      )}
    </>
  );
};

/** A piece of content: its text, author, topics, interaction counts, comments and interactions. */
export const ContentShow = () => (
  <ShowPage>
    <Section title="Content">
      <ContentSummary />
    </Section>
    <Section title="Topics">
      <ContentTopics />
    </Section>
    <Section title="Comments">
      <ContentComments />
    </Section>
    <Section title="Interactions">
      <ReferenceManyField
        reference="interactions"
        target="targetContentId"
        sort={{ field: 'occurredAt', order: 'DESC' }}
        perPage={10}
        pagination={<CursorPagination rowsPerPageOptions={[10, 25, 50]} />}
      >
        <InteractionTable empty={<NoneYet>No interactions yet.</NoneYet>} />
      </ReferenceManyField>
    </Section>
  </ShowPage>
);
