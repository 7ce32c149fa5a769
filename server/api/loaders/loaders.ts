import DataLoader from 'dataloader';
import type { AuthenticityReviewRow, Brand, Campaign, Claim, Content, Interaction, NetworkAccount, Person, Topic, User } from '../../entities';
import type { PersonScore, TopicExpertise } from '../../scoring';
import type { Services } from '../../services';
import type { ScorePoint } from '../../services/scoring/scoring.service';
import type { ScoreRank } from '../../services/scoring/score-rank';
import type { AuthenticityView } from '../../services/authenticity/authenticity.service';
import type { KCount } from '../../services/k.service';
import type { RequestContext } from '../../services/request-context';
import { NotFoundError } from '../../services/errors';
import { pageLoader } from './page-loader';

/**
 * Per-request DataLoaders: every relation field asks one of these, so a page of N parents costs
 * a fixed number of statements, not N. Made fresh per request, so nothing leaks between callers.
 */
export function createLoaders(ctx: RequestContext, services: Services) {
  const byId = <K extends number | string, T>(load: (ids: readonly K[]) => Promise<(T | undefined)[]>) =>
    new DataLoader<K, T | undefined>((ids) => load(ids), { maxBatchSize: 1000 });
  return {
    person: byId<number, Person>((ids) => services.people.byIds(ctx, ids)),
    account: byId<number, NetworkAccount>((ids) => services.accounts.byIds(ctx, ids)),
    content: byId<number, Content>((ids) => services.content.byIds(ctx, ids)),
    interaction: byId<number, Interaction>((ids) => services.interactions.byIds(ctx, ids)),
    topic: byId<string, Topic>((ids) => services.topics.byIds(ctx, ids)),
    /** Only the users the viewer may see: an ADMIN everyone, anyone else themselves. */
    user: byId<number, User>((ids) => services.auth.visibleUsers(ctx, ids)),
    /** Only what the viewer may see (see the services): anything else loads as missing, so answers NOT_FOUND. */
    brand: byId<number, Brand>((ids) => services.brands.byIds(ctx, ids)),
    /** The brand running a campaign the viewer already sees: its name is part of the campaign's public face. */
    brandOfCampaign: byId<number, Brand>((ids) => services.brands.byIds({ ...ctx, system: true }, ids)),
    campaign: byId<number, Campaign>((ids) => services.campaigns.byIds(ctx, ids)),
    claim: byId<number, Claim>((ids) => services.claims.byIds(ctx, ids)),
    brandsOfUser: new DataLoader<number, Brand[]>((ids) => Promise.all(ids.map((id) => services.brands.ofUser(ctx, id)))),
    brandManagers: new DataLoader<number, User[]>(async (ids) => {
      const managers = await services.brands.managers(ctx, ids);
      return ids.map((id) => managers.get(id) ?? []);
    }),

    accountsOfPerson: pageLoader((ids: number[], page) => services.people.accountPages(ctx, ids, page)),
    contentOfPerson: pageLoader((ids: number[], page) => services.content.pagesByPerson(ctx, ids, page)),
    contentOfAccount: pageLoader((ids: number[], page) => services.content.pagesByAccount(ctx, ids, page)),
    commentsOfContent: pageLoader((ids: number[], page) => services.content.pagesByParent(ctx, ids, page)),
    topicsOfContent: pageLoader((ids: number[], page) => services.content.topicPages(ctx, ids, page)),
    interactionsOfContent: pageLoader((ids: number[], page) => services.interactions.pagesByContent(ctx, ids, page)),
    parentsOfTopic: pageLoader((ids: string[], page) => services.topics.parentPages(ctx, ids, page)),
    childrenOfTopic: pageLoader((ids: string[], page) => services.topics.childPages(ctx, ids, page)),

    score: new DataLoader<number, PersonScore>(async (ids) => {
      const scores = await services.scoring.scores(ctx, ids);
      // None for a person opted out of scoring (or unknown).
      return ids.map((id) => scores.get(id) ?? new NotFoundError('Score'));
    }, { maxBatchSize: 1000 }),
    /** Rank and percentile of a person's published score; null without one. One statement per batch. */
    scoreRank: new DataLoader<number, ScoreRank | null>(async (ids) => {
      const ranks = await services.scoring.ranks(ctx, ids);
      return ids.map((id) => ranks.get(id) ?? null);
    }, { maxBatchSize: 1000 }),
    expertise: new DataLoader<number, TopicExpertise[]>(async (ids) => {
      const expertise = await services.scoring.expertise(ctx, ids);
      return ids.map((id) => expertise.get(id) ?? []);
    }, { maxBatchSize: 1000 }),

    kReceived: new DataLoader<number, KCount[]>(async (ids) => {
      const counts = await services.k.receivedCounts(ctx, ids);
      return ids.map((id) => counts.get(id) ?? []);
    }, { maxBatchSize: 1000 }),

    /** Keys are "personId|from|to": one query per distinct range for the whole page. */
    scoreHistory: new DataLoader<string, ScorePoint[]>(async (keys) => {
      const byRange = new Map<string, number[]>();
      for (const key of keys) {
        const [id, from, to] = key.split('|');
        const range = `${from}|${to}`;
        byRange.set(range, [...(byRange.get(range) ?? []), Number(id)]);
      }
      const results = new Map<string, ScorePoint[]>();
      for (const [range, ids] of byRange) {
        const [from, to] = range.split('|');
        for (const [id, points] of await services.scoring.history(ctx, ids, from, to)) results.set(`${id}|${range}`, points);
      }
      return keys.map((k) => results.get(k) ?? []);
    }),

    /** null where the viewer may not see a person's authenticity. */
    authenticity: new DataLoader<number, AuthenticityView | null>((ids) => services.authenticity.ofPeople(ctx, ids), { maxBatchSize: 1000 }),
    flagReviews: new DataLoader<string, AuthenticityReviewRow[]>(async (keys) => {
      const reviews = await services.authenticity.reviews(ctx, keys);
      return keys.map((k) => reviews.get(k) ?? []);
    }, { maxBatchSize: 1000 }),

    interactionCounts: new DataLoader<number, Map<string, number>>(async (ids) => {
      const counts = await services.content.interactionCounts(ctx, ids);
      return ids.map((id) => counts.get(id) ?? new Map());
    }, { maxBatchSize: 1000 }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
