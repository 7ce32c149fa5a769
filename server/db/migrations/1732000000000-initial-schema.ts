import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/**
 * The foundation schema. Written with TypeORM's Table API so one migration runs on
 * SQLite and PostgreSQL alike; test/api/schema.test.ts checks it matches the entities.
 */
export class InitialSchema1732000000000 implements MigrationInterface {
  name = 'InitialSchema1732000000000';

  async up(q: QueryRunner): Promise<void> {
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    const fk = (column: string, table: string, onDelete = 'CASCADE') =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

    await q.createTable(new Table({
      name: 'topic',
      columns: [
        { name: 'id', type: 'varchar', length: '24', isPrimary: true },
        { name: 'slug', type: 'varchar', length: '200' },
        { name: 'display_name', type: 'varchar', length: '200' },
        { name: 'wiki_item_id', type: 'varchar', length: '32', isNullable: true },
      ],
      indices: [new TableIndex({ name: 'uq_topic_slug', columnNames: ['slug'], isUnique: true })],
    }));
    await q.createTable(new Table({
      name: 'topic_edge',
      columns: [
        { name: 'parent_id', type: 'varchar', length: '24', isPrimary: true },
        { name: 'child_id', type: 'varchar', length: '24', isPrimary: true },
      ],
      indices: [new TableIndex({ name: 'ix_topic_edge_child', columnNames: ['child_id'] })],
    }));
    await q.createTable(new Table({
      name: 'person',
      columns: [
        id,
        { name: 'external_id', type: 'varchar', length: '200' },
        { name: 'display_name', type: 'varchar', length: '200' },
        { name: 'region', type: 'varchar', length: '64', isNullable: true },
        { name: 'language', type: 'varchar', length: '16', isNullable: true },
        { name: 'created_at', type: 'bigint' },
      ],
      indices: [
        new TableIndex({ name: 'uq_person_external_id', columnNames: ['external_id'], isUnique: true }),
        new TableIndex({ name: 'ix_person_display_name', columnNames: ['display_name'] }),
        new TableIndex({ name: 'ix_person_region', columnNames: ['region'] }),
        new TableIndex({ name: 'ix_person_created_at', columnNames: ['created_at'] }),
      ],
    }));
    await q.createTable(new Table({
      name: 'network_account',
      columns: [
        id,
        { name: 'person_id', type: 'integer' },
        { name: 'network', type: 'varchar', length: '16' },
        { name: 'external_id', type: 'varchar', length: '200' },
        { name: 'handle', type: 'varchar', length: '200' },
        { name: 'followers_count', type: 'integer', default: 0 },
        { name: 'following_count', type: 'integer', default: 0 },
        { name: 'created_at', type: 'bigint' },
      ],
      indices: [
        new TableIndex({ name: 'uq_account_network_external_id', columnNames: ['network', 'external_id'], isUnique: true }),
        new TableIndex({ name: 'ix_account_person', columnNames: ['person_id'] }),
      ],
      foreignKeys: [fk('person_id', 'person')],
    }));
    await q.createTable(new Table({
      name: 'content',
      columns: [
        id,
        { name: 'network', type: 'varchar', length: '16' },
        { name: 'external_id', type: 'varchar', length: '200' },
        { name: 'kind', type: 'varchar', length: '16' },
        { name: 'author_account_id', type: 'integer' },
        { name: 'author_person_id', type: 'integer' },
        { name: 'parent_content_id', type: 'integer', isNullable: true },
        { name: 'text', type: 'text', default: "''" },
        { name: 'url', type: 'varchar', length: '2048', isNullable: true },
        { name: 'posted_at', type: 'bigint' },
        { name: 'campaign_code', type: 'varchar', length: '64', isNullable: true },
      ],
      indices: [
        new TableIndex({ name: 'uq_content_network_external_id', columnNames: ['network', 'external_id'], isUnique: true }),
        new TableIndex({ name: 'ix_content_person_posted', columnNames: ['author_person_id', 'posted_at', 'id'] }),
        new TableIndex({ name: 'ix_content_account_posted', columnNames: ['author_account_id', 'posted_at'] }),
        new TableIndex({ name: 'ix_content_posted', columnNames: ['posted_at', 'id'] }),
        new TableIndex({ name: 'ix_content_parent', columnNames: ['parent_content_id'] }),
        new TableIndex({ name: 'ix_content_campaign_code', columnNames: ['campaign_code'] }),
      ],
      foreignKeys: [
        fk('author_account_id', 'network_account'),
        fk('author_person_id', 'person'),
        fk('parent_content_id', 'content', 'SET NULL'),
      ],
    }));
    await q.createTable(new Table({
      name: 'content_topic',
      columns: [
        { name: 'content_id', type: 'integer', isPrimary: true },
        { name: 'topic_id', type: 'varchar', length: '24', isPrimary: true },
      ],
      indices: [new TableIndex({ name: 'ix_content_topic_topic', columnNames: ['topic_id'] })],
      foreignKeys: [
        fk('content_id', 'content'),
        new TableForeignKey({ columnNames: ['topic_id'], referencedTableName: 'topic', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
      ],
    }));
    await q.createTable(new Table({
      name: 'interaction',
      columns: [
        id,
        { name: 'network', type: 'varchar', length: '16' },
        { name: 'external_id', type: 'varchar', length: '200' },
        { name: 'kind', type: 'varchar', length: '16' },
        { name: 'actor_account_id', type: 'integer' },
        { name: 'target_content_id', type: 'integer', isNullable: true },
        { name: 'target_account_id', type: 'integer' },
        { name: 'occurred_at', type: 'bigint' },
      ],
      indices: [
        new TableIndex({ name: 'uq_interaction_network_external_id', columnNames: ['network', 'external_id'], isUnique: true }),
        new TableIndex({ name: 'ix_interaction_target_content', columnNames: ['target_content_id', 'kind'] }),
        new TableIndex({ name: 'ix_interaction_target_account', columnNames: ['target_account_id', 'occurred_at'] }),
        new TableIndex({ name: 'ix_interaction_actor', columnNames: ['actor_account_id', 'occurred_at'] }),
      ],
      foreignKeys: [
        fk('actor_account_id', 'network_account'),
        fk('target_content_id', 'content'),
        fk('target_account_id', 'network_account'),
      ],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['interaction', 'content_topic', 'content', 'network_account', 'person', 'topic_edge', 'topic']) {
      await q.dropTable(table);
    }
  }
}
