import { Chip } from '@mui/material';
import type { CampaignStatus, ClaimStatus } from '../api/records';
import { humanise } from '../common/choices';

const COLOURS: Record<CampaignStatus | ClaimStatus, 'default' | 'success' | 'warning' | 'info' | 'error'> = {
  DRAFT: 'default',
  ACTIVE: 'success',
  PAUSED: 'warning',
  ENDED: 'info',
  CLAIMED: 'default',
  SHIPPED: 'info',
  DELIVERED: 'success',
  CANCELLED: 'error',
};

/** A campaign's or claim's status as a coloured chip; the text is the API's value ("ACTIVE"). */
export const StatusChip = ({ status }: { status: CampaignStatus | ClaimStatus }) => (
  <Chip size="small" label={status} color={COLOURS[status]} variant="outlined" data-testid="status-chip" title={humanise(status)} />
);

export const CAMPAIGN_STATUS_CHOICES = (['DRAFT', 'ACTIVE', 'PAUSED', 'ENDED'] as const).map((id) => ({ id, name: humanise(id) }));
