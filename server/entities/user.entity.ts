import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '#shared/roles';
import { epochMs } from './columns';
import type { Person } from './person.entity';

/**
 * Someone who logs in to Sway. The table is `app_user`: `user` is a reserved word in PostgreSQL.
 * The password is kept only as a salted scrypt hash (server/services/auth/passwords.ts).
 */
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** Lower-cased and trimmed before it is stored, so logins match whatever the case typed. */
  @Index('uq_app_user_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** `scrypt$N$r$p$salt$hash`: never the password, never sent to clients. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** The person this user is (required for INFLUENCER); one login per person at most. */
  @Index('uq_app_user_person', { unique: true })
  @Column({ name: 'person_id', type: 'integer', nullable: true })
  personId!: number | null;

  @ManyToOne('Person', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'person_id' })
  person?: Person | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: Date;
}
