import fs from 'node:fs';
import { CONVERTERS, ConversionError, findConverter, writeNdjson } from '../import/converters';
import { formatCount } from '../import/progress';

const USAGE = `Usage: npm run convert -- KIND INPUT [> OUTPUT.ndjson]

Converts a public data set into the importer's NDJSON, written to standard output;
load it with: npm run import -- OUTPUT.ndjson

Kinds:
${CONVERTERS.map((c) => `  ${c.kind.padEnd(16)} ${c.description}`).join('\n')}`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (argv.length !== 2) return usageError('give a KIND and an INPUT file');
  const [kind, input] = argv;
  const converter = findConverter(kind);
  if (!converter) return usageError(`unknown kind "${kind}"`);
  if (!fs.existsSync(input) || !fs.statSync(input).isFile()) return usageError(`no such file: ${input}`);

  const counts = await writeNdjson(converter.rows(input), process.stdout);
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
    console.error(`convert failed: ${err instanceof ConversionError ? `${process.argv[3]} ${err.message}` : err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
