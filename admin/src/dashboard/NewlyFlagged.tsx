import { Alert, Box, LinearProgress, List as MuiList, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import { humanise, networkName } from '../common/choices';
import { ShowLink } from '../common/fields';
import { formatDateTime } from '../common/RecordHeader';
import { NoneYet } from '../common/Section';
import type { SwayDataProvider } from '../dataProvider';
import { FLAG_KIND_LABELS } from '../people/AuthenticityPanel';

/**
 * The dashboard's "Newly flagged people" panel (ADMIN and ANALYST): the latest flags nobody has
 * reviewed yet, newest first, each linking to the person's page where it is reviewed.
 */
export const NewlyFlagged = () => {
  const dataProvider = useDataProvider<SwayDataProvider>();
  const { data, error, isPending } = useQuery({ queryKey: ['newFlags'], queryFn: () => dataProvider.getNewFlags(8) });
  if (error) return <Alert severity="error">{error instanceof Error ? error.message : 'The flags could not be loaded.'}</Alert>;
  if (isPending) return <LinearProgress />;
  if (!data.nodes.length) return <NoneYet>No flag is waiting for review.</NoneYet>;
  return (
    <Box data-testid="newly-flagged">
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {data.totalCount.toLocaleString('en-US')} flag{data.totalCount === 1 ? '' : 's'} to review; the newest:
      </Typography>
      <MuiList dense disablePadding>
        {data.nodes.map((flag) => (
          <ListItem key={flag.id} disableGutters divider data-testid="newly-flagged-item">
            <ListItemText
              primary={<ShowLink resource="people" id={flag.person.id}>{flag.person.displayName}</ShowLink>}
              secondary={`${FLAG_KIND_LABELS[flag.kind] ?? humanise(flag.kind)}${flag.network ? ` on ${networkName(flag.network)}` : ''} · ${flag.role === 'ACTOR' ? 'did it' : 'done for them'} · ${formatDateTime(flag.detectedAt)}`}
            />
          </ListItem>
        ))}
      </MuiList>
    </Box>
  );
};
