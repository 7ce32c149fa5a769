import fs from 'node:fs';
import readline from 'node:readline';
import type { ImportRow } from '../rows';

/** Turns a public data set into import rows, streaming: people and accounts come before the rows that use them. */
export interface Converter {
  kind: string;
  /** One line for the usage text. */
  description: string;
  rows(file: string): AsyncGenerator<ImportRow>;
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
