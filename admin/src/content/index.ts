import ArticleIcon from '@mui/icons-material/Article';
import type { ContentRecord } from '../api/records';
import { humanise } from '../common/choices';
import { excerpt } from '../common/fields';
import { ContentList } from './ContentList';
import { ContentShow } from './ContentShow';

/** Content (posts, articles, videos, blog posts, comments), spread into <Resource name="content">. */
export default {
  list: ContentList,
  show: ContentShow,
  icon: ArticleIcon,
  recordRepresentation: (content: ContentRecord) => `${humanise(content.kind)}: ${excerpt(content.text, 40)}`,
};
