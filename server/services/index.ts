import { randomBytes } from 'node:crypto';
import { AccountService } from './account.service';
import { AuthService, type AuthOptions } from './auth/auth.service';
import { AuthenticityService } from './authenticity/authenticity.service';
import { ContentService } from './content.service';
import { DashboardService } from './dashboard.service';
import { IngestService } from './ingest.service';
import { InteractionService } from './interaction.service';
import { KService } from './k.service';
import { PersonService } from './person.service';
import { PrivacyService } from './privacy/privacy.service';
import { TopicService } from './topic.service';
import { BrandService } from './campaigns/brand.service';
import { CampaignService } from './campaigns/campaign.service';
import { ClaimService } from './campaigns/claim.service';
import { MemoryScoreCache, type ScoreCache } from './scoring/score-cache';
import { RedisScoreCache } from './scoring/redis-score-cache';
import { ScoringService } from './scoring/scoring.service';
import type { DatabaseLocation } from './scoring/rescore-runner';
import { LoginLimiter } from './auth/login-limiter';
import { MemorySharedState, type SharedState } from '../cluster/shared-state';
import type { ScoringServiceOptions } from './scoring/scoring.service';
import type { Metrics } from '../observability/metrics';
import { meteredCache } from '../observability/metered-cache';

/** One instance of each service, made at start-up and shared by every request. */
export interface Services {
  ingest: IngestService;
  people: PersonService;
  accounts: AccountService;
  content: ContentService;
  interactions: InteractionService;
  topics: TopicService;
  scoring: ScoringService;
  auth: AuthService;
  k: KService;
  brands: BrandService;
  campaigns: CampaignService;
  claims: ClaimService;
  privacy: PrivacyService;
  dashboard: DashboardService;
  loginLimiter: LoginLimiter;
  authenticity: AuthenticityService;
}

export interface ServicesOptions {
  /** Where the database is, for work done in other threads. */
  database: DatabaseLocation;
  /** Redis for the score cache shared by several instances; an in-process cache when absent. */
  redisUrl?: string;
  /** Prefix of every Redis key ('sway' by default). */
  redisPrefix?: string;
  log?: (line: string) => void;
  /** Token secret and lifetime, from config. Absent (tools that issue no token): a random secret. */
  auth?: Pick<AuthOptions, 'secret' | 'tokenTtlMs'>;
  /** The cluster's shared state (login attempts); in memory when absent. */
  state?: SharedState;
  /** Login attempts per account and per address per 15 minutes. */
  loginAttempts?: { perAccount: number; perAddress: number };
  metrics?: Metrics;
  /** Rescore guard, cluster and outcome hooks of the scoring service. */
  scoring?: Pick<ScoringServiceOptions, 'guard' | 'engine' | 'cluster' | 'onFullRescore' | 'heldStore'>;
}

export function createServices(options: ServicesOptions): Services {
  const raw: ScoreCache = options.redisUrl ? new RedisScoreCache(options.redisUrl, options.redisPrefix) : new MemoryScoreCache();
  const cache = options.metrics ? meteredCache(raw, options.metrics) : raw;
  const scoring = new ScoringService({ cache, database: options.database, log: options.log, ...options.scoring });
  const attempts = options.loginAttempts ?? { perAccount: 10, perAddress: 100 };
  const campaigns = new CampaignService();
  return {
    scoring,
    brands: new BrandService(),
    campaigns,
    claims: new ClaimService({ campaigns, refreshScore: async (ctx, personId) => void (await scoring.scores(ctx, [personId])) }),
    ingest: new IngestService((personIds) => scoring.invalidate(personIds)),
    people: new PersonService(),
    accounts: new AccountService(),
    content: new ContentService(),
    interactions: new InteractionService(),
    topics: new TopicService(),
    auth: new AuthService(options.auth ?? { secret: randomBytes(48).toString('base64url'), tokenTtlMs: 3_600_000 }),
    k: new KService({ onGranted: (personIds) => scoring.invalidate(personIds) }),
    privacy: new PrivacyService({
      stores: [{ forget: (personIds) => scoring.forget(personIds) }],
      onNeighboursChanged: (personIds) => scoring.invalidate(personIds),
      rescoreRunning: () => scoring.rescoring,
      whenRescoreIdle: () => scoring.whenIdle(),
    }),
    dashboard: new DashboardService(),
    loginLimiter: new LoginLimiter(options.state ?? new MemorySharedState(), attempts.perAccount, attempts.perAddress),
    authenticity: new AuthenticityService(),
  };
}
