import AlternateEmailIcon from '@mui/icons-material/AlternateEmail';
import type { AccountRecord } from '../api/records';
import { networkName } from '../common/choices';
import { AccountList } from './AccountList';
import { AccountShow } from './AccountShow';

/** Network accounts, spread into <Resource name="accounts">. Read-only: the API only ingests. */
export default {
  list: AccountList,
  show: AccountShow,
  icon: AlternateEmailIcon,
  recordRepresentation: (account: AccountRecord) => `${account.handle} (${networkName(account.network)})`,
};
