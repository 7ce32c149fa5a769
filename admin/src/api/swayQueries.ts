import type { ApolloClient } from '@apollo/client';
import { gql } from '@apollo/client';
import type { Network } from '@sway/shared';
import type { Role } from '@sway/shared/roles';
import type { CampaignStatus, CampaignTarget, ClaimStatus } from './records';
import { targetInput } from './buildQuery';

/**
 * Sway's own read queries beyond react-admin's CRUD methods, as data provider methods (react-admin's
 * "custom methods"): a profile's scores, the dashboard's aggregates, and who is logged in. Pages call
 * them through useDataProvider() with react-query; test/e2e/admin-queries.test.ts validates them
 * against the committed schema.
 */

export interface Band {
  low: number;
  high: number;
}

export interface ProfileScore {
  value: number;
  band: Band;
  components: { name: string; value: number; weight: number; contribution: number }[];
  perNetwork: { network: Network; score: number; share: number }[];
  evidence: { distinctReactors: number; reactions: number; contentCount: number; conversations: number };
  topContent: { contribution: number; content: { id: string; kind: string; text: string; network: Network; postedAt: string; url: string | null; author: { id: string; handle: string } } | null }[];
  topEngagers: { contribution: number; person: { id: string; displayName: string; region: string | null } | null }[];
}

export interface Profile {
  id: string;
  displayName: string;
  score: ProfileScore;
  scoreHistory: { day: string; score: number; band: Band }[];
  topics: { expertise: number; active: boolean; topic: { id: string; slug: string; displayName: string } }[];
  kReceived: { count: number; topic: { id: string; slug: string; displayName: string } }[];
}

export interface ScoreChange {
  delta: number;
  lines: string[];
}

export interface Dashboard {
  scoreDistribution: { total: number; buckets: { low: number; high: number; count: number }[] };
  topMovers: { from: string; to: string; before: number; after: number; delta: number; person: { id: string; displayName: string } }[];
}

export interface Me {
  email: string;
  role: Role;
  person: { id: string; displayName: string } | null;
}

export const PROFILE_QUERY = gql`
  query AdminProfile($id: ID!, $from: String!, $to: String!) {
    person(id: $id) {
      id
      displayName
      score {
        value
        band { low high }
        components { name value weight contribution }
        perNetwork { network score share }
        evidence { distinctReactors reactions contentCount conversations }
        topContent { contribution content { id kind text network postedAt url author { id handle } } }
        topEngagers { contribution person { id displayName region } }
      }
      scoreHistory(from: $from, to: $to) { day score band { low high } }
      topics(first: 12) { expertise active topic { id slug displayName } }
      kReceived(first: 12) { count topic { id slug displayName } }
    }
  }
`;

export const SCORE_CHANGE_QUERY = gql`
  query AdminScoreChange($id: ID!, $from: String!, $to: String!) {
    person(id: $id) { id scoreChange(from: $from, to: $to) { delta lines } }
  }
`;

export const DASHBOARD_QUERY = gql`
  query AdminDashboard($days: Int!) {
    scoreDistribution(bucketWidth: 10) { total buckets { low high count } }
    topMovers(days: $days, first: 8) { from to before after delta person { id displayName } }
  }
`;

export const ME_QUERY = gql`
  query AdminMe {
    me { email role person { id displayName } }
  }
`;

export const LOGIN_MUTATION = gql`
  mutation AdminLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) { token expiresAt user { email role } }
  }
`;

export interface Audience {
  size: number;
  byScoreBand: { band: string; min: number; max: number; count: number }[];
  byNetwork: { network: Network; count: number }[];
  byRegion: { region: string | null; count: number }[];
  people: { id: string; displayName: string; region: string | null; score: { value: number } | null }[];
}

export interface CampaignClaim {
  id: string;
  status: ClaimStatus;
  promoCode: string;
  claimedAt: string;
  updatedAt: string;
  person: { id: string; displayName: string } | null;
}

export interface CampaignReport {
  claimsByStatus: { status: ClaimStatus; count: number }[];
  attributedPosts: number;
  engagements: number;
  uniqueEngagers: number;
  estimatedReach: number;
  conversions: number;
  revenue: number;
  cost: number;
  costPerEngagement: number | null;
  roi: number | null;
  attributionEndsAt: string;
  influencers: { claimStatus: ClaimStatus; promoCode: string; posts: number; engagements: number; uniqueEngagers: number; conversions: number; revenue: number; person: { id: string; displayName: string } }[];
  daily: { day: string; claims: number; posts: number; engagements: number; conversions: number; revenue: number }[];
}

export interface ActiveCampaign {
  id: string;
  name: string;
  endsAt: string;
  inventory: number;
  remaining: number;
  currency: string;
  brand: { id: string; name: string };
  report: { engagements: number; conversions: number; revenue: number; roi: number | null };
}

export const BRANDS_QUERY = gql`
  query AdminBrands {
    brands { id name }
  }
`;

