import type { ApolloClient } from '@apollo/client';
import { gql } from '@apollo/client';
import type { Network } from '@sway/shared';
import type { Role } from '@sway/shared/roles';

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

export interface SwayQueries {
  getProfile(id: string, range: { from: string; to: string }): Promise<Profile>;
  getScoreChange(id: string, range: { from: string; to: string }): Promise<ScoreChange>;
  getDashboard(days?: number): Promise<Dashboard>;
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
  };
}

/** UTC day n days before today, "YYYY-MM-DD". */
export function utcDay(daysAgo = 0, now = Date.now()): string {
  return new Date(now - daysAgo * 86_400_000).toISOString().slice(0, 10);
}
