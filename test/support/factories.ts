import { ContentKind, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import type { IngestBatch } from '../../server/services/ingest.records';

const DAY = 24 * 3600 * 1000;

/**
 * A small, fully connected world: `people` people with a Twitter and a blog account each,
 * `posts` posts each, every post liked by the next person and commented by the one after.
 * Ids are prefixed so tests can share a database without colliding.
 */
export function smallWorld(prefix: string, people = 5, posts = 3, now = Date.UTC(2026, 10, 1)): IngestBatch {
  const batch: Required<IngestBatch> = { people: [], accounts: [], content: [], interactions: [] };
  for (let p = 0; p < people; p++) {
    batch.people.push({ externalId: `${prefix}-p${p}`, displayName: `Person ${prefix} ${p}`, region: p % 2 ? 'US' : 'FR', language: 'en' });
    batch.accounts.push({ network: Network.TWITTER, externalId: `${prefix}-tw${p}`, personExternalId: `${prefix}-p${p}`, handle: `@${prefix}${p}`, followersCount: 100 * (p + 1), followingCount: 50 });
    batch.accounts.push({ network: Network.BLOG, externalId: `${prefix}-blog${p}`, personExternalId: `${prefix}-p${p}`, handle: `${prefix}${p}.example.org` });
  }
  for (let p = 0; p < people; p++) {
    for (let k = 0; k < posts; k++) {
      const id = `${prefix}-post${p}-${k}`;
      batch.content.push({ network: Network.TWITTER, externalId: id, kind: ContentKind.POST, authorExternalId: `${prefix}-tw${p}`, text: `post ${k} by ${p}`, topics: ['basketball'], postedAt: now - (k + 1) * DAY });
      const liker = (p + 1) % people;
      const commenter = (p + 2) % people;
      batch.interactions.push({ network: Network.TWITTER, externalId: `${id}-like`, kind: InteractionKind.LIKE, actorExternalId: `${prefix}-tw${liker}`, targetContentExternalId: id, occurredAt: now - k * DAY });
      batch.interactions.push({ network: Network.TWITTER, externalId: `${id}-reply`, kind: InteractionKind.REPLY, actorExternalId: `${prefix}-tw${commenter}`, targetContentExternalId: id, occurredAt: now - k * DAY });
    }
    batch.interactions.push({ network: Network.TWITTER, externalId: `${prefix}-follow${p}`, kind: InteractionKind.FOLLOW, actorExternalId: `${prefix}-tw${(p + 1) % people}`, targetAccountExternalId: `${prefix}-tw${p}`, occurredAt: now - 10 * DAY });
  }
  return batch;
}

/** The same batch as GraphQL variables: instants as ISO strings. */
export function asGraphQLInput(batch: IngestBatch): Record<string, unknown> {
  return JSON.parse(JSON.stringify(batch, (key, value) => (/At$/.test(key) && typeof value === 'number' ? new Date(value).toISOString() : value)));
}
