/** Where a perk campaign is in its life. DRAFT → ACTIVE ⇄ PAUSED → ENDED; see CAMPAIGN_TRANSITIONS. */
export enum CampaignStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  ENDED = 'ENDED',
}

/** The statuses a campaign may move to from each status. ENDED is final. */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignStatus, readonly CampaignStatus[]>> = {
  [CampaignStatus.DRAFT]: [CampaignStatus.ACTIVE, CampaignStatus.ENDED],
  [CampaignStatus.ACTIVE]: [CampaignStatus.PAUSED, CampaignStatus.ENDED],
  [CampaignStatus.PAUSED]: [CampaignStatus.ACTIVE, CampaignStatus.ENDED],
  [CampaignStatus.ENDED]: [],
};

/** Where a claimed perk is. CLAIMED → SHIPPED → DELIVERED, or CANCELLED (from CLAIMED or SHIPPED), which returns the unit. */
export enum ClaimStatus {
  CLAIMED = 'CLAIMED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CANCELLED = 'CANCELLED',
}

export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  [ClaimStatus.CLAIMED]: [ClaimStatus.SHIPPED, ClaimStatus.CANCELLED],
  [ClaimStatus.SHIPPED]: [ClaimStatus.DELIVERED, ClaimStatus.CANCELLED],
  [ClaimStatus.DELIVERED]: [],
  [ClaimStatus.CANCELLED]: [],
};

/** Content carrying a campaign's code counts for it until this many days after the campaign ends. */
export const ATTRIBUTION_DAYS_AFTER_END = 30;

/** A campaign code (hashtag): letters, digits and underscores, 3 to 50 of them, with or without a leading '#'. */
export const CAMPAIGN_CODE_PATTERN = /^#?[A-Za-z0-9_]{3,50}$/;
