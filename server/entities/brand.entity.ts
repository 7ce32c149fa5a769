import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from './columns';
import type { User } from './user.entity';

/** A company that runs perk campaigns; its managers are users with the BRAND_MANAGER role. */
@Entity('brand')
export class Brand {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Index('uq_brand_name', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: Date;
}

/** A user who manages a brand's campaigns. A BRAND_MANAGER sees and acts on their brands only. */
@Entity('brand_member')
export class BrandMember {
  @PrimaryColumn({ name: 'brand_id', type: 'integer' })
  brandId!: number;

  @ManyToOne('Brand', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id' })
  brand?: Brand;

  @Index('ix_brand_member_user')
  @PrimaryColumn({ name: 'user_id', type: 'integer' })
  userId!: number;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
