import type { ImportProgress, ImportSummary } from './importer';

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Seconds → "1:05" or "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/**
 * A one-line progress bar for a terminal: share of bytes read, rows, rows per second and the
 * time left, estimated from the bytes still to read at the rate so far. Redraws at most ten
 * times a second, however often it is updated.
 */
export class ProgressBar {
  private lastDrawn = 0;
  private lastLine = '';

  constructor(private readonly out: NodeJS.WriteStream, private readonly label: string, private readonly minIntervalMs = 100) {}

  update(p: ImportProgress): void {
    const now = Date.now();
    if (now - this.lastDrawn < this.minIntervalMs) return;
    this.lastDrawn = now;
    this.draw(p);
  }

  /** Draws the final state and moves to a fresh line. */
  done(p: ImportProgress): void {
    this.draw(p);
    this.out.write('\n');
  }

  private draw(p: ImportProgress): void {
    const fraction = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 1;
    const seconds = p.elapsedMs / 1000;
    // Rows done, not rows read: reading runs a batch ahead of the database.
    const done = p.rowsWritten + p.rowsSkipped;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = fraction > 0 && fraction < 1 ? formatDuration((seconds * (1 - fraction)) / fraction) : '0:00';
    const stats = ` ${(fraction * 100).toFixed(0).padStart(3)}% ${formatCount(done)} rows ${formatCount(rate)} rows/s ETA ${eta}${p.rowsSkipped ? ` (${formatCount(p.rowsSkipped)} skipped)` : ''}`;
    // The line must fit the terminal or each redraw would wrap: the bar shrinks first, then the label.
    const width = (this.out.columns || 80) - 1;
    const barWidth = Math.max(10, Math.min(40, width - stats.length - 3 - this.label.length));
    const room = width - stats.length - barWidth - 3;
    const label = this.label.length <= room ? this.label : room > 1 ? `${this.label.slice(0, room - 1)}…` : '';
    const filled = Math.round(fraction * barWidth);
    const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${stats}`.slice(0, width);
    if (line === this.lastLine) return;
    this.lastLine = line;
    // \r returns to the line start, \x1b[K clears what a longer previous line left behind.
    this.out.write(`\r${line}\x1b[K`);
  }
}

/** The end-of-import report: one summary line, then what was written and skipped. */
export function summaryLines(s: ImportSummary): string[] {
  const seconds = s.elapsedMs / 1000;
  const rate = seconds > 0 ? s.rowsRead / seconds : 0;
  const lines = [
    `${s.file} (${s.format}): ${formatCount(s.rowsRead)} rows read in ${seconds.toFixed(1)} s (${formatCount(rate)} rows/s); ` +
      `${formatCount(s.rowsWritten)} written, ${formatCount(s.rowsSkipped)} skipped` +
      `${s.failedBatches ? ` in ${plural(s.failedBatches, 'rejected batch', 'rejected batches')} of ${formatCount(s.batches)}` : ` in ${plural(s.batches, 'batch', 'batches')}`}; ` +
      plural(s.errorCount, 'error', 'errors'),
  ];
  for (const [section, r] of Object.entries(s.sections)) {
    if (r.received) lines.push(`  ${section}: ${formatCount(r.created)} created, ${formatCount(r.updated)} updated, ${formatCount(r.unchanged)} unchanged`);
  }
  if (s.stoppedEarly) lines.push('  reading stopped at a format error: the rest of the file was not imported');
  return lines;
}

/** The errors, one per line, at most `limit` of them. */
export function errorLines(s: ImportSummary, limit: number): string[] {
  if (!s.errorCount) return [];
  const shown = s.errors.slice(0, limit);
  const lines = [`Errors (${formatCount(s.errorCount)}${s.errorCount > shown.length ? `; the first ${shown.length} shown` : ''}):`];
  for (const e of shown) {
    const where = e.line === null ? 'file' : `line ${e.line}`;
    lines.push(`  ${where}${e.type ? ` (${e.type})` : ''}: ${e.field}: ${e.message}`);
  }
  return lines;
}
