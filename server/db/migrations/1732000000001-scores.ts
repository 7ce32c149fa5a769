import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/** Scores, their daily history, topical expertise and +K. Portable like the initial schema. */
export class Scores1732000000001 implements MigrationInterface {
  name = 'Scores1732000000001';

  async up(q: QueryRunner): Promise<void> {
    const toPerson = (column: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: 'person', referencedColumnNames: ['id'], onDelete: 'CASCADE' });
    const toTopic = new TableForeignKey({ columnNames: ['topic_id'], referencedTableName: 'topic', referencedColumnNames: ['id'], onDelete: 'CASCADE' });
    const band = [
      { name: 'score', type: 'real' },
      { name: 'band_low', type: 'real' },
      { name: 'band_high', type: 'real' },
      { name: 'details', type: 'text' },
    ];
    await q.createTable(new Table({
      name: 'person_score',
      columns: [{ name: 'person_id', type: 'integer', isPrimary: true }, ...band, { name: 'as_of', type: 'bigint' }],
      indices: [new TableIndex({ name: 'ix_person_score_score', columnNames: ['score'] })],
      foreignKeys: [toPerson('person_id')],
    }));
    await q.createTable(new Table({
      name: 'score_snapshot',
      columns: [{ name: 'person_id', type: 'integer', isPrimary: true }, { name: 'day', type: 'varchar', length: '10', isPrimary: true }, ...band],
      indices: [new TableIndex({ name: 'ix_score_snapshot_day', columnNames: ['day'] })],
      foreignKeys: [toPerson('person_id')],
    }));
    await q.createTable(new Table({
      name: 'topic_expertise',
      columns: [
        { name: 'person_id', type: 'integer', isPrimary: true },
        { name: 'topic_id', type: 'varchar', length: '24', isPrimary: true },
        { name: 'expertise', type: 'real' },
        { name: 'active', type: 'boolean' },
      ],
      indices: [new TableIndex({ name: 'ix_topic_expertise_topic', columnNames: ['topic_id', 'expertise'] })],
      foreignKeys: [toPerson('person_id'), toTopic],
    }));
    await q.createTable(new Table({
      name: 'k_grant',
      columns: [
        { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
        { name: 'giver_person_id', type: 'integer' },
        { name: 'receiver_person_id', type: 'integer' },
        { name: 'topic_id', type: 'varchar', length: '24' },
        { name: 'given_at', type: 'bigint' },
      ],
      indices: [
        new TableIndex({ name: 'ix_k_grant_receiver', columnNames: ['receiver_person_id', 'topic_id'] }),
        new TableIndex({ name: 'ix_k_grant_giver', columnNames: ['giver_person_id', 'given_at'] }),
      ],
      foreignKeys: [toPerson('giver_person_id'), toPerson('receiver_person_id'), new TableForeignKey({ columnNames: ['topic_id'], referencedTableName: 'topic', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['k_grant', 'topic_expertise', 'score_snapshot', 'person_score']) await q.dropTable(table);
  }
}
