import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { ROW_TYPES, type ImportRow, type RowType } from '../rows';
import type { Converter } from './converter';
import { edgeList, gml } from './graphs';
import { higgsMention, higgsReply } from './higgs';
import { kloutFacebook, kloutTwitter } from './klout';

export { ConversionError, type ConvertOptions, type Converter } from './converter';

export const CONVERTERS: readonly Converter[] = [higgsMention, higgsReply, kloutTwitter, kloutFacebook, gml, edgeList];

export function findConverter(kind: string): Converter | undefined {
  return CONVERTERS.find((c) => c.kind === kind);
}

/** Flush to the stream once this much text is pending: few, large writes. */
const WRITE_CHUNK_CHARS = 1 << 16;

/**
 * Writes rows as NDJSON, one object a line, waiting whenever the stream asks to (so a slow
 * reader of stdout never makes memory grow). Returns how many rows of each type were written.
 */
export async function writeNdjson(rows: AsyncIterable<ImportRow>, out: Writable): Promise<Record<RowType, number>> {
  const counts = Object.fromEntries(ROW_TYPES.map((t) => [t, 0])) as Record<RowType, number>;
  let pending = '';
  const flush = async () => {
    if (!out.write(pending)) await once(out, 'drain');
    pending = '';
  };
  for await (const row of rows) {
    counts[row.type]++;
    pending += JSON.stringify(row) + '\n';
    if (pending.length >= WRITE_CHUNK_CHARS) await flush();
  }
  if (pending) await flush();
  return counts;
}
