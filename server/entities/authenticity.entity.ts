import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { FlagDecision, FlagKind, FlagRole } from '#shared/authenticity';
import { epochMs } from './columns';
import type { Person } from './person.entity';
import type { User } from './user.entity';

/**
 * A flag the authenticity detectors raised on a person, as found by the last full rescore. Its
 * `flagKey` is its stable identity (kind, role, person, network): a later rescore that finds the
 * same thing updates this row, keeping its id and when it was first found.
 */
@Entity('authenticity_flag')
@Index('ix_authenticity_flag_person', ['personId'])
@Index('ix_authenticity_flag_detected', ['detectedAt', 'id'])
export class AuthenticityFlagRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('uq_authenticity_flag_key', { unique: true })
  @Column({ name: 'flag_key', type: 'varchar', length: 200 })
  flagKey!: string;

  @Column({ name: 'person_id', type: 'integer' })
  personId!: number;

  @ManyToOne('Person', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ type: 'varchar', length: 32 })
  kind!: FlagKind;

  @Column({ type: 'varchar', length: 16 })
  role!: FlagRole;

  @Column({ type: 'varchar', length: 16, nullable: true })
  network!: string | null;

  /** 0..1: the share of authenticity the flag takes away. */
  @Column({ type: 'real' })
  severity!: number;

  /** The engine's FlagEvidence, as JSON. */
  @Column({ type: 'text' })
  evidence!: string;

  /** The engine's FlagEffect, as JSON. */
  @Column({ type: 'text' })
  effect!: string;

  /** When a rescore first found it. */
  @Column({ name: 'detected_at', type: 'bigint', transformer: epochMs })
  detectedAt!: Date;

  /** The last rescore that found it. */
  @Column({ name: 'as_of', type: 'bigint', transformer: epochMs })
  asOf!: Date;
}

/**
 * An analyst's decision on a flag, kept forever: the latest decision per flag key is its status,
 * the rest is its history. Keyed by the flag key, not the row, so it outlives any rescore.
 */
@Entity('authenticity_review')
@Index('ix_authenticity_review_flag', ['flagKey', 'decidedAt'])
@Index('ix_authenticity_review_person', ['personId'])
export class AuthenticityReviewRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'flag_key', type: 'varchar', length: 200 })
  flagKey!: string;

  @Column({ name: 'person_id', type: 'integer' })
  personId!: number;

  @ManyToOne('Person', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ type: 'varchar', length: 16 })
  decision!: FlagDecision;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'reviewer_user_id', type: 'integer', nullable: true })
  reviewerUserId!: number | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewer_user_id' })
  reviewer?: User | null;

  @Column({ name: 'decided_at', type: 'bigint', transformer: epochMs })
  decidedAt!: Date;
}