export const PREVIEW_AUDIENCE_QUERY = gql`
  query AdminPreviewAudience($target: AudienceTargetInput!, $first: Int!) {
    previewAudience(target: $target, first: $first) {
      size
      byScoreBand { band min max count }
      byNetwork { network count }
      byRegion { region count }
      people { id displayName region score { value } }
    }
  }
`;

export const SET_CAMPAIGN_STATUS_MUTATION = gql`
  mutation AdminSetCampaignStatus($id: ID!, $status: CampaignStatus!) {
    setCampaignStatus(id: $id, status: $status) { id status remaining updatedAt }
  }
`;

export const CAMPAIGN_CLAIMS_QUERY = gql`
  query AdminCampaignClaims($id: ID!, $first: Int!, $status: ClaimStatus) {
    campaign(id: $id) {
      id
      claims(first: $first, status: $status) { totalCount nodes { id status promoCode claimedAt updatedAt person { id displayName } } }
    }
  }
`;

export const SET_CLAIM_STATUS_MUTATION = gql`
  mutation AdminSetClaimStatus($id: ID!, $status: ClaimStatus!) {
    setClaimStatus(id: $id, status: $status) { id status updatedAt }
  }
`;

export const CAMPAIGN_REPORT_QUERY = gql`
  query AdminCampaignReport($id: ID!) {
    campaign(id: $id) {
      id
      report {
        claimsByStatus { status count }
        attributedPosts engagements uniqueEngagers estimatedReach conversions revenue cost costPerEngagement roi attributionEndsAt
        influencers { claimStatus promoCode posts engagements uniqueEngagers conversions revenue person { id displayName } }
        daily { day claims posts engagements conversions revenue }
      }
    }
  }
`;

export const ACTIVE_CAMPAIGNS_QUERY = gql`
  query AdminActiveCampaigns($first: Int!) {
    campaigns(first: $first, filter: { status: ACTIVE }) {
      totalCount
      nodes { id name endsAt inventory remaining currency brand { id name } report { engagements conversions revenue roi } }
    }
  }
`;

export type FlagKind = 'SELF_ENGAGEMENT' | 'ENGAGEMENT_RING' | 'BURST' | 'SOCK_PUPPET' | 'MASS_FOLLOW' | 'DUPLICATE_CONTENT' | 'K_TRADING';
export type FlagStatus = 'PENDING' | 'CONFIRMED' | 'DISMISSED';
export type FlagDecision = 'CONFIRMED' | 'DISMISSED';

export interface FlagReview {
  decision: FlagDecision;
  reason: string;
  decidedAt: string;
  reviewer: { email: string } | null;
}

export interface AuthenticityFlag {
  id: string;
  kind: FlagKind;
  role: 'ACTOR' | 'BENEFICIARY';
  network: Network | null;
  severity: number;
  status: FlagStatus;
  detectedAt: string;
  lastSeenAt: string;
  evidence: {
    summary: string;
    interactionCount: number;
    window: { from: string; to: string };
    figures: { name: string; value: number }[];
    accounts: { id: string; network: Network; handle: string; person: { id: string; displayName: string } }[];
    people: { id: string; displayName: string }[];
    content: { id: string; text: string }[];
  };
  effect: { description: string; discountedInteractions: number; weight: number; authenticityPoints: number; scorePoints: number | null };
  reviews: FlagReview[];
}

/** A person's authenticity: the figure, and the flags for a viewer who may see them (null otherwise). */
export interface PersonAuthenticity {
  score: number;
  flags: AuthenticityFlag[] | null;
}

export interface NewFlag {
  id: string;
  kind: FlagKind;
  role: 'ACTOR' | 'BENEFICIARY';
  network: Network | null;
  detectedAt: string;
  person: { id: string; displayName: string };
}

export const PERSON_AUTHENTICITY_QUERY = gql`
  query AdminPersonAuthenticity($id: ID!) {
    person(id: $id) {
      id
      authenticity {
        score
        flags {
          id kind role network severity status detectedAt lastSeenAt
          evidence {
            summary interactionCount
            window { from to }
            figures { name value }
            accounts { id network handle person { id displayName } }
            people { id displayName }
            content { id text }
          }
          effect { description discountedInteractions weight authenticityPoints scorePoints }
          reviews { decision reason decidedAt reviewer { email } }
        }
      }
    }
  }
`;

export const NEW_FLAGS_QUERY = gql`
  query AdminNewFlags($first: Int!) {
    authenticityFlags(first: $first, filter: { status: PENDING }) {
      totalCount
      nodes { id kind role network detectedAt person { id displayName } }
    }
  }
`;

export const REVIEW_FLAG_MUTATION = gql`
  mutation AdminReviewFlag($flagId: ID!, $decision: FlagDecision!, $reason: String!) {
    reviewFlag(flagId: $flagId, decision: $decision, reason: $reason) {
      authenticity
      review { decision reason decidedAt }
      flag { id status }
    }
  }
`;

