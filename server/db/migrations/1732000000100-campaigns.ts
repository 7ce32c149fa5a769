import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/** Brands and their managers, perk campaigns, claims and conversions. Portable like the others. */
export class Campaigns1732000000100 implements MigrationInterface {
  name = 'Campaigns1732000000100';

  async up(q: QueryRunner): Promise<void> {
    const fk = (column: string, table: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'CASCADE' });
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    await q.createTable(new Table({
      name: 'brand',
      columns: [id, { name: 'name', type: 'varchar', length: '200' }, { name: 'created_at', type: 'bigint' }],
      indices: [new TableIndex({ name: 'uq_brand_name', columnNames: ['name'], isUnique: true })],
    }));
    await q.createTable(new Table({
      name: 'brand_member',
      columns: [{ name: 'brand_id', type: 'integer', isPrimary: true }, { name: 'user_id', type: 'integer', isPrimary: true }],
      indices: [new TableIndex({ name: 'ix_brand_member_user', columnNames: ['user_id'] })],
      foreignKeys: [fk('brand_id', 'brand'), fk('user_id', 'app_user')],
    }));
    await q.createTable(new Table({
      name: 'campaign',
      columns: [
        id,
        { name: 'brand_id', type: 'integer' },
        { name: 'name', type: 'varchar', length: '200' },
        { name: 'description', type: 'text' },
        { name: 'perk', type: 'varchar', length: '500' },
        { name: 'unit_value_cents', type: 'integer' },
        { name: 'currency', type: 'varchar', length: '3' },
        { name: 'inventory', type: 'integer' },
        { name: 'remaining', type: 'integer' },
        { name: 'starts_at', type: 'bigint' },
        { name: 'ends_at', type: 'bigint' },
        { name: 'code', type: 'varchar', length: '64' },
        { name: 'status', type: 'varchar', length: '16' },
        { name: 'min_score', type: 'integer' },
        { name: 'max_score', type: 'integer' },
        { name: 'min_authenticity', type: 'real' },
        { name: 'target_topics', type: 'text' },
        { name: 'target_networks', type: 'text' },
        { name: 'target_regions', type: 'text' },
        { name: 'created_at', type: 'bigint' },
        { name: 'updated_at', type: 'bigint' },
      ],
      indices: [
        new TableIndex({ name: 'uq_campaign_code', columnNames: ['code'], isUnique: true }),
        new TableIndex({ name: 'ix_campaign_brand', columnNames: ['brand_id', 'id'] }),
        new TableIndex({ name: 'ix_campaign_status', columnNames: ['status', 'ends_at'] }),
      ],
      foreignKeys: [fk('brand_id', 'brand')],
    }));
    await q.createTable(new Table({
      name: 'claim',
      columns: [
        id,
        { name: 'campaign_id', type: 'integer' },
        // Nullable: an erased person's claims stay for the brand's accounting, naming no one.
        { name: 'person_id', type: 'integer', isNullable: true },
        { name: 'status', type: 'varchar', length: '16' },
        { name: 'promo_code', type: 'varchar', length: '32' },
        { name: 'claimed_at', type: 'bigint' },
        { name: 'updated_at', type: 'bigint' },
      ],
      indices: [
        new TableIndex({ name: 'uq_claim_campaign_person', columnNames: ['campaign_id', 'person_id'], isUnique: true }),
        new TableIndex({ name: 'ix_claim_person', columnNames: ['person_id', 'id'] }),
        new TableIndex({ name: 'uq_claim_promo_code', columnNames: ['promo_code'], isUnique: true }),
      ],
      foreignKeys: [
        fk('campaign_id', 'campaign'),
        new TableForeignKey({ columnNames: ['person_id'], referencedTableName: 'person', referencedColumnNames: ['id'], onDelete: 'SET NULL' }),
      ],
    }));
    await q.createTable(new Table({
      name: 'conversion',
      columns: [
        id,
        { name: 'campaign_id', type: 'integer' },
        { name: 'claim_id', type: 'integer' },
        { name: 'external_id', type: 'varchar', length: '200' },
        { name: 'value_cents', type: 'integer' },
        { name: 'occurred_at', type: 'bigint' },
      ],
      indices: [
        new TableIndex({ name: 'uq_conversion_campaign_external_id', columnNames: ['campaign_id', 'external_id'], isUnique: true }),
        new TableIndex({ name: 'ix_conversion_claim', columnNames: ['claim_id'] }),
      ],
      foreignKeys: [fk('campaign_id', 'campaign'), fk('claim_id', 'claim')],
    }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['conversion', 'claim', 'campaign', 'brand_member', 'brand']) await q.dropTable(table);
  }
}
