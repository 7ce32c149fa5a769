import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { CONVERTERS, ConversionError, findConverter, writeNdjson } from '../import/converters';
import { formatCount } from '../import/progress';

const USAGE = `Usage: npm run convert -- KIND INPUT [--end ISO] [> OUTPUT.ndjson]

Converts a public data set into the importer's NDJSON, written to standard output;
load it with: npm run import -- OUTPUT.ndjson

--end ISO   for data without times of their own (higgs-*, gml, edge-list): date the interactions
            in the two weeks before this instant, deterministically. gml and edge-list default
            to now; the Higgs kinds default to the week of the data (July 2012).

Kinds:
${CONVERTERS.map((c) => `  ${c.kind.padEnd(16)} ${c.description}`).join('\n')}`;

/** The file being converted, named in a conversion error. */
let inputFile = '';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { end: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    return usageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 2) return usageError('give a KIND and an INPUT file');
  const [kind, input] = positionals;
  inputFile = input;
  const converter = findConverter(kind);
  if (!converter) return usageError(`unknown kind "${kind}"`);
  if (!fs.existsSync(input) || !fs.statSync(input).isFile()) return usageError(`no such file: ${input}`);
  let end: number | undefined;
  if (values.end !== undefined) {
    if (!converter.acceptsEnd) return usageError(`${kind} keeps the times of its data; --end is for kinds without: ${CONVERTERS.filter((c) => c.acceptsEnd).map((c) => c.kind).join(', ')}`);
    end = Date.parse(values.end);
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.end) || !Number.isFinite(end)) return usageError(`--end must be an ISO 8601 instant such as 2026-12-01T00:00:00Z, got "${values.end}"`);
  }

  const counts = await writeNdjson(converter.rows(input, { end }), process.stdout);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.error(
    `${kind}: ${formatCount(total)} rows (${Object.entries(counts)
      .map(([type, n]) => `${formatCount(n)} ${type}`)
      .join(', ')})`,
  );
  return 0;
}

function usageError(message: string): number {
  console.error(`convert: ${message}\n\n${USAGE}`);
  return 2;
}

// A reader that stops early (convert ... | head) closes the pipe: nothing left to do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`convert failed: ${err instanceof ConversionError ? `${inputFile} ${err.message}` : err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
