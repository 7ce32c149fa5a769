import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import type { TopicRecord } from '../api/records';
import { TopicList } from './TopicList';
import { TopicShow } from './TopicShow';

/** Klout topics, spread into <Resource name="topics">. Read-only: the ontology ships with Sway. */
export default {
  list: TopicList,
  show: TopicShow,
  icon: LocalOfferIcon,
  recordRepresentation: (topic: TopicRecord) => topic.displayName,
};
