import fs from 'node:fs';
import path from 'node:path';
import { InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { LIMITS } from '#shared/limits';
import type { ImportRow } from '../rows';
import { ConversionError, EmittedIds, numberedLines, PairCounter, recentTime, type ConvertOptions, type Converter } from './converter';

/**
 * Plain graphs as Sway input: a GML file (Newman's network data collection, the igraph and networkx
 * writers) or an edge list (SNAP's "source target", optionally with a weight).
 *
 * Each node becomes a person `<name>-<id>` with a Twitter account of the same id, where `<name>`
 * is the file's base name in lower case (dolphins.gml → dolphins-12). Each edge becomes MENTION
 * interactions by its source on its target: as many as its weight when the weight is a positive
 * whole number, else one (fractional co-authorship weights, blog leanings and the like are not
 * counts of interactions). An undirected edge is read both ways, one set of mentions in each
 * direction. Self-loops are left out (Sway ignores a person's interactions with themselves), as
 * are no nodes: a node without edges is still a person.
 *
 * The files carry no times. Each interaction is dated by a hash of (source, target, k) in the two
 * weeks before `end` (`--end ISO`; now by default), so the output of one `end` is always the same.
 */

/** The file's name, lower case, letters, digits and dashes: the prefix of every id. */
export function graphName(file: string): string {
  const base = path.basename(file).replace(/\.[^.]*$/, '');
  return base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'graph';
}

export const graphPersonId = (name: string, node: string) => `${name}-${node}`;
export const graphAccountId = graphPersonId;

/** How many interactions an edge of this weight stands for: the weight if it is a positive whole number, else 1. */
export function interactionsOfWeight(weight: number | undefined): number {
  return weight !== undefined && Number.isSafeInteger(weight) && weight >= 1 ? weight : 1;
}

/** A node's person and account. */
function* node(name: string, id: string, label: string | undefined): Generator<ImportRow> {
  const personId = graphPersonId(name, id);
  const displayName = (label?.trim() || `${name} node ${id}`).slice(0, LIMITS.maxShortText);
  yield { type: 'person', externalId: personId, displayName };
  yield { type: 'account', network: Network.TWITTER, externalId: graphAccountId(name, id), personExternalId: personId, handle: `${name}_${id}`.slice(0, LIMITS.maxShortText) };
}

/** `count` mentions by source on target, numbered after the pair's earlier ones. */
function* mentions(name: string, source: string, target: string, count: number, pairs: PairCounter, end: number): Generator<ImportRow> {
  const before = pairs.next(source, target, count);
  for (let k = before + 1; k <= before + count; k++) {
    yield {
      type: 'interaction',
      network: Network.TWITTER,
      externalId: `${name}-m-${source}-${target}-${k}`,
      kind: InteractionKind.MENTION,
      actorExternalId: graphAccountId(name, source),
      targetAccountExternalId: graphAccountId(name, target),
      occurredAt: recentTime(end, `${name} ${source} ${target} ${k}`),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// GML

/** A GML value: a number, a string or a list of key-value pairs. */
export type GmlValue = number | string | GmlList;
export interface GmlList {
  line: number;
  entries: { key: string; value: GmlValue; line: number }[];
}

/**
 * Parses GML (Himsolt's Graph Modelling Language): `key value` pairs, where a value is a number, a
 * "string" or a [ list ]; lines starting with # are comments. Strings keep their text as written
 * (HTML entities such as &quot; are decoded).
 */
export function parseGml(text: string): GmlList {
  let at = 0;
  let line = 1;
  const root: GmlList = { line: 1, entries: [] };
  const stack: GmlList[] = [root];
  let pendingKey: { key: string; line: number } | undefined;
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
  while (at < text.length) {
    const c = text[at];
    if (c === '\n') {
      line++;
      at++;
      continue;
    }
    if (isSpace(c)) {
      at++;
      continue;
    }
    if (c === '#' && (at === 0 || text[at - 1] === '\n')) {
      while (at < text.length && text[at] !== '\n') at++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === ']') {
      if (pendingKey) throw new ConversionError(line, `key "${pendingKey.key}" has no value`);
      if (stack.length === 1) throw new ConversionError(line, 'unexpected "]"');
      stack.pop();
      at++;
      continue;
    }
    if (!pendingKey) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at, at + 200));
      if (!match) throw new ConversionError(line, `expected a key, got ${JSON.stringify(text.slice(at, at + 20))}`);
      pendingKey = { key: match[0], line };
      at += match[0].length;
      continue;
    }
    const { key, line: keyLine } = pendingKey;
    pendingKey = undefined;
    if (c === '[') {
      const list: GmlList = { line, entries: [] };
      top.entries.push({ key, value: list, line: keyLine });
      stack.push(list);
      at++;
    } else if (c === '"') {
      const close = text.indexOf('"', at + 1);
      if (close < 0) throw new ConversionError(line, `string of "${key}" never closed`);
      const raw = text.slice(at + 1, close);
      top.entries.push({ key, value: decodeEntities(raw), line: keyLine });
      for (const ch of raw) if (ch === '\n') line++;
      at = close + 1;
    } else {
      const match = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(at, at + 64));
      if (!match) throw new ConversionError(line, `value of "${key}" must be a number, a "string" or a [ list ], got ${JSON.stringify(text.slice(at, at + 20))}`);
      top.entries.push({ key, value: Number(match[0]), line: keyLine });
      at += match[0].length;
    }
  }
  if (pendingKey) throw new ConversionError(line, `key "${pendingKey.key}" has no value`);
  if (stack.length > 1) throw new ConversionError(line, `list opened on line ${stack[stack.length - 1].line} never closed`);
  return root;
}

