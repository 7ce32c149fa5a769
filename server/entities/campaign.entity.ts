import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CampaignStatus, ClaimStatus } from '#shared/campaigns';
import { epochMs } from './columns';
import type { Brand } from './brand.entity';
import type { Person } from './person.entity';

/**
 * A brand's perk campaign. Targeting lists (topics, networks, regions) are JSON arrays in text
 * columns: read whole with the campaign, never queried by SQL. `remaining` is decremented by a
 * conditional UPDATE at claim time, so inventory cannot be oversold.
 */
@Entity('campaign')
@Index('ix_campaign_brand', ['brandId', 'id'])
@Index('ix_campaign_status', ['status', 'endsAt'])
export class Campaign {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'brand_id', type: 'integer' })
  brandId!: number;

  @ManyToOne('Brand', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brand_id' })
  brand?: Brand;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text' })
  description!: string;

  /** What the influencer receives, in words. */
  @Column({ type: 'varchar', length: 500 })
  perk!: string;

  /** Cost of one unit of the perk to the brand, in cents of `currency`. */
  @Column({ name: 'unit_value_cents', type: 'integer' })
  unitValueCents!: number;

  /** ISO 4217 code of every amount of the campaign. */
  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'integer' })
  inventory!: number;

  /** Units not claimed (cancelled claims give theirs back). */
  @Column({ type: 'integer' })
  remaining!: number;

  @Column({ name: 'starts_at', type: 'bigint', transformer: epochMs })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'bigint', transformer: epochMs })
  endsAt!: Date;

  /** The hashtag, lower-case and without '#': unique across campaigns. */
  @Index('uq_campaign_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: CampaignStatus;

  @Column({ name: 'min_score', type: 'integer' })
  minScore!: number;

  @Column({ name: 'max_score', type: 'integer' })
  maxScore!: number;

  @Column({ name: 'min_authenticity', type: 'real' })
  minAuthenticity!: number;

  /** JSON array of topic ids; empty: any topic. */
  @Column({ name: 'target_topics', type: 'text' })
  targetTopics!: string;

  /** JSON array of networks; empty: any network. */
  @Column({ name: 'target_networks', type: 'text' })
  targetNetworks!: string;

  /** JSON array of region codes; empty: anywhere. */
  @Column({ name: 'target_regions', type: 'text' })
  targetRegions!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMs })
  updatedAt!: Date;
}

/** One person's claim of one unit of a campaign's perk. One per person and campaign. */
@Entity('claim')
@Index('uq_claim_campaign_person', ['campaignId', 'personId'], { unique: true })
@Index('ix_claim_person', ['personId', 'id'])
export class Claim {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'campaign_id', type: 'integer' })
  campaignId!: number;

  @ManyToOne('Campaign', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  /** The claimer; null once they were erased (the claim stays for the brand's accounting). */
  @Column({ name: 'person_id', type: 'integer', nullable: true })
  personId!: number | null;

  @ManyToOne('Person', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'person_id' })
  person?: Person;

  @Column({ type: 'varchar', length: 16 })
  status!: ClaimStatus;

  /** The claimer's own promo code, upper-case; conversions name it. */
  @Index('uq_claim_promo_code', { unique: true })
  @Column({ name: 'promo_code', type: 'varchar', length: 32 })
  promoCode!: string;

  @Column({ name: 'claimed_at', type: 'bigint', transformer: epochMs })
  claimedAt!: Date;

  /** When the status last changed. */
  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMs })
  updatedAt!: Date;
}

/** A redemption of a claim's promo code (a purchase, online or off). Idempotent on (campaign, externalId). */
@Entity('conversion')
@Index('uq_conversion_campaign_external_id', ['campaignId', 'externalId'], { unique: true })
@Index('ix_conversion_claim', ['claimId'])
export class Conversion {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'campaign_id', type: 'integer' })
  campaignId!: number;

  @ManyToOne('Campaign', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Column({ name: 'claim_id', type: 'integer' })
  claimId!: number;

  @ManyToOne('Claim', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claim_id' })
  claim?: Claim;

  /** The shop's id for the purchase. */
  @Column({ name: 'external_id', type: 'varchar', length: 200 })
  externalId!: string;

  @Column({ name: 'value_cents', type: 'integer' })
  valueCents!: number;

  @Column({ name: 'occurred_at', type: 'bigint', transformer: epochMs })
  occurredAt!: Date;
}
