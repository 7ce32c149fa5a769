import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Network } from '#shared/networks';
import { epochMs } from './columns';
import type { Person } from './person.entity';

/** A person's account on one network. */
@Entity('network_account')
@Index('uq_account_network_external_id', ['network', 'externalId'], { unique: true })
export class NetworkAccount {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('ix_account_person')
  @Column({ name: 'person_id', type: 'integer' })
  personId!: number;

  @ManyToOne('Person', 'accounts', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ type: 'varchar', length: 16 })
  network!: Network;

  /** The network's own id for the account, unique per network. */
  @Column({ name: 'external_id', type: 'varchar', length: 200 })
  externalId!: string;

  @Column({ type: 'varchar', length: 200 })
  handle!: string;

  @Column({ name: 'followers_count', type: 'integer', default: 0 })
  followersCount!: number;

  @Column({ name: 'following_count', type: 'integer', default: 0 })
  followingCount!: number;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: Date;
}
