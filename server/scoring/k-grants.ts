import { DAY_MS, DEFAULT_SCORING_CONFIG, type ScoringConfig } from './config';
import type { KGrant } from './types';

export type KGrantRule = 'SELF' | 'NOT_YET' | 'NO_TOPIC' | 'DAILY_LIMIT' | 'PAIR_TOPIC_COOLDOWN';

export type KGrantCheck = { ok: true } | { ok: false; rule: KGrantRule; reason: string };

/**
 * Whether a +K may be given. The service calls it before storing a grant, with the history of
 * grants already stored (at least the giver's grants of the last pairTopicCooldownDays):
 * - nobody gives +K to themselves;
 * - a grant cannot be dated after `now`;
 * - at most perDay (5) grants by one giver in any 24 hours: those in (givenAt − 24 h, givenAt];
 * - one grant per giver, receiver and topic per pairTopicCooldownDays (30): none of the three
 *   may repeat within (givenAt − 30 days, givenAt].
 * Windows end at the grant's own time, so the same check holds when grants are replayed later.
 */
export function checkKGrant(
  history: readonly KGrant[],
  grant: KGrant,
  now: number,
  limits: ScoringConfig['kGrantLimits'] = DEFAULT_SCORING_CONFIG.kGrantLimits,
): KGrantCheck {
  if (grant.giverPersonId === grant.receiverPersonId) return { ok: false, rule: 'SELF', reason: 'nobody can give +K to themselves' };
  if (!Number.isFinite(grant.givenAt) || grant.givenAt > now) return { ok: false, rule: 'NOT_YET', reason: 'a +K cannot be dated in the future' };
  if (grant.topicId.trim() === '') return { ok: false, rule: 'NO_TOPIC', reason: 'a +K is given in a topic' };

  const dayStart = grant.givenAt - DAY_MS;
  const cooldownStart = grant.givenAt - limits.pairTopicCooldownDays * DAY_MS;
  let today = 0;
  for (const earlier of history) {
    if (earlier.giverPersonId !== grant.giverPersonId || earlier.givenAt > grant.givenAt) continue;
    if (earlier.givenAt > dayStart) today++;
    if (earlier.receiverPersonId === grant.receiverPersonId && earlier.topicId === grant.topicId && earlier.givenAt > cooldownStart) {
      return {
        ok: false,
        rule: 'PAIR_TOPIC_COOLDOWN',
        reason: `one +K per person and topic every ${limits.pairTopicCooldownDays} days: the last one in this topic was given ${formatAge(grant.givenAt - earlier.givenAt)} earlier`,
      };
    }
  }
  if (today >= limits.perDay) {
    return { ok: false, rule: 'DAILY_LIMIT', reason: `at most ${limits.perDay} +K in 24 hours: ${today} already given` };
  }
  return { ok: true };
}

function formatAge(ms: number): string {
  const days = ms / DAY_MS;
  return days >= 1 ? `${Math.floor(days)} day(s)` : `${Math.floor(ms / 3_600_000)} hour(s)`;
}
