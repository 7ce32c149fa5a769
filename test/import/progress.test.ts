import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../server/import/importer';
import { errorLines, formatDuration, ProgressBar, summaryLines } from '../../server/import/progress';

/** Collects what the bar writes, as a terminal of the given width would receive it. */
function fakeTerminal(columns: number) {
  const writes: string[] = [];
  return { writes, stream: { columns, write: (s: string) => writes.push(s) > 0 } as unknown as NodeJS.WriteStream };
}

const progress = (bytesRead: number, rowsDone: number, elapsedMs: number) => ({ rowsRead: rowsDone + 100, rowsWritten: rowsDone, rowsSkipped: 0, bytesRead, totalBytes: 1000, elapsedMs });

describe('progress bar', () => {
  it('shows the share of bytes read, rows written per second and the time left at that pace', () => {
    const { writes, stream } = fakeTerminal(100);
    const bar = new ProgressBar(stream, 'file.ndjson', 0);
    bar.update(progress(250, 5000, 10_000));
    expect(writes).toHaveLength(1);
    // A quarter read in 10 s leaves 30 s.
    expect(writes[0]).toBe('\rfile.ndjson [##########------------------------------]  25% 5,000 rows 500 rows/s ETA 0:30\x1b[K');
  });

  it('redraws at most once per interval, fits the terminal, and ends on a new line', () => {
    const { writes, stream } = fakeTerminal(60);
    const bar = new ProgressBar(stream, 'a-rather-long-file-name.ndjson', 60_000);
    bar.update(progress(100, 10, 1000));
    bar.update(progress(200, 20, 2000));
    expect(writes).toHaveLength(1);
    bar.done(progress(1000, 1_400_000, 30_000));
    expect(writes).toHaveLength(3);
    expect(writes[2]).toBe('\n');
    // Long counts squeeze the label, never the figures.
    expect(writes[1]).toBe('\ra-… [##########] 100% 1,400,000 rows 46,667 rows/s ETA 0:00\x1b[K');
    for (const w of writes.slice(0, 2)) expect(w.replace(/\r|\x1b\[K/g, '').length).toBeLessThan(60);
  });

  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});

describe('import summary', () => {
  const summary: ImportSummary = {
    file: 'x.csv',
    format: 'csv',
    rowsRead: 12_000,
    rowsWritten: 10_000,
    rowsSkipped: 2_000,
    batches: 3,
    failedBatches: 1,
    sections: {
      people: { received: 10_000, created: 9_000, updated: 10, unchanged: 990 },
      accounts: { received: 0, created: 0, updated: 0, unchanged: 0 },
      content: { received: 0, created: 0, updated: 0, unchanged: 0 },
      interactions: { received: 0, created: 0, updated: 0, unchanged: 0 },
    },
    errorCount: 120,
    errors: Array.from({ length: 100 }, (_, i) => ({ line: i + 2, type: 'person' as const, field: 'displayName', message: 'is required' })),
    stoppedEarly: false,
    elapsedMs: 2000,
  };

  it('says how many rows were written and skipped, and why', () => {
    expect(summaryLines(summary)).toEqual([
      'x.csv (csv): 12,000 rows read in 2.0 s (6,000 rows/s); 10,000 written, 2,000 skipped in 1 rejected batch of 3; 120 errors',
      '  people: 9,000 created, 10 updated, 990 unchanged',
    ]);
  });

  it('lists errors up to the cap, with their total', () => {
    const lines = errorLines(summary, 50);
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe('Errors (120; the first 50 shown):');
    expect(lines[1]).toBe('  line 2 (person): displayName: is required');
    expect(errorLines({ ...summary, errorCount: 0, errors: [] }, 50)).toEqual([]);
  });
});
