import type { MigrationInterface, QueryRunner } from 'typeorm';
import { textHash } from '../../scoring/authenticity/text-hash';

/** Rows hashed per statement while filling the column for content already stored. */
const PAGE = 5000;

/** Fills text_hash for every stored content row that has text and no hash yet, a page at a time. */
export async function hashStoredTexts(q: QueryRunner): Promise<void> {
  const postgres = q.connection.options.type === 'postgres';
  const p = (n: number) => (postgres ? `$${n + 1}` : '?');
  for (let after = 0; ; ) {
    const rows: { id: number; text: string }[] = await q.query(
      `SELECT id, text FROM content WHERE id > ${p(0)} AND text <> '' AND text_hash IS NULL ORDER BY id LIMIT ${PAGE}`,
      [after],
    );
    if (!rows.length) return;
    const hashed = rows.map((r) => [Number(r.id), textHash(r.text)]).filter(([, hash]) => hash !== 0);
    if (hashed.length) {
      await q.query(
        postgres
          ? 'UPDATE content SET text_hash = v.hash FROM unnest($1::integer[], $2::bigint[]) AS v(id, hash) WHERE content.id = v.id'
          : 'UPDATE content SET text_hash = j.value ->> 1 FROM json_each(?) AS j WHERE content.id = j.value ->> 0',
        postgres ? [hashed.map(([id]) => id), hashed.map(([, hash]) => String(hash))] : [JSON.stringify(hashed)],
      );
    }
    after = Number(rows[rows.length - 1].id);
  }
}

/**
 * Each content row keeps the hash of its normalised text (see scoring/authenticity/text-hash.ts),
 * written once at ingest: the duplicate detector compares hashes, and a full rescore used to
 * re-read and re-hash every text (about half a second per 200,000 posts). NULL: no text worth
 * comparing. Plain ALTER TABLE on both databases, so SQLite does not copy the table; content
 * already stored is hashed here, a page at a time.
 */
export class ContentTextHash1732000000700 implements MigrationInterface {
  name = 'ContentTextHash1732000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE content ADD COLUMN text_hash bigint NULL');
    await hashStoredTexts(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE content DROP COLUMN text_hash');
  }
}
