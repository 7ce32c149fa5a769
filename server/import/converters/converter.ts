import fs from 'node:fs';
import readline from 'node:readline';
import type { ImportRow } from '../rows';

/** Options a converter may take (the command line's flags). */
export interface ConvertOptions {
  /**
   * Epoch ms: date the interactions in the two weeks before this instant (RECENT_WINDOW_MS), for
   * data sets that carry no times of their own. Converters that do not say `acceptsEnd` ignore it.
   */
  end?: number;
}

/** Turns a public data set into import rows, streaming: people and accounts come before the rows that use them. */
export interface Converter {
  kind: string;
  /** One line for the usage text. */
  description: string;
  /** The converter dates its rows from `ConvertOptions.end` (the data carry no times of their own). */
  acceptsEnd?: boolean;
  rows(file: string, options?: ConvertOptions): AsyncGenerator<ImportRow>;
}

/** Interactions dated from an end instant fall in the two weeks before it. */
export const RECENT_WINDOW_MS = 14 * 24 * 3600 * 1000;

/** A 32-bit FNV-1a hash of a string, finished with Murmur3's mixer: spreads close keys far apart. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A deterministic instant in the two weeks before `end` (whole seconds before it, at least one),
 * chosen by a hash of `key`: each interaction gets a time of its own, not tied to its position in
 * the file, so no person's interactions are all older or all fresher than another's by construction.
 */
export function recentTime(end: number, key: string): string {
  const seconds = RECENT_WINDOW_MS / 1000;
  return new Date(end - (1 + (hashText(key) % seconds)) * 1000).toISOString();
}

/** The input is not what the converter expects; names the line. */
export class ConversionError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
  }
}

/** The file's lines with their 1-based numbers, read as a stream. */
export async function* numberedLines(file: string): AsyncGenerator<{ line: number; text: string }> {
  const input = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let line = 0;
  for await (const text of input) yield { line: ++line, text };
}

/**
 * Remembers which ids were emitted, so a converter emits each person, account and content once:
 * the importer rejects a batch naming one twice.
 */
export class EmittedIds {
  private readonly ids = new Set<string>();

  /** True the first time an id is seen. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    return true;
  }
}

/**
 * Numbers the interactions of each (source, target) pair from 1, continuing when the pair appears
 * again further down (a multigraph), so external ids and times stay unique and stable.
 */
export class PairCounter {
  private readonly counts = new Map<string, number>();

  /** How many the pair had before these `count`. */
  next(source: string, target: string, count: number): number {
    const key = `${source}\u0000${target}`;
    const before = this.counts.get(key) ?? 0;
    this.counts.set(key, before + count);
    return before;
  }
}
