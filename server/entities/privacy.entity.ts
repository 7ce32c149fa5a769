import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { epochMs } from './columns';
import type { Person } from './person.entity';

/**
 * A person who opted out of scoring. While the row exists nothing of theirs is scored, cached,
 * shown or targeted; deleting it opts them back in.
 */
@Entity('person_opt_out')
export class PersonOptOut {
  @PrimaryColumn({ name: 'person_id', type: 'integer' })
  personId!: number;

  @ManyToOne('Person', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ name: 'opted_out_at', type: 'bigint', transformer: epochMs })
  optedOutAt!: Date;

  /** SELF (the person, logged in) or ADMIN (acting on a verified request). */
  @Column({ name: 'requested_by', type: 'varchar', length: 16 })
  requestedBy!: 'SELF' | 'ADMIN';

  /** The verified request an ADMIN acted on (a ticket reference); null when the person asked themself. */
  @Column({ name: 'request_reference', type: 'varchar', length: 64, nullable: true })
  requestReference!: string | null;
}

/**
 * One erasure, for the audit trail. It holds no personal data: an opaque id, when, who asked (a
 * role, not a user), the verified request reference, and how many rows each table lost.
 */
@Entity('erasure_audit')
export class ErasureAudit {
  /** Random UUID, unrelated to the person's ids. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'erased_at', type: 'bigint', transformer: epochMs })
  erasedAt!: Date;

  /** SELF or ADMIN. */
  @Column({ name: 'requested_by', type: 'varchar', length: 16 })
  requestedBy!: 'SELF' | 'ADMIN';

  @Column({ name: 'request_reference', type: 'varchar', length: 64, nullable: true })
  requestReference!: string | null;

  /** JSON object: table → rows deleted or anonymised. */
  @Column({ name: 'row_counts', type: 'text' })
  rowCounts!: string;

  @Column({ name: 'total_rows', type: 'integer' })
  totalRows!: number;
}
