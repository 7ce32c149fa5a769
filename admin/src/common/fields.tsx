import ChatBubbleOutlineIcon from '@mui/icons-material/ChatBubbleOutlineOutlined';
import FavoriteBorderIcon from '@mui/icons-material/FavoriteBorder';
import RepeatIcon from '@mui/icons-material/Repeat';
import ReplyIcon from '@mui/icons-material/Reply';
import TouchAppIcon from '@mui/icons-material/TouchApp';
import { Chip, Stack, Tooltip, Typography } from '@mui/material';
import type { MouseEvent, ReactNode } from 'react';
import { Link, useCreatePath, useRecordContext } from 'react-admin';
import type { Network } from '@sway/shared';
import type { InteractionCounts } from '../api/records';
import { networkName } from './choices';

/** A link to a record's show page, for nested data the query already holds (no extra request). */
export const ShowLink = ({ resource, id, children }: { resource: string; id: string; children: ReactNode }) => {
  const createPath = useCreatePath();
  return (
    <Link to={createPath({ resource, id, type: 'show' })} onClick={(event: MouseEvent) => event.stopPropagation()}>
      {children}
    </Link>
  );
};

export const NetworkChip = ({ network }: { network: Network }) => <Chip label={networkName(network)} size="small" variant="outlined" />;

/** The `network` of the record in context, as a chip (for DataTable.Col field=). */
export const NetworkField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<{ network: Network }>();
  return record ? <NetworkChip network={record.network} /> : null;
};

/** Long text cut to one readable line; the show page has the whole of it. */
export function excerpt(text: string | null | undefined, length = 90): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!flat) return '(no text)';
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

const COUNT_ICONS = [
  { key: 'likes', label: 'Likes', Icon: FavoriteBorderIcon },
  { key: 'shares', label: 'Shares', Icon: RepeatIcon },
  { key: 'replies', label: 'Replies', Icon: ReplyIcon },
  { key: 'comments', label: 'Comments', Icon: ChatBubbleOutlineIcon },
  { key: 'clicks', label: 'Clicks', Icon: TouchAppIcon },
] as const;

/** Likes, shares, replies, comments and clicks in one compact row. */
export const InteractionCountsRow = ({ counts }: { counts: InteractionCounts }) => (
  <Stack direction="row" spacing={1.5} role="group" aria-label={`${counts.total} interactions`}>
    {COUNT_ICONS.map(({ key, label, Icon }) => (
      <Tooltip key={key} title={label}>
        <Stack direction="row" spacing={0.25} sx={{ alignItems: 'center', color: counts[key] ? 'text.primary' : 'text.disabled' }}>
          <Icon sx={{ fontSize: 16 }} />
          <Typography variant="body2" component="span">
            {counts[key]}
          </Typography>
        </Stack>
      </Tooltip>
    ))}
  </Stack>
);

/** The `interactionCounts` of the content in context (for DataTable.Col field=). */
export const InteractionCountsField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<{ interactionCounts: InteractionCounts }>();
  return record ? <InteractionCountsRow counts={record.interactionCounts} /> : null;
};
