import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/** Authenticity flags with their evidence, and analysts' review decisions. Portable like the others. */
export class Authenticity1732000000200 implements MigrationInterface {
  name = 'Authenticity1732000000200';

  async up(q: QueryRunner): Promise<void> {
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    const toPerson = new TableForeignKey({ columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'], onDelete: 'CASCADE' });
    await q.createTable(new Table({
      name: 'authenticity_flag',
      columns: [
        id,
        { name: 'flag_key', type: 'varchar', length: '200' },
        { name: 'person_id', type: 'integer' },
        { name: 'kind', type: 'varchar', length: '32' },
        { name: 'role', type: 'varchar', length: '16' },
        { name: 'network', type: 'varchar', length: '16', isNullable: true },
        { name: 'severity', type: 'real' },
        { name: 'evidence', type: 'text' },
        { name: 'effect', type: 'text' },
        { name: 'detected_at', type: 'bigint' },
        { name: 'as_of', type: 'bigint' },
      ],
      indices: [
        new TableIndex({ name: 'uq_authenticity_flag_key', columnNames: ['flag_key'], isUnique: true }),
        new TableIndex({ name: 'ix_authenticity_flag_person', columnNames: ['person_id'] }),
        new TableIndex({ name: 'ix_authenticity_flag_detected', columnNames: ['detected_at', 'id'] }),
      ],
      foreignKeys: [toPerson],
    }));
    await q.createTable(new Table({
      name: 'authenticity_review',
      columns: [
        id,
        { name: 'flag_key', type: 'varchar', length: '200' },
        { name: 'person_id', type: 'integer' },
        { name: 'decision', type: 'varchar', length: '16' },
        { name: 'reason', type: 'text' },
        { name: 'reviewer_user_id', type: 'integer', isNullable: true },
        { name: 'decided_at', type: 'bigint' },
      ],
      indices: [
        new TableIndex({ name: 'ix_authenticity_review_flag', columnNames: ['flag_key', 'decided_at'] }),
        new TableIndex({ name: 'ix_authenticity_review_person', columnNames: ['person_id'] }),
      ],
      foreignKeys: [
        new TableForeignKey({ columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        new TableForeignKey({ columnNames: ['reviewer_user_id'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'SET NULL' }),
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('authenticity_review');
    await q.dropTable('authenticity_flag');
  }
}
