import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * Each published score carries the person's authenticity (0 to 100), so campaign targeting and
 * filters can require a minimum with one indexed read. 100 until the detectors have looked.
 */
export class PersonScoreAuthenticity1732000000003 implements MigrationInterface {
  name = 'PersonScoreAuthenticity1732000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('person_score', new TableColumn({ name: 'authenticity', type: 'real', default: 100 }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('person_score', 'authenticity');
  }
}
