import { randomBytes } from 'node:crypto';
import { AccountService } from './account.service';
import { AuthService, type AuthOptions } from './auth/auth.service';
import { AuthenticityService } from './authenticity/authenticity.service';
import { ContentService } from './content.service';
import { IngestService } from './ingest.service';
import { InteractionService } from './interaction.service';
import { KService } from './k.service';
import { PersonService } from './person.service';
import { TopicService } from './topic.service';
import { MemoryScoreCache, type ScoreCache } from './scoring/score-cache';
import { RedisScoreCache } from './scoring/redis-score-cache';
import { ScoringService } from './scoring/scoring.service';
import type { DatabaseLocation } from './scoring/rescore-runner';

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
  authenticity: AuthenticityService;
}

export interface ServicesOptions {
  /** Where the database is, for work done in other threads. */
  database: DatabaseLocation;
  /** Redis for the score cache shared by several instances; an in-process cache when absent. */
  redisUrl?: string;
  log?: (line: string) => void;
  /** Token secret and lifetime, from config. Absent (tools that issue no token): a random secret. */
  auth?: Pick<AuthOptions, 'secret' | 'tokenTtlMs'>;
}

export function createServices(options: ServicesOptions): Services {
  const cache: ScoreCache = options.redisUrl ? new RedisScoreCache(options.redisUrl) : new MemoryScoreCache();
  const scoring = new ScoringService({ cache, database: options.database, log: options.log });
  return {
    scoring,
    ingest: new IngestService((personIds) => scoring.invalidate(personIds)),
    people: new PersonService(),
    accounts: new AccountService(),
    content: new ContentService(),
    interactions: new InteractionService(),
    topics: new TopicService(),
    auth: new AuthService(options.auth ?? { secret: randomBytes(48).toString('base64url'), tokenTtlMs: 3_600_000 }),
    k: new KService({ onGranted: (personIds) => scoring.invalidate(personIds) }),
    authenticity: new AuthenticityService(),
  };
}
