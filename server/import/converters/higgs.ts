import { ContentKind, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import type { ImportRow } from '../rows';
import { ConversionError, EmittedIds, numberedLines, PairCounter, recentTime, RECENT_WINDOW_MS, type ConvertOptions, type Converter } from './converter';

/**
 * The SNAP Higgs Twitter edge lists (De Domenico, Lima, Mougel, Musolesi, "The Anatomy of a
 * Scientific Rumor", Scientific Reports 2013): lines of `source target weight`.
 *
 * Each user becomes a person `higgs-<id>` with a Twitter account `higgs-<id>`. A mention edge
 * becomes `weight` MENTION interactions of the target account. Replies act on content, which
 * the data set does not have, so each target gets one synthetic post `higgs-post-<target>` and a
 * reply edge becomes `weight` REPLY interactions on it. The data were collected from 1 to 7 July
 * 2012; the edge lists carry no times, so each interaction gets a deterministic time in that week
 * derived from its line, and the synthetic posts are dated at the start of the week.
 *
 * With an `end` (`npm run convert -- higgs-mention FILE --end ISO`), interactions are dated instead
 * in the two weeks before it, by a hash of (source, target, k), and the synthetic posts at the start
 * of those two weeks: what a rescore at `end` should see as recent activity (2012 would have
 * decayed to nothing).
 */

const WEEK_START = Date.UTC(2012, 6, 1);
const WEEK_SECONDS = 7 * 24 * 3600;
/** A prime, coprime with the seconds of a week, so consecutive lines spread over the whole week. */
const LINE_STRIDE_SECONDS = 7919;

export const higgsPersonId = (user: string) => `higgs-${user}`;
export const higgsAccountId = (user: string) => `higgs-${user}`;
export const higgsPostId = (user: string) => `higgs-post-${user}`;

/** The k-th (1-based) of the interactions of a line, at a time in the week of the data. */
export function higgsTime(line: number, k: number): string {
  const offset = ((line - 1) * LINE_STRIDE_SECONDS + (k - 1) * 60) % WEEK_SECONDS;
  return new Date(WEEK_START + offset * 1000).toISOString();
}

/** The time of the k-th interaction of a pair (k counted over the whole file), as the options say. */
function interactionTime(options: ConvertOptions | undefined, e: Edge, kOfLine: number, kOfPair: number): string {
  return options?.end === undefined ? higgsTime(e.line, kOfLine) : recentTime(options.end, `${e.source} ${e.target} ${kOfPair}`);
}

interface Edge {
  line: number;
  source: string;
  target: string;
  weight: number;
}

async function* edges(file: string): AsyncGenerator<Edge> {
  for await (const { line, text } of numberedLines(file)) {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const match = /^(\d+)\s+(\d+)\s+(\d+)$/.exec(trimmed);
    if (!match) throw new ConversionError(line, `expected "source target weight" (three whole numbers), got ${JSON.stringify(trimmed.slice(0, 80))}`);
    const weight = Number(match[3]);
    if (weight < 1) throw new ConversionError(line, `weight must be at least 1, got ${weight}`);
    yield { line, source: match[1], target: match[2], weight };
  }
}

/** A Higgs user's person and Twitter account, the first time the user is seen. */
function* user(id: string, emitted: EmittedIds): Generator<ImportRow> {
  if (!emitted.first(id)) return;
  yield { type: 'person', externalId: higgsPersonId(id), displayName: `Higgs user ${id}` };
  yield { type: 'account', network: Network.TWITTER, externalId: higgsAccountId(id), personExternalId: higgsPersonId(id), handle: `higgs_${id}` };
}

export const higgsMention: Converter = {
  kind: 'higgs-mention',
  description: 'SNAP Higgs higgs-mention_network.edgelist → people, Twitter accounts, MENTION interactions',
  acceptsEnd: true,
  async *rows(file, options) {
    const users = new EmittedIds();
    const pairs = new PairCounter();
    for await (const e of edges(file)) {
      yield* user(e.source, users);
      yield* user(e.target, users);
      const before = pairs.next(e.source, e.target, e.weight);
      for (let k = before + 1; k <= before + e.weight; k++) {
        yield {
          type: 'interaction',
          network: Network.TWITTER,
          externalId: `higgs-m-${e.source}-${e.target}-${k}`,
          kind: InteractionKind.MENTION,
          actorExternalId: higgsAccountId(e.source),
          targetAccountExternalId: higgsAccountId(e.target),
          occurredAt: interactionTime(options, e, k - before, k),
        };
      }
    }
  },
};

export const higgsReply: Converter = {
  kind: 'higgs-reply',
  description: 'SNAP Higgs higgs-reply_network.edgelist → people, Twitter accounts, one synthetic post per target, REPLY interactions',
  acceptsEnd: true,
  async *rows(file, options) {
    const users = new EmittedIds();
    const posts = new EmittedIds();
    const pairs = new PairCounter();
    for await (const e of edges(file)) {
      yield* user(e.source, users);
      yield* user(e.target, users);
      if (posts.first(e.target)) {
        yield {
          type: 'content',
          network: Network.TWITTER,
          externalId: higgsPostId(e.target),
          kind: ContentKind.POST,
          authorExternalId: higgsAccountId(e.target),
          text: `Synthetic post standing for the tweets of Higgs user ${e.target} that drew replies`,
          postedAt: new Date(options?.end === undefined ? WEEK_START : options.end - RECENT_WINDOW_MS).toISOString(),
        };
      }
      const before = pairs.next(e.source, e.target, e.weight);
      for (let k = before + 1; k <= before + e.weight; k++) {
        yield {
          type: 'interaction',
          network: Network.TWITTER,
          externalId: `higgs-r-${e.source}-${e.target}-${k}`,
          kind: InteractionKind.REPLY,
          actorExternalId: higgsAccountId(e.source),
          targetContentExternalId: higgsPostId(e.target),
          occurredAt: interactionTime(options, e, k - before, k),
        };
      }
    }
  },
};
