import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * person_score.raw: the engine's raw value at full precision (score = toScale(raw), rounded to one
 * decimal), so that people whose scores round alike are not tied: the people list orders by it,
 * ranks count by it and score ranges compare with it. It replaces the index on the rounded score.
 *
 * Rows already stored get the raw value their packed details carry (element 4, four decimals) —
 * close to exact, and in the right order wherever the raw values differ by more than 0.0001 —
 * until the next rescore (full, or of that person) writes it whole. Plain ALTER TABLE on both
 * databases, so SQLite does not copy the table.
 */
export class PersonScoreRaw1732000000900 implements MigrationInterface {
  name = 'PersonScoreRaw1732000000900';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    await q.query('ALTER TABLE person_score ADD COLUMN raw double precision NOT NULL DEFAULT 0');
    const fromDetails = postgres ? `(details::json ->> 4)::double precision` : `json_extract(details, '$[4]')`;
    await q.query(`UPDATE person_score SET raw = COALESCE(${fromDetails}, 0) WHERE details LIKE '[%'`);
    await q.query('DROP INDEX ix_person_score_score');
    await q.query('CREATE INDEX ix_person_score_raw ON person_score (raw, person_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_person_score_raw');
    await q.query('CREATE INDEX ix_person_score_score ON person_score (score)');
    await q.query('ALTER TABLE person_score DROP COLUMN raw');
  }
}
