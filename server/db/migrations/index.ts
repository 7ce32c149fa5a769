import { InitialSchema1732000000000 } from './1732000000000-initial-schema';

/** Every migration, in order. Add new ones at the end. */
export const MIGRATIONS = [InitialSchema1732000000000];
