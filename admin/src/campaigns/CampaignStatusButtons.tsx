import PauseIcon from '@mui/icons-material/Pause';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import { Button, Stack } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { Confirm, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useCampaignManager } from './useCampaignManager';
import type { CampaignRecord, CampaignStatus } from '../api/records';
import type { SwayDataProvider } from '../dataProvider';

/** The moves the API allows: DRAFT → ACTIVE or ENDED, ACTIVE → PAUSED or ENDED, PAUSED → ACTIVE or ENDED. */
const MOVES: Record<CampaignStatus, { status: CampaignStatus; label: string; icon: ReactElement }[]> = {
  DRAFT: [
    { status: 'ACTIVE', label: 'Activate', icon: <PlayArrowIcon /> },
    { status: 'ENDED', label: 'End', icon: <StopIcon /> },
  ],
  ACTIVE: [
    { status: 'PAUSED', label: 'Pause', icon: <PauseIcon /> },
    { status: 'ENDED', label: 'End', icon: <StopIcon /> },
  ],
  PAUSED: [
    { status: 'ACTIVE', label: 'Resume', icon: <PlayArrowIcon /> },
    { status: 'ENDED', label: 'End', icon: <StopIcon /> },
  ],
  ENDED: [],
};

/** Activate, pause, resume and end (setCampaignStatus), for the roles that may edit campaigns. */
export const CampaignStatusButtons = () => {
  const campaign = useRecordContext<CampaignRecord>();
  const canAccess = useCampaignManager();
  const dataProvider = useDataProvider<SwayDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  if (!campaign || !canAccess) return null;

  const move = async (status: CampaignStatus) => {
    setBusy(true);
    try {
      await dataProvider.setCampaignStatus(String(campaign.id), status);
      notify(`${campaign.name} is now ${status}`, { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The status could not be changed', { type: 'error' });
    } finally {
      setBusy(false);
      setConfirmEnd(false);
    }
  };

  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }} data-testid="campaign-status-buttons">
      {MOVES[campaign.status].map(({ status, label, icon }) => (
        <Button
          key={status}
          size="small"
          variant={status === 'ACTIVE' ? 'contained' : 'outlined'}
          color={status === 'ENDED' ? 'error' : 'primary'}
          startIcon={icon}
          disabled={busy}
          onClick={() => (status === 'ENDED' ? setConfirmEnd(true) : void move(status))}
        >
          {label}
        </Button>
      ))}
      <Confirm
        isOpen={confirmEnd}
        title={`End ${campaign.name}?`}
        content="Claims stop for good; content carrying the code still counts for 30 days after the end date."
        confirm="End campaign"
        onConfirm={() => void move('ENDED')}
        onClose={() => setConfirmEnd(false)}
      />
    </Stack>
  );
};
