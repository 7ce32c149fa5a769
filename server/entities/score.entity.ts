import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from './columns';
import type { Person } from './person.entity';
import type { Topic } from './topic.entity';

/**
 * A person's latest published score, packed (server/services/scoring/score-store.ts) so the score
 * is explained as it was computed: `details` holds components, evidence and figures (what a day's
 * snapshot keeps too), `breakdown` the per-network parts, top content and top engagers. `raw`
 * holds the engine's untransformed value at full precision: ordering, ranks and score-range
 * conditions use it, never the rounded `score`.
 */
@Entity('person_score')
@Index('ix_person_score_raw', ['raw', 'personId'])
export class PersonScoreRow {
  @PrimaryColumn({ name: 'person_id', type: 'integer' })
  personId!: number;

  @ManyToOne('Person', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  /** The score shown, 1 to 100, one decimal. */
  @Column({ type: 'real' })
  score!: number;

  /**
   * The engine's raw value (PersonScore.raw), a double, exactly as computed: score = toScale(raw),
   * rounded. toScale is strictly increasing, so raw orders people as their exact scores do, and
   * unlike the exact score it does not saturate at 1.0 or 100.0 in doubles. A bound on the scale is
   * compared with it through fromScale (server/scoring/scale-inverse.ts).
   */
  @Column({ type: 'double precision', default: 0 })
  raw!: number;

  @Column({ name: 'band_low', type: 'real' })
  bandLow!: number;

  @Column({ name: 'band_high', type: 'real' })
  bandHigh!: number;

  @Column({ type: 'text' })
  details!: string;

  @Column({ type: 'text', default: '[]' })
  breakdown!: string;

  /** Authenticity from 0 to 100 (100: nothing suspicious found); campaigns can require a minimum. */
  @Column({ type: 'real', default: 100 })
  authenticity!: number;

  /** The instant the score describes. */
  @Column({ name: 'as_of', type: 'bigint', transformer: epochMs })
  asOf!: Date;
}

/** One person's score at the end of one UTC day: the score history. */
@Entity('score_snapshot')
@Index('ix_score_snapshot_day', ['day'])
export class ScoreSnapshot {
  @PrimaryColumn({ name: 'person_id', type: 'integer' })
  personId!: number;

  @ManyToOne('Person', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  /** UTC day, "YYYY-MM-DD". */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: 'real' })
  score!: number;

  @Column({ name: 'band_low', type: 'real' })
  bandLow!: number;

  @Column({ name: 'band_high', type: 'real' })
  bandHigh!: number;

  @Column({ type: 'text' })
  details!: string;
}

/** A person's expertise in one ontology topic; `active` carries the hysteresis state. */
@Entity('topic_expertise')
@Index('ix_topic_expertise_topic', ['topicId', 'expertise'])
export class TopicExpertiseRow {
  @PrimaryColumn({ name: 'person_id', type: 'integer' })
  personId!: number;

  @ManyToOne('Person', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @PrimaryColumn({ name: 'topic_id', type: 'varchar', length: 24 })
  topicId!: string;

  @ManyToOne('Topic', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'topic_id' })
  topic?: Topic;

  @Column({ type: 'real' })
  expertise!: number;

  @Column({ type: 'boolean' })
  active!: boolean;
}

/** A +K: one person vouching for another in a topic. */
@Entity('k_grant')
@Index('ix_k_grant_receiver', ['receiverPersonId', 'topicId'])
@Index('ix_k_grant_giver', ['giverPersonId', 'givenAt'])
export class KGrantRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'giver_person_id', type: 'integer' })
  giverPersonId!: number;

  @ManyToOne('Person', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'giver_person_id' })
  giver?: Person;

  @Column({ name: 'receiver_person_id', type: 'integer' })
  receiverPersonId!: number;

  @ManyToOne('Person', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'receiver_person_id' })
  receiver?: Person;

  @Column({ name: 'topic_id', type: 'varchar', length: 24 })
  topicId!: string;

  @ManyToOne('Topic', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'topic_id' })
  topic?: Topic;

  @Column({ name: 'given_at', type: 'bigint', transformer: epochMs })
  givenAt!: Date;
}
