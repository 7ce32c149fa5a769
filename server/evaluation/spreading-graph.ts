/**
 * The graph information spreads over, built from who reacted to whom, in the direction content
 * travels: from a person to the people who reacted to them (a reactor sees what they react to and
 * may pass it on). Nodes are 0..size−1; ties carry the number of interactions (w), merged per
 * ordered pair. Self-loops are left out.
 *
 * This is the evaluation's ground, kept apart from the scoring engine: nothing here is read by
 * server/scoring, and nothing here reads it.
 */
export interface SpreadingGraph {
  size: number;
  /** Reactors of node u: reactor[start[u] .. start[u+1]), each with the tie's weight (interactions). */
  start: Int32Array;
  reactor: Int32Array;
  weight: Float64Array;
}

/** One reactor → author tie: `count` interactions by the reactor on the author. */
export interface Reaction {
  reactor: number;
  author: number;
  count: number;
}

export function buildSpreadingGraph(size: number, reactions: Iterable<Reaction>): SpreadingGraph {
  if (!Number.isSafeInteger(size) || size < 0 || size > 1 << 26) throw new Error(`graph size must be 0 to 2^26, got ${size}`);
  const merged = new Map<number, number>();
  for (const r of reactions) {
    if (!(r.reactor >= 0 && r.reactor < size && r.author >= 0 && r.author < size) || !Number.isInteger(r.reactor) || !Number.isInteger(r.author)) {
      throw new Error(`reaction ${r.reactor} → ${r.author} names a node outside 0..${size - 1}`);
    }
    if (!(r.count > 0)) throw new Error(`reaction ${r.reactor} → ${r.author} has count ${r.count}; must be positive`);
    if (r.reactor === r.author) continue;
    const key = r.author * size + r.reactor;
    merged.set(key, (merged.get(key) ?? 0) + r.count);
  }
  const keys = Float64Array.from(merged.keys()).sort();
  const start = new Int32Array(size + 1);
  const reactor = new Int32Array(keys.length);
  const weight = new Float64Array(keys.length);
  keys.forEach((key, e) => {
    const author = Math.floor(key / size);
    start[author + 1]++;
    reactor[e] = key - author * size;
    weight[e] = merged.get(key)!;
  });
  for (let u = 0; u < size; u++) start[u + 1] += start[u];
  return { size, start, reactor, weight };
}

/**
 * Builds a spreading graph from string ids, as import rows name people: nodes are numbered in the
 * order they are first added.
 */
export class SpreadingGraphBuilder {
  private readonly index = new Map<string, number>();
  readonly ids: string[] = [];
  private readonly reactions: Reaction[] = [];

  /** The node's number, adding it if new. */
  node(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.index.set(id, i);
      this.ids.push(id);
    }
    return i;
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  /** `count` interactions by reactor on author. */
  react(reactorId: string, authorId: string, count = 1): void {
    this.reactions.push({ reactor: this.node(reactorId), author: this.node(authorId), count });
  }

  build(): SpreadingGraph {
    return buildSpreadingGraph(this.ids.length, this.reactions);
  }
}

/** Degree of each node in the undirected simple projection: its distinct neighbours, either direction. */
export function simpleDegrees(graph: SpreadingGraph): Int32Array {
  const { size, start, reactor } = graph;
  const degree = new Int32Array(size);
  // A pair tied both ways is one neighbour: count u–v once, from the side that finds it first.
  const reverse = new Set<number>();
  for (let u = 0; u < size; u++) {
    for (let e = start[u]; e < start[u + 1]; e++) {
      const v = reactor[e];
      const a = Math.min(u, v);
      const b = Math.max(u, v);
      const key = a * size + b;
      if (reverse.has(key)) continue;
      reverse.add(key);
      degree[a]++;
      degree[b]++;
    }
  }
  return degree;
}

/**
 * The epidemic threshold of the heterogeneous mean-field approximation, β_c = ⟨k⟩ / ⟨k²⟩, over the
 * undirected simple projection (Castellano & Pastor-Satorras; as in Kitsak et al. 2010).
 */
export function criticalRate(graph: SpreadingGraph): number {
  let k1 = 0;
  let k2 = 0;
  for (const k of simpleDegrees(graph)) {
    k1 += k;
    k2 += k * k;
  }
  if (k2 === 0) throw new Error('the graph has no ties: no epidemic threshold');
  return k1 / k2;
}
