import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';

/** Opt-outs of scoring, and the audit trail of erasures (which holds no personal data). Portable like the others. */
export class Privacy1732000000600 implements MigrationInterface {
  name = 'Privacy1732000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'person_opt_out',
      columns: [
        { name: 'person_id', type: 'integer', isPrimary: true },
        { name: 'opted_out_at', type: 'bigint' },
        { name: 'requested_by', type: 'varchar', length: '16' },
        { name: 'request_reference', type: 'varchar', length: '64', isNullable: true },
      ],
      foreignKeys: [new TableForeignKey({ columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
    }));
    await q.createTable(new Table({
      name: 'erasure_audit',
      columns: [
        { name: 'id', type: 'varchar', length: '36', isPrimary: true },
        { name: 'erased_at', type: 'bigint' },
        { name: 'requested_by', type: 'varchar', length: '16' },
        { name: 'request_reference', type: 'varchar', length: '64', isNullable: true },
        { name: 'row_counts', type: 'text' },
        { name: 'total_rows', type: 'integer' },
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('erasure_audit');
    await q.dropTable('person_opt_out');
  }
}
