import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A topic of the Klout topic ontology (2018-06-01, CC BY 3.0, © Klout).
 * Ids are kept as strings: super-topic ids exceed 64-bit integers.
 */
@Entity('topic')
export class Topic {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  id!: string;

  @Index('uq_topic_slug', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  slug!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ name: 'wiki_item_id', type: 'varchar', length: 32, nullable: true })
  wikiItemId!: string | null;
}

/** A parent → child edge of the ontology (e.g. basketball → nba). */
@Entity('topic_edge')
export class TopicEdge {
  @PrimaryColumn({ name: 'parent_id', type: 'varchar', length: 24 })
  parentId!: string;

  @Index('ix_topic_edge_child')
  @PrimaryColumn({ name: 'child_id', type: 'varchar', length: 24 })
  childId!: string;
}
