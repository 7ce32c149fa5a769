import BoltIcon from '@mui/icons-material/Bolt';
import type { InteractionRecord } from '../api/records';
import { humanise } from '../common/choices';
import { InteractionList } from './InteractionList';
import { InteractionShow } from './InteractionShow';

/** Interactions (likes, shares, replies, …), spread into <Resource name="interactions">. */
export default {
  list: InteractionList,
  show: InteractionShow,
  icon: BoltIcon,
  recordRepresentation: (interaction: InteractionRecord) => `${humanise(interaction.kind)} by ${interaction.actor.handle}`,
};
