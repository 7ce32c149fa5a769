import { Box, Chip, Stack, Typography } from '@mui/material';
import { EditButton, TopToolbar, useRecordContext } from 'react-admin';
import { useCampaignManager } from './useCampaignManager';
import type { CampaignRecord } from '../api/records';
import { networkName } from '../common/choices';
import { formatDateTime, RecordHeader } from '../common/RecordHeader';
import { Section } from '../common/Section';
import { ShowPage } from '../common/ShowPage';
import { CampaignClaims } from './CampaignClaims';
import { CampaignReport } from './CampaignReport';
import { CampaignStatusButtons } from './CampaignStatusButtons';
import { StatusChip } from './CampaignStatusChip';

const Targeting = ({ campaign }: { campaign: CampaignRecord }) => {
  const t = campaign.target;
  if (!t) return null;
  const any = <em>any</em>;
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '180px 1fr' }, gap: 1, m: 0 }} data-testid="campaign-targeting">
      <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
        Score
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {t.minScore} to {t.maxScore}
      </Typography>
      <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
        Topics
      </Typography>
      <Box component="dd" sx={{ m: 0 }}>
        {t.topics.length ? t.topics.map((slug) => <Chip key={slug} size="small" label={slug} sx={{ mr: 0.5 }} />) : any}
      </Box>
      <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
        Networks
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {t.networks.length ? t.networks.map(networkName).join(', ') : any}
      </Typography>
      <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
        Regions
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {t.regions.length ? t.regions.join(', ') : any}
      </Typography>
      <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
        Minimum authenticity
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {t.minAuthenticity}
      </Typography>
    </Box>
  );
};

const CampaignPage = () => {
  const campaign = useRecordContext<CampaignRecord>();
  // Claims are the brand's business: managers and ADMINs (the roles that may edit) see them.
  const manages = useCampaignManager();
  if (!campaign) return null;
  return (
    <Box sx={{ mt: 1, minWidth: 0 }}>
      <RecordHeader
        title={campaign.name}
        chips={<StatusChip status={campaign.status} />}
        facts={[
          { label: 'Brand', value: campaign.brand.name },
          { label: 'Code', value: campaign.code },
          { label: 'Claims open', value: formatDateTime(campaign.startsAt) },
          { label: 'Claims close', value: formatDateTime(campaign.endsAt) },
          { label: 'Remaining / inventory', value: `${campaign.remaining} / ${campaign.inventory}` },
          { label: 'Unit value', value: `${campaign.unitValue} ${campaign.currency}` },
          { label: 'Perk', value: campaign.perk },
        ]}
      />
      {campaign.description && (
        <Typography variant="body2" sx={{ mt: 2 }}>
          {campaign.description}
        </Typography>
      )}
      <Section title="Targeting">
        <Targeting campaign={campaign} />
      </Section>
      <Section title="Report">
        <CampaignReport campaignId={String(campaign.id)} currency={campaign.currency} />
      </Section>
      {manages && (
        <Section title="Claims">
          <CampaignClaims campaignId={String(campaign.id)} />
        </Section>
      )}
    </Box>
  );
};

/** A campaign: its terms and targeting, status buttons, report and (for its managers) claims. */
const ShowActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
    <CampaignStatusButtons />
    <EditButton />
  </TopToolbar>
);

export const CampaignShow = () => (
  <ShowPage actions={<ShowActions />}>
    <Stack>
      <CampaignPage />
    </Stack>
  </ShowPage>
);
