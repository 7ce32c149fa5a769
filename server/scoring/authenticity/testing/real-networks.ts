import fs from 'node:fs';
import path from 'node:path';
import { FlagKind } from '#shared/authenticity';
import { ContentKind, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { gmlGraph, parseGml } from '../../../import/converters/graphs';
import { DAY_MS } from '../../config';
import { hashInts } from '../../testing/random';
import { repoDataDir } from '../../testing/higgs';
import type { ScoringAccount, ScoringContent, ScoringInteraction } from '../../types';
import type { AuthenticityResult } from '../types';

/**
 * Real networks as the detectors' input, for checking how many genuine people they flag: the Higgs
 * mention and reply networks (data/higgs) and the classic graphs (data/graphs: every .gml file and
 * every edge list, so graphs added there are checked too). Every person in them is genuine, so every
 * flag on them is a false positive.
 *
 * They are read as the importer's converters read them (server/import/converters): a person with one
 * Twitter account per user or node, 0 followers reported and no content of their own; an edge
 * "A B w" becomes w MENTIONs by A of B (undirected GML edges both ways; weights that are not whole
 * numbers count once); a Higgs reply edge becomes w REPLYs on one synthetic post of B's. The files
 * carry no times: each interaction is dated by a hash of (source, target, k) within `spreadMs` before
 * `asOf` (the converters' two weeks by default; one week or one day for attention that came in a rush),
 * uniformly or, with `viral`, in a spike after each account's own peak.
 */

export const REAL_AS_OF = Date.UTC(2026, 10, 20);
/** Viral timing: how long after the target's peak its reactions come, on average (exponentially). */
export const VIRAL_MEAN_DELAY_MS = 2 * 3_600_000;

export interface RealNetworkOptions {
  /** Interactions fall within this long before asOf; two weeks by default (the converters' window). */
  spreadMs?: number;
  /**
   * Viral attention instead of a uniform spread: each account's reactions come after a peak of its
   * own (a hashed instant in the spread), exponentially, VIRAL_MEAN_DELAY_MS on average: about 40% of
   * them within the peak's hour, from accounts that mostly mention it once.
   */
  viral?: boolean;
  asOf?: number;
}

export interface RealNetworkInput {
  name: string;
  asOf: number;
  accounts: ScoringAccount[];
  content: ScoringContent[];
  interactions: ScoringInteraction[];
}

interface Edge {
  from: number;
  to: number;
  count: number;
}

/** The real networks available: the two Higgs networks, then the graphs in data/graphs by file name. */
export function realNetworkNames(): string[] {
  const graphs = fs
    .readdirSync(path.join(repoDataDir(), 'graphs'))
    .filter((f) => f.endsWith('.gml') || f.endsWith('.txt') || f.endsWith('.edgelist'))
    .sort();
  return ['higgs-mention', 'higgs-reply', ...graphs];
}

function higgsEdges(file: 'mention' | 'reply'): Edge[] {
  const text = fs.readFileSync(path.join(repoDataDir(), 'higgs', `higgs-${file}_network.edgelist`), 'utf8');
  const edges: Edge[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+)\s+(\d+)\s+(\d+)/.exec(line.trim());
    if (m) edges.push({ from: Number(m[1]), to: Number(m[2]), count: Number(m[3]) });
  }
  return edges;
}

const countOf = (weight: number | undefined) => (weight !== undefined && Number.isSafeInteger(weight) && weight >= 1 ? weight : 1);

/** A graph file's edges over numeric node ids (GML ids as given, or numbered in order when they are names). */
function graphEdges(file: string): { nodes: number[]; edges: Edge[] } {
  const full = path.join(repoDataDir(), 'graphs', file);
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let v = ids.get(s);
    if (v === undefined) ids.set(s, (v = /^\d{1,9}$/.test(s) ? Number(s) : 1_000_000_000 + ids.size));
    return v;
  };
  const edges: Edge[] = [];
  if (file.endsWith('.gml')) {
    const graph = gmlGraph(parseGml(fs.readFileSync(full, 'utf8')));
    for (const n of graph.nodes) id(n.id);
    for (const e of graph.edges) {
      const count = countOf(e.weight);
      edges.push({ from: id(e.source), to: id(e.target), count });
      if (!graph.directed) edges.push({ from: id(e.target), to: id(e.source), count });
    }
  } else {
    for (const line of fs.readFileSync(full, 'utf8').split('\n')) {
      const t = line.trim();
      if (!t || t.startsWith('#') || t.startsWith('%')) continue;
      const cells = t.split(/[\s,]+/);
      if (cells.length < 2) continue;
      edges.push({ from: id(cells[0]), to: id(cells[1]), count: countOf(cells.length > 2 ? Number(cells[2]) : undefined) });
    }
  }
  return { nodes: [...ids.values()], edges };
}