function decodeEntities(text: string): string {
  return text.replace(/&(quot|amp|lt|gt|apos|#\d+);/g, (entity, name: string) => {
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" }[name] ?? entity;
  });
}

const isList = (v: GmlValue | undefined): v is GmlList => typeof v === 'object';

/** A GML graph as plain data: node ids (as strings, in file order), labels, edges with optional weights. */
export interface GmlGraph {
  directed: boolean;
  nodes: { id: string; label?: string }[];
  edges: { line: number; source: string; target: string; weight?: number }[];
}

/** The graph a parsed GML file describes: `directed 1` makes it directed (`undirected 1` or nothing: undirected). */
export function gmlGraph(root: GmlList): GmlGraph {
  const graphs = root.entries.filter((e) => e.key === 'graph');
  if (graphs.length !== 1 || !isList(graphs[0].value)) throw new ConversionError(graphs[1]?.line ?? 1, `expected one "graph [ ... ]", found ${graphs.length}`);
  const graph = graphs[0].value;
  const flag = (key: string) => graph.entries.find((e) => e.key === key)?.value;
  const directed = flag('directed') === 1 && flag('undirected') !== 1;
  const nodes: GmlGraph['nodes'] = [];
  const edges: GmlGraph['edges'] = [];
  const ids = new Set<string>();
  const field = (list: GmlList, key: string) => list.entries.find((e) => e.key === key)?.value;
  const nodeId = (value: GmlValue | undefined, line: number, what: string): string => {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (typeof value === 'string' && /^[A-Za-z0-9_.:-]{1,100}$/.test(value)) return value;
    throw new ConversionError(line, `${what} must be a whole number or a short name, got ${JSON.stringify(value)}`);
  };
  for (const entry of graph.entries) {
    if (entry.key === 'node') {
      if (!isList(entry.value)) throw new ConversionError(entry.line, 'node must be a [ list ]');
      const id = nodeId(field(entry.value, 'id'), entry.line, 'node id');
      if (ids.has(id)) throw new ConversionError(entry.line, `node ${id} declared twice`);
      ids.add(id);
      const label = field(entry.value, 'label');
      nodes.push({ id, label: typeof label === 'string' ? label : typeof label === 'number' ? String(label) : undefined });
    } else if (entry.key === 'edge') {
      if (!isList(entry.value)) throw new ConversionError(entry.line, 'edge must be a [ list ]');
      const source = nodeId(field(entry.value, 'source'), entry.line, 'edge source');
      const target = nodeId(field(entry.value, 'target'), entry.line, 'edge target');
      const value = field(entry.value, 'value') ?? field(entry.value, 'weight');
      edges.push({ line: entry.line, source, target, weight: typeof value === 'number' ? value : undefined });
    }
  }
  for (const e of edges) {
    for (const end of [e.source, e.target]) if (!ids.has(end)) throw new ConversionError(e.line, `edge names node ${end}, which is not declared`);
  }
  return { directed, nodes, edges };
}

export const gml: Converter = {
  kind: 'gml',
  description: 'a GML graph (directed or not, "value" = weight) → a person and Twitter account per node, MENTION interactions per edge (--end)',
  acceptsEnd: true,
  async *rows(file, options?: ConvertOptions) {
    const end = options?.end ?? Date.now();
    const name = graphName(file);
    const graph = gmlGraph(parseGml(await fs.promises.readFile(file, 'utf8')));
    for (const n of graph.nodes) yield* node(name, n.id, n.label);
    const pairs = new PairCounter();
    for (const e of graph.edges) {
      if (e.source === e.target) continue;
      const count = interactionsOfWeight(e.weight);
      yield* mentions(name, e.source, e.target, count, pairs, end);
      if (!graph.directed) yield* mentions(name, e.target, e.source, count, pairs, end);
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Edge lists

export const edgeList: Converter = {
  kind: 'edge-list',
  description: 'a directed edge list, "source target [weight]" a line (SNAP; # or % comments) → people, Twitter accounts, MENTION interactions (--end)',
  acceptsEnd: true,
  async *rows(file, options?: ConvertOptions) {
    const end = options?.end ?? Date.now();
    const name = graphName(file);
    const nodes = new EmittedIds();
    const pairs = new PairCounter();
    for await (const { line, text } of numberedLines(file)) {
      const trimmed = text.trim();
      if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('%')) continue;
      const cells = trimmed.split(/[\s,]+/);
      if (cells.length < 2 || cells.length > 3) throw new ConversionError(line, `expected "source target [weight]", got ${JSON.stringify(trimmed.slice(0, 80))}`);
      const [source, target] = cells;
      for (const id of [source, target]) {
        if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(id)) throw new ConversionError(line, `node ids are letters, digits, "_", ".", ":" or "-", got ${JSON.stringify(id.slice(0, 40))}`);
      }
      let weight: number | undefined;
      if (cells.length === 3) {
        weight = Number(cells[2]);
        if (!Number.isFinite(weight)) throw new ConversionError(line, `weight must be a number, got ${JSON.stringify(cells[2].slice(0, 40))}`);
      }
      for (const id of [source, target]) if (nodes.first(id)) yield* node(name, id, undefined);
      if (source === target) continue;
      yield* mentions(name, source, target, interactionsOfWeight(weight), pairs, end);
    }
  },
};
