import fs from 'node:fs';
import path from 'node:path';
import { ContentKind, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { DAY_MS } from '../config';
import type { ScoringAccount, ScoringContent, ScoringInteraction } from '../types';
import { hashInts } from './random';

/**
 * The SNAP Higgs Twitter data (De Domenico, Lima, Mougel, Musolesi, "The Anatomy of a Scientific
 * Rumor", Sci. Rep. 2013), copied in data/higgs/, read as Sway input: "A B w" in the mention or
 * reply network becomes w interactions by A on B's content (MENTION or REPLY). The files carry no
 * times, so each interaction is placed on one of the 7 days of the collection (1–7 July 2012) by a
 * hash of (A, B, k), and B gets one post per day on which somebody reacted to them.
 */

export interface HiggsEdge {
  from: number;
  to: number;
  weight: number;
  kind: InteractionKind.MENTION | InteractionKind.REPLY;
}

export const HIGGS_START = Date.UTC(2012, 6, 1);
export const HIGGS_DAYS = 7;
export const HIGGS_AS_OF = HIGGS_START + HIGGS_DAYS * DAY_MS;

/** The repository's data/ folder, found upwards from this file (source or dist/) or else from the working directory. */
export function repoDataDir(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'data', 'higgs'))) return path.join(dir, 'data');
      dir = path.dirname(dir);
    }
  }
  throw new Error('cannot find the repository data/ folder');
}

export function readHiggsEdges(file: 'mention' | 'reply', limit = Infinity): HiggsEdge[] {
  const text = fs.readFileSync(path.join(repoDataDir(), 'higgs', `higgs-${file}_network.edgelist`), 'utf8');
  const kind = file === 'mention' ? InteractionKind.MENTION : InteractionKind.REPLY;
  const edges: HiggsEdge[] = [];
  for (const line of text.split('\n')) {
    if (edges.length >= limit) break;
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2) continue;
    const from = Number(parts[0]);
    const to = Number(parts[1]);
    const weight = parts.length > 2 ? Number(parts[2]) : 1;
    if (!Number.isInteger(from) || !Number.isInteger(to) || !(weight > 0)) continue;
    edges.push({ from, to, weight, kind });
  }
  return edges;
}

export interface HiggsWorld {
  asOf: number;
  accounts: ScoringAccount[];
  content: ScoringContent[];
  interactions: ScoringInteraction[];
}

/** One person and one TWITTER account per user (id = user id); self-loops are kept out. */
export function higgsWorld(edges: readonly HiggsEdge[]): HiggsWorld {
  const users = new Set<number>();
  const contentIds = new Set<number>();
  const interactions: ScoringInteraction[] = [];
  for (const edge of edges) {
    if (edge.from === edge.to) continue;
    users.add(edge.from);
    users.add(edge.to);
    for (let k = 0; k < edge.weight; k++) {
      const h = hashInts(edge.from, edge.to, k, edge.kind === InteractionKind.MENTION ? 1 : 2);
      const day = h % HIGGS_DAYS;
      const contentId = edge.to * HIGGS_DAYS + day + 1;
      contentIds.add(contentId);
      interactions.push({
        actorAccountId: edge.from,
        targetAccountId: edge.to,
        targetContentId: contentId,
        kind: edge.kind,
        // Posts go out at the start of the day; reactions come during it.
        occurredAt: HIGGS_START + day * DAY_MS + 60_000 + (hashInts(h, 7) % (DAY_MS - 120_000)),
      });
    }
  }
  const accounts = [...users].sort((a, b) => a - b).map((id) => ({ id, personId: id, network: Network.TWITTER, followers: 0, following: 0 }));
  const content = [...contentIds]
    .sort((a, b) => a - b)
    .map((id) => {
      const author = Math.floor((id - 1) / HIGGS_DAYS);
      const day = (id - 1) % HIGGS_DAYS;
      return { id, authorAccountId: author, network: Network.TWITTER, kind: ContentKind.POST, postedAt: HIGGS_START + day * DAY_MS, topicIds: [] };
    });
  return { asOf: HIGGS_AS_OF, accounts, content, interactions };
}
