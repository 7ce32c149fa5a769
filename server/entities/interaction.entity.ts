import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { epochMs } from './columns';
import type { Content } from './content.entity';
import type { NetworkAccount } from './network-account.entity';

/**
 * One account acting on a piece of content (like, share, reply, comment, click) or on
 * another account (mention, follow). For content, targetAccountId is the content's author,
 * so the reactor → author graph needs no join.
 */
@Entity('interaction')
@Index('uq_interaction_network_external_id', ['network', 'externalId'], { unique: true })
@Index('ix_interaction_target_content', ['targetContentId', 'kind'])
@Index('ix_interaction_target_account', ['targetAccountId', 'occurredAt'])
@Index('ix_interaction_actor', ['actorAccountId', 'occurredAt'])
export class Interaction {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  network!: Network;

  /** The network's id for the event; ingest is idempotent on (network, externalId). */
  @Column({ name: 'external_id', type: 'varchar', length: 200 })
  externalId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: InteractionKind;

  @Column({ name: 'actor_account_id', type: 'integer' })
  actorAccountId!: number;

  @ManyToOne('NetworkAccount', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_account_id' })
  actorAccount?: NetworkAccount;

  @Column({ name: 'target_content_id', type: 'integer', nullable: true })
  targetContentId!: number | null;

  @ManyToOne('Content', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_content_id' })
  targetContent?: Content;

  @Column({ name: 'target_account_id', type: 'integer' })
  targetAccountId!: number;

  @ManyToOne('NetworkAccount', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'target_account_id' })
  targetAccount?: NetworkAccount;

  @Column({ name: 'occurred_at', type: 'bigint', transformer: epochMs })
  occurredAt!: Date;
}
