import { Alert, Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useDataProvider, useNotify } from 'react-admin';
import type { ClaimStatus } from '../api/records';
import type { CampaignClaim } from '../api/swayQueries';
import { NoneYet } from '../common/Section';
import { formatDateTime } from '../common/RecordHeader';
import type { SwayDataProvider } from '../dataProvider';
import { StatusChip } from './CampaignStatusChip';

/** The moves a brand may make on a claim: CLAIMED → SHIPPED → DELIVERED, CANCELLED from CLAIMED or SHIPPED. */
const ACTIONS: Record<ClaimStatus, { status: ClaimStatus; label: string }[]> = {
  CLAIMED: [
    { status: 'SHIPPED', label: 'Mark shipped' },
    { status: 'CANCELLED', label: 'Cancel' },
  ],
  SHIPPED: [
    { status: 'DELIVERED', label: 'Mark delivered' },
    { status: 'CANCELLED', label: 'Cancel' },
  ],
  DELIVERED: [],
  CANCELLED: [],
};

/** A campaign's claims (the newest 100) with their status actions. The brand's managers and ADMINs. */
export const CampaignClaims = ({ campaignId }: { campaignId: string }) => {
  const dataProvider = useDataProvider<SwayDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const { data, error, isPending } = useQuery({ queryKey: ['campaignClaims', campaignId], queryFn: () => dataProvider.getCampaignClaims(campaignId) });

  const move = async (claim: CampaignClaim, status: ClaimStatus) => {
    setBusy(claim.id);
    try {
      await dataProvider.setClaimStatus(claim.id, status);
      notify(`Claim ${claim.promoCode} is now ${status}`, { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['campaignClaims', campaignId] });
      await queryClient.invalidateQueries({ queryKey: ['campaignReport', campaignId] });
    } catch (e) {
      notify(e instanceof Error ? e.message : 'The claim could not be changed', { type: 'error' });
    } finally {
      setBusy(null);
    }
  };

  if (error) return <Alert severity="error">{error instanceof Error ? error.message : 'The claims could not be loaded.'}</Alert>;
  if (isPending) return <NoneYet>Loading claims…</NoneYet>;
  if (!data.nodes.length) return <NoneYet>No claims yet.</NoneYet>;
  return (
    <Box sx={{ overflowX: 'auto' }} data-testid="campaign-claims">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Influencer</TableCell>
            <TableCell>Promo code</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Claimed</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {data.nodes.map((claim) => (
            <TableRow key={claim.id}>
              <TableCell>{claim.person ? <Link to={`/people/${encodeURIComponent(claim.person.id)}/show`}>{claim.person.displayName}</Link> : <em>Erased</em>}</TableCell>
              <TableCell>
                <code>{claim.promoCode}</code>
              </TableCell>
              <TableCell>
                <StatusChip status={claim.status} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(claim.claimedAt)}</TableCell>
              <TableCell>
                <Stack direction="row" sx={{ gap: 1 }}>
                  {ACTIONS[claim.status].map(({ status, label }) => (
                    <Button key={status} size="small" color={status === 'CANCELLED' ? 'error' : 'primary'} disabled={busy === claim.id} onClick={() => void move(claim, status)} sx={{ whiteSpace: 'nowrap' }}>
                      {label}
                    </Button>
                  ))}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {data.totalCount > data.nodes.length && <NoneYet>The newest {data.nodes.length} of {data.totalCount} claims.</NoneYet>}
    </Box>
  );
};
