import { InitialSchema1732000000000 } from './1732000000000-initial-schema';
import { Scores1732000000001 } from './1732000000001-scores';

/** Every migration, in order. Add new ones at the end. */
export const MIGRATIONS = [InitialSchema1732000000000, Scores1732000000001];
