import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ContentKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { bigintNumber, epochMs } from './columns';
import type { NetworkAccount } from './network-account.entity';
import type { Person } from './person.entity';
import type { Topic } from './topic.entity';

/** Something an account published: a post, article, video, blog post or comment. */
@Entity('content')
@Index('uq_content_network_external_id', ['network', 'externalId'], { unique: true })
@Index('ix_content_person_posted', ['authorPersonId', 'postedAt', 'id'])
@Index('ix_content_account_posted', ['authorAccountId', 'postedAt'])
@Index('ix_content_posted', ['postedAt', 'id'])
export class Content {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  network!: Network;

  @Column({ name: 'external_id', type: 'varchar', length: 200 })
  externalId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ContentKind;

  @Column({ name: 'author_account_id', type: 'integer' })
  authorAccountId!: number;

  @ManyToOne('NetworkAccount', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_account_id' })
  authorAccount?: NetworkAccount;

  /** Copied from the author account so a person's content pages without a join. */
  @Column({ name: 'author_person_id', type: 'integer' })
  authorPersonId!: number;

  @ManyToOne('Person', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_person_id' })
  authorPerson?: Person;

  /** The content this one replies to or comments on, when known. */
  @Index('ix_content_parent')
  @Column({ name: 'parent_content_id', type: 'integer', nullable: true })
  parentContentId!: number | null;

  @ManyToOne('Content', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_content_id' })
  parentContent?: Content | null;

  @Column({ type: 'text', default: '' })
  text!: string;

  /**
   * textHash() of the text, written at ingest for the duplicate detector; NULL when there is no
   * text worth comparing. Not in the API; a person's data export includes it.
   */
  @Column({ name: 'text_hash', type: 'bigint', nullable: true, transformer: bigintNumber })
  textHash!: number | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  url!: string | null;

  @Column({ name: 'posted_at', type: 'bigint', transformer: epochMs })
  postedAt!: Date;

  /** A perk campaign's code (hashtag) carried by the content, for attribution. */
  @Index('ix_content_campaign_code')
  @Column({ name: 'campaign_code', type: 'varchar', length: 64, nullable: true })
  campaignCode!: string | null;
}

/** Which ontology topics a piece of content is about. */
@Entity('content_topic')
export class ContentTopic {
  @PrimaryColumn({ name: 'content_id', type: 'integer' })
  contentId!: number;

  @ManyToOne('Content', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'content_id' })
  content?: Content;

  @Index('ix_content_topic_topic')
  @PrimaryColumn({ name: 'topic_id', type: 'varchar', length: 24 })
  topicId!: string;

  @ManyToOne('Topic', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'topic_id' })
  topic?: Topic;
}
