import { registerEnumType } from 'type-graphql';
import { CampaignStatus, ClaimStatus } from '#shared/campaigns';
import { ContentKind, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { Role } from '#shared/roles';

registerEnumType(Network, {
  name: 'Network',
  description: 'A social network Sway reads. BLOG is a network like the others: blog comments count.',
});

registerEnumType(InteractionKind, {
  name: 'InteractionKind',
  description: 'What an account did. LIKE, SHARE, REPLY, COMMENT and CLICK act on content; MENTION and FOLLOW act on an account.',
  valuesConfig: {
    LIKE: { description: 'Liked or favourited a piece of content.' },
    SHARE: { description: 'Shared, retweeted or reposted a piece of content.' },
    REPLY: { description: 'Replied to a piece of content.' },
    COMMENT: { description: 'Commented on a piece of content (blog comments included).' },
    MENTION: { description: 'Mentioned another account.' },
    FOLLOW: { description: 'Followed another account.' },
    CLICK: { description: 'Clicked a link in a piece of content.' },
  },
});

registerEnumType(ContentKind, {
  name: 'ContentKind',
  description: 'What a piece of content is.',
});

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user is, and so what they may do.',
  valuesConfig: {
    ADMIN: { description: 'Runs the platform: users, rescoring, everything.' },
    ANALYST: { description: 'Reads influencers, scores, authenticity and campaign reports; writes no campaigns.' },
    BRAND_MANAGER: { description: 'Runs the perk campaigns of the brands they are a member of, and sees those brands only.' },
    INFLUENCER: { description: 'A person scored by Sway, logged in as themselves; gives +K, sees and claims the perks they are eligible for.' },
  },
});

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'Ascending or descending order.' });

export enum PersonOrderField {
  ID = 'ID',
  CREATED_AT = 'CREATED_AT',
  DISPLAY_NAME = 'DISPLAY_NAME',
  SCORE = 'SCORE',
}
registerEnumType(PersonOrderField, {
  name: 'PersonOrderField',
  description: 'What a list of people can be ordered by.',
  valuesConfig: {
    ID: { description: 'Order of arrival in Sway.' },
    CREATED_AT: { description: 'When Sway first saw them.' },
    DISPLAY_NAME: { description: 'Display name, alphabetically.' },
    SCORE: {
      description:
        'Influence score at full precision, not the one-decimal value shown: two people shown as 40.0 keep the order of their exact scores. Then by id. ' +
        'Highest first unless `direction` says otherwise; people without a score come last in either direction.',
    },
  },
});

export enum AccountOrderField {
  ID = 'ID',
  FOLLOWERS = 'FOLLOWERS',
  HANDLE = 'HANDLE',
}
registerEnumType(AccountOrderField, {
  name: 'AccountOrderField',
  description: 'What a list of accounts can be ordered by.',
  valuesConfig: {
    ID: { description: 'Order of arrival in Sway.' },
    FOLLOWERS: { description: 'Follower count as the network reports it.' },
    HANDLE: { description: 'Handle, alphabetically.' },
  },
});

export enum ContentOrderField {
  POSTED_AT = 'POSTED_AT',
  ID = 'ID',
}
registerEnumType(ContentOrderField, {
  name: 'ContentOrderField',
  description: 'What a list of content can be ordered by.',
  valuesConfig: { POSTED_AT: { description: 'When it was published.' }, ID: { description: 'Order of arrival in Sway.' } },
});

export enum InteractionOrderField {
  OCCURRED_AT = 'OCCURRED_AT',
  ID = 'ID',
}
registerEnumType(InteractionOrderField, {
  name: 'InteractionOrderField',
  description: 'What a list of interactions can be ordered by.',
  valuesConfig: { OCCURRED_AT: { description: 'When it happened.' }, ID: { description: 'Order of arrival in Sway.' } },
});

export { CampaignStatus, ClaimStatus, ContentKind, InteractionKind, Network, Role };

registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: 'Where a campaign is: DRAFT → ACTIVE ⇄ PAUSED → ENDED (a DRAFT may also be ENDED unpublished). Other moves answer BAD_USER_INPUT on `status`.',
  valuesConfig: {
    DRAFT: { description: 'Being written; invisible to influencers; every field editable.' },
    ACTIVE: { description: 'Claimable between startsAt and endsAt by people in its audience.' },
    PAUSED: { description: 'Claims stop; editable except its code; may be resumed.' },
    ENDED: { description: 'Over for good. Content carrying the code still counts for 30 days after endsAt.' },
  },
});

registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'Where a claimed perk is: CLAIMED → SHIPPED → DELIVERED, or CANCELLED (from CLAIMED or SHIPPED), which gives the unit back.',
  valuesConfig: {
    CLAIMED: { description: 'Claimed; the unit is taken.' },
    SHIPPED: { description: 'On its way.' },
    DELIVERED: { description: 'Received. Final.' },
    CANCELLED: { description: 'Cancelled; the unit went back to the inventory. Final: the person cannot claim this campaign again.' },
  },
});
