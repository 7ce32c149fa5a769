import PeopleIcon from '@mui/icons-material/People';
import type { PersonRecord } from '../api/records';
import { PersonList } from './PersonList';
import { PersonShow } from './PersonShow';

/** The people resource, spread into <Resource name="people">. Read-only: the API only ingests. */
export default {
  list: PersonList,
  show: PersonShow,
  icon: PeopleIcon,
  recordRepresentation: (person: PersonRecord) => person.displayName,
};
