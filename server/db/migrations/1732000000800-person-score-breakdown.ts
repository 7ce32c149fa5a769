import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * The current score's per-network parts, top content and top engagers move out of `details` into
 * a column of their own, so `details` is exactly what a day's snapshot keeps and a full rescore
 * writes the day's snapshots as a copy made by the database. Rows written before keep their lists
 * at the end of `details` and an empty breakdown (unpackScore reads both).
 */
export class PersonScoreBreakdown1732000000800 implements MigrationInterface {
  name = 'PersonScoreBreakdown1732000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('person_score', new TableColumn({ name: 'breakdown', type: 'text', default: "'[]'" }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('person_score', 'breakdown');
  }
}
