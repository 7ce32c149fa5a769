import { InitialSchema1732000000000 } from './1732000000000-initial-schema';
import { Scores1732000000001 } from './1732000000001-scores';
import { Users1732000000002 } from './1732000000002-users';
import { PersonScoreAuthenticity1732000000003 } from './1732000000003-person-score-authenticity';
import { Campaigns1732000000100 } from './1732000000100-campaigns';
import { Authenticity1732000000200 } from './1732000000200-authenticity';
import { Privacy1732000000600 } from './1732000000600-privacy';
import { ContentTextHash1732000000700 } from './1732000000700-content-text-hash';
import { PersonScoreBreakdown1732000000800 } from './1732000000800-person-score-breakdown';
import { PersonScoreRaw1732000000900 } from './1732000000900-person-score-raw';

/** Every migration, in order. Add new ones at the end. */
export const MIGRATIONS = [InitialSchema1732000000000, Scores1732000000001, Users1732000000002, PersonScoreAuthenticity1732000000003, Campaigns1732000000100, Authenticity1732000000200, Privacy1732000000600, ContentTextHash1732000000700, PersonScoreBreakdown1732000000800, PersonScoreRaw1732000000900];
