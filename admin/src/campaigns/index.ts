import CampaignIcon from '@mui/icons-material/Campaign';
import type { CampaignRecord } from '../api/records';
import { CampaignCreate, CampaignEdit } from './CampaignEdit';
import { CampaignList } from './CampaignList';
import { CampaignShow } from './CampaignShow';

/**
 * The campaigns resource, spread into <Resource name="campaigns">. Brand managers and ADMINs
 * create and edit (auth/permissions.ts); analysts list them and read their reports.
 */
export default {
  list: CampaignList,
  create: CampaignCreate,
  edit: CampaignEdit,
  show: CampaignShow,
  icon: CampaignIcon,
  recordRepresentation: (campaign: CampaignRecord) => campaign.name,
};
