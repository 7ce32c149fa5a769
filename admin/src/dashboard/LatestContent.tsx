import { List as MuiList, ListItem, ListItemButton, ListItemText, Skeleton, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList } from 'react-admin';
import type { ContentRecord } from '../api/records';
import { humanise, networkName } from '../common/choices';
import { excerpt, InteractionCountsRow } from '../common/fields';
import { formatDateTime } from '../common/RecordHeader';
import { NoneYet } from '../common/Section';

/** The newest few pieces of content, with their interaction counts. */
export const LatestContent = ({ count = 5 }: { count?: number }) => {
  const { data, isPending, error } = useGetList<ContentRecord>('content', {
    pagination: { page: 1, perPage: count },
    sort: { field: 'postedAt', order: 'DESC' },
  });
  const createPath = useCreatePath();
  if (isPending) return <Skeleton variant="rectangular" height={count * 56} />;
  if (error) return <Typography sx={{ color: 'error.main' }}>{error instanceof Error ? error.message : 'Could not load content'}</Typography>;
  if (!data?.length) return <NoneYet>Nothing ingested yet.</NoneYet>;
  return (
    <MuiList dense disablePadding>
      {data.map((content) => (
        <ListItem key={content.id} disablePadding divider>
          <ListItemButton
            component={Link}
            to={createPath({ resource: 'content', id: content.id, type: 'show' })}
            // On a phone the counts go under the text rather than squeezing it.
            sx={{ flexWrap: { xs: 'wrap', sm: 'nowrap' }, columnGap: 2 }}
          >
            <ListItemText
              primary={excerpt(content.text, 100)}
              secondary={`${humanise(content.kind)} on ${networkName(content.network)} by ${content.author.handle} · ${formatDateTime(content.postedAt)}`}
              slotProps={{ primary: { sx: { overflowWrap: 'anywhere' } } }}
            />
            <InteractionCountsRow counts={content.interactionCounts} />
          </ListItemButton>
        </ListItem>
      ))}
    </MuiList>
  );
};
