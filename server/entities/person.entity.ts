import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from './columns';
import type { NetworkAccount } from './network-account.entity';

/** An influencer: one human, whatever the number of networks they are on. */
@Entity('person')
export class Person {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The importer's key for this person; ingest is idempotent on it. */
  @Index('uq_person_external_id', { unique: true })
  @Column({ name: 'external_id', type: 'varchar', length: 200 })
  externalId!: string;

  @Index('ix_person_display_name')
  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  /** ISO 3166 country or region code, e.g. "US", "FR". */
  @Index('ix_person_region')
  @Column({ type: 'varchar', length: 64, nullable: true })
  region!: string | null;

  /** BCP 47 language tag, e.g. "en", "pt-BR". */
  @Column({ type: 'varchar', length: 16, nullable: true })
  language!: string | null;

  @Index('ix_person_created_at')
  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: Date;

  @OneToMany('NetworkAccount', 'person')
  accounts?: NetworkAccount[];
}