export interface SwayQueries {
  getProfile(id: string, range: { from: string; to: string }): Promise<Profile>;
  getScoreChange(id: string, range: { from: string; to: string }): Promise<ScoreChange>;
  getDashboard(days?: number): Promise<Dashboard>;
  getBrands(): Promise<{ id: string; name: string }[]>;
  previewAudience(target: Partial<CampaignTarget>, first?: number): Promise<Audience>;
  setCampaignStatus(id: string, status: CampaignStatus): Promise<{ id: string; status: CampaignStatus }>;
  getCampaignClaims(id: string, status?: ClaimStatus): Promise<{ totalCount: number; nodes: CampaignClaim[] }>;
  setClaimStatus(id: string, status: ClaimStatus): Promise<{ id: string; status: ClaimStatus }>;
  getCampaignReport(id: string): Promise<CampaignReport>;
  getActiveCampaigns(first?: number): Promise<{ totalCount: number; nodes: ActiveCampaign[] }>;
  getAuthenticity(personId: string): Promise<PersonAuthenticity | null>;
  getNewFlags(first?: number): Promise<{ totalCount: number; nodes: NewFlag[] }>;
  reviewFlag(flagId: string, decision: FlagDecision, reason: string): Promise<{ authenticity: number; flag: { id: string; status: FlagStatus } }>;
}

export function createSwayQueries(client: ApolloClient<unknown>): SwayQueries {
  return {
    async getProfile(id, range) {
      const { data } = await client.query<{ person: Profile }>({ query: PROFILE_QUERY, variables: { id, ...range } });
      return data.person;
    },
    async getScoreChange(id, range) {
      const { data } = await client.query<{ person: { scoreChange: ScoreChange } }>({ query: SCORE_CHANGE_QUERY, variables: { id, ...range } });
      return data.person.scoreChange;
    },
    async getDashboard(days = 7) {
      const { data } = await client.query<Dashboard>({ query: DASHBOARD_QUERY, variables: { days } });
      return data;
    },
    async getBrands() {
      const { data } = await client.query<{ brands: { id: string; name: string }[] }>({ query: BRANDS_QUERY, fetchPolicy: 'no-cache' });
      return data.brands;
    },
    async previewAudience(target, first = 10) {
      const { data } = await client.query<{ previewAudience: Audience }>({
        query: PREVIEW_AUDIENCE_QUERY,
        variables: { target: targetInput(target as Record<string, unknown>), first },
        fetchPolicy: 'no-cache',
      });
      return data.previewAudience;
    },
    async setCampaignStatus(id, status) {
      const { data } = await client.mutate<{ setCampaignStatus: { id: string; status: CampaignStatus } }>({ mutation: SET_CAMPAIGN_STATUS_MUTATION, variables: { id, status } });
      return data!.setCampaignStatus;
    },
    async getCampaignClaims(id, status) {
      const { data } = await client.query<{ campaign: { claims: { totalCount: number; nodes: CampaignClaim[] } } }>({
        query: CAMPAIGN_CLAIMS_QUERY,
        variables: { id, first: 100, status: status ?? null },
        fetchPolicy: 'no-cache',
      });
      return data.campaign.claims;
    },
    async setClaimStatus(id, status) {
      const { data } = await client.mutate<{ setClaimStatus: { id: string; status: ClaimStatus } }>({ mutation: SET_CLAIM_STATUS_MUTATION, variables: { id, status } });
      return data!.setClaimStatus;
    },
    async getCampaignReport(id) {
      const { data } = await client.query<{ campaign: { report: CampaignReport } }>({ query: CAMPAIGN_REPORT_QUERY, variables: { id }, fetchPolicy: 'no-cache' });
      return data.campaign.report;
    },
    async getActiveCampaigns(first = 10) {
      const { data } = await client.query<{ campaigns: { totalCount: number; nodes: ActiveCampaign[] } }>({ query: ACTIVE_CAMPAIGNS_QUERY, variables: { first }, fetchPolicy: 'no-cache' });
      return data.campaigns;
    },
    async getAuthenticity(personId) {
      const { data } = await client.query<{ person: { authenticity: PersonAuthenticity | null } }>({ query: PERSON_AUTHENTICITY_QUERY, variables: { id: personId }, fetchPolicy: 'no-cache' });
      return data.person.authenticity;
    },
    async getNewFlags(first = 8) {
      const { data } = await client.query<{ authenticityFlags: { totalCount: number; nodes: NewFlag[] } }>({ query: NEW_FLAGS_QUERY, variables: { first }, fetchPolicy: 'no-cache' });
      return data.authenticityFlags;
    },
    async reviewFlag(flagId, decision, reason) {
      const { data } = await client.mutate<{ reviewFlag: { authenticity: number; flag: { id: string; status: FlagStatus } } }>({
        mutation: REVIEW_FLAG_MUTATION,
        variables: { flagId, decision, reason },
        fetchPolicy: 'no-cache',
      });
      return data!.reviewFlag;
    },
  };
}

/** UTC day n days before today, "YYYY-MM-DD". */
export function utcDay(daysAgo = 0, now = Date.now()): string {
  return new Date(now - daysAgo * 86_400_000).toISOString().slice(0, 10);
}