/**
 * One real network as input, its interactions dated within `spreadMs` before `asOf`. `name` is one
 * of realNetworkNames(), or 'higgs-mention+reply' for both Higgs networks together (one account per user).
 */
export function realNetworkInput(name: string, options: RealNetworkOptions = {}): RealNetworkInput {
  const spreadMs = options.spreadMs ?? 14 * DAY_MS;
  const asOf = options.asOf ?? REAL_AS_OF;
  const users = new Set<number>();
  const content: ScoringContent[] = [];
  const interactions: ScoringInteraction[] = [];
  const seconds = Math.max(1, Math.floor(spreadMs / 1000));
  /** When the interaction k of (from, to) happened: uniform over the spread, or after the target's own peak. */
  const timeOf = (from: number, to: number, k: number, salt: number): number => {
    const h = hashInts(from, to, k, salt);
    if (!options.viral) return asOf - (1 + (h % seconds)) * 1000;
    const latest = Math.max(0, spreadMs - Math.min(spreadMs / 2, 2 * DAY_MS));
    const peak = asOf - spreadMs + (hashInts(to, salt, 99) % Math.max(1, Math.floor(latest / 1000))) * 1000;
    const u = (h + 0.5) / 4294967296;
    const at = peak + Math.round((-Math.log(1 - u) * VIRAL_MEAN_DELAY_MS) / 1000) * 1000;
    return Math.min(at, asOf - 1000);
  };
  const add = (edges: readonly Edge[], kind: InteractionKind, salt: number) => {
    const pairCount = new Map<number, number>(); // k continues when a pair appears again (multigraphs)
    const posts = new Map<number, number>();
    for (const e of edges) {
      users.add(e.from);
      users.add(e.to);
      if (e.from === e.to) continue;
      let postId: number | null = null;
      if (kind === InteractionKind.REPLY) {
        postId = posts.get(e.to) ?? null;
        if (postId === null) {
          postId = e.to; // content ids: one post per replied-to user, numbered by the user
          posts.set(e.to, postId);
          content.push({ id: postId, authorAccountId: e.to, network: Network.TWITTER, kind: ContentKind.POST, postedAt: asOf - seconds * 1000, topicIds: [] });
        }
      }
      const key = e.from * 2 ** 21 + (e.to % 2 ** 21);
      const before = pairCount.get(key) ?? 0;
      pairCount.set(key, before + e.count);
      for (let k = before + 1; k <= before + e.count; k++) {
        interactions.push({ actorAccountId: e.from, targetAccountId: e.to, targetContentId: postId, kind, occurredAt: timeOf(e.from, e.to, k, salt) });
      }
    }
  };
  if (name === 'higgs-mention' || name === 'higgs-mention+reply') add(higgsEdges('mention'), InteractionKind.MENTION, 1);
  if (name === 'higgs-reply' || name === 'higgs-mention+reply') add(higgsEdges('reply'), InteractionKind.REPLY, 2);
  if (!name.startsWith('higgs-')) {
    const graph = graphEdges(name);
    for (const n of graph.nodes) users.add(n);
    add(graph.edges, InteractionKind.MENTION, 3);
  }
  const accounts = [...users].sort((a, b) => a - b).map((id) => ({ id, personId: id, network: Network.TWITTER, followers: 0, following: 0 }));
  return { name, asOf, accounts, content, interactions };
}

export interface FlagCounts {
  people: number;
  interactions: number;
  /** Distinct people with any flag (not dismissed). */
  flagged: number;
  /** Distinct people flagged, by kind. */
  byKind: Partial<Record<FlagKind, number>>;
}

/** People flagged in a result, in all and by kind. */
export function countFlags(input: RealNetworkInput, result: AuthenticityResult): FlagCounts {
  const any = new Set<number>();
  const byKind = new Map<FlagKind, Set<number>>();
  for (const f of result.flags) {
    if (f.dismissed) continue;
    any.add(f.personId);
    let set = byKind.get(f.kind);
    if (!set) byKind.set(f.kind, (set = new Set()));
    set.add(f.personId);
  }
  const counts: Partial<Record<FlagKind, number>> = {};
  for (const [k, s] of [...byKind].sort((a, b) => a[0].localeCompare(b[0]))) counts[k] = s.size;
  return { people: new Set(input.accounts.map((a) => a.personId)).size, interactions: input.interactions.length, flagged: any.size, byKind: counts };
}
