import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/** Users who log in, with their role and, for influencers, the person they are. Portable like the others. */
export class Users1732000000002 implements MigrationInterface {
  name = 'Users1732000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({
      name: 'app_user',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'email', type: 'varchar', length: '254' },
        { name: 'password_hash', type: 'varchar', length: '255' },
        { name: 'role', type: 'varchar', length: '16' },
        { name: 'person_id', type: 'integer', isNullable: true },
        { name: 'created_at', type: 'bigint' },
      ],
      indices: [
        new TableIndex({ name: 'uq_app_user_email', columnNames: ['email'], isUnique: true }),
        new TableIndex({ name: 'uq_app_user_person', columnNames: ['person_id'], isUnique: true }),
      ],
      foreignKeys: [new TableForeignKey({ columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'], onDelete: 'SET NULL' })],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('app_user');
  }
}
