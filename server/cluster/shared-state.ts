import Redis from 'ioredis';

/** What a token bucket answered: whether the points were taken, what is left, and when to retry if not. */
export interface BucketResult {
  allowed: boolean;
  /** Points left after this call (whole points, rounded down). */
  remaining: number;
  /** Seconds until the asked points are there again; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface BucketRule {
  /** Most points the bucket holds (and starts with). */
  capacity: number;
  /** Points that come back per second. */
  refillPerSecond: number;
}

/**
 * State every instance of a cluster must agree on: per-caller budgets, one-time locks for
 * scheduled work, small shared values and a message channel. In Redis when REDIS_URL is set;
 * in memory otherwise (one instance only).
 */
export interface SharedState {
  /** Takes `cost` points from the bucket `key` if it holds them (a cost of 0 only reads it). */
  take(key: string, cost: number, rule: BucketRule): Promise<BucketResult>;
  /** Sets `key` only if nobody holds it; true for the one caller that got it. It expires after ttlMs. */
  acquire(key: string, ttlMs: number): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string | undefined): Promise<void>;
  /** Sends a message to every instance, this one included. */
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, onMessage: (message: string) => void): Promise<void>;
  /** Whether the store answers (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

function refill(tokens: number, updatedAt: number, now: number, rule: BucketRule): number {
  return Math.min(rule.capacity, tokens + ((now - updatedAt) / 1000) * rule.refillPerSecond);
}

function answer(tokens: number, cost: number, allowed: boolean, rule: BucketRule): BucketResult {
  const left = allowed ? tokens - cost : tokens;
  const missing = allowed ? 0 : Math.max(0, cost - tokens);
  return { allowed, remaining: Math.max(0, Math.floor(left)), retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(missing / rule.refillPerSecond)) };
}

/** One process's state: enough for a single instance and for tests. */
export class MemorySharedState implements SharedState {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly locks = new Map<string, number>();
  private readonly values = new Map<string, string>();
  private readonly listeners = new Map<string, ((message: string) => void)[]>();

  constructor(private readonly clock: () => number = Date.now) {}

  async take(key: string, cost: number, rule: BucketRule): Promise<BucketResult> {
    const now = this.clock();
    const b = this.buckets.get(key);
    const tokens = b ? refill(b.tokens, b.at, now, rule) : rule.capacity;
    const allowed = tokens >= cost;
    this.buckets.set(key, { tokens: allowed ? tokens - cost : tokens, at: now });
    if (this.buckets.size > 100_000) this.buckets.delete(this.buckets.keys().next().value as string);
    return answer(tokens, cost, allowed, rule);
  }

  async acquire(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock();
    const until = this.locks.get(key);
    if (until !== undefined && until > now) return false;
    this.locks.set(key, now + ttlMs);
    return true;
  }

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async set(key: string, value: string | undefined): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }

  async publish(channel: string, message: string): Promise<void> {
    for (const listener of this.listeners.get(channel) ?? []) queueMicrotask(() => listener(message));
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<void> {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), onMessage]);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/** Token bucket in one atomic step: KEYS[1] bucket; ARGV cost, capacity, refill/s, now (ms). */
const TAKE_SCRIPT = `
local b = redis.call('HMGET', KEYS[1], 't', 'at')
local capacity = tonumber(ARGV[2])
local rate = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
local tokens = capacity
if b[1] then tokens = math.min(capacity, tonumber(b[1]) + (now - tonumber(b[2])) / 1000 * rate) end
local cost = tonumber(ARGV[1])
local allowed = 0
if tokens >= cost then allowed = 1; tokens = tokens - cost end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate * 1000) + 1000)
return {allowed, tostring(tokens)}
`;

/** The cluster's state in Redis: every instance with the same REDIS_URL and prefix shares it. */
export class RedisSharedState implements SharedState {
  private readonly redis: Redis;
  private subscriber: Redis | undefined;
  private readonly listeners = new Map<string, ((message: string) => void)[]>();

  constructor(url: string, private readonly prefix = 'sway') {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  }

  private key(name: string): string {
    return `${this.prefix}:${name}`;
  }

  async take(key: string, cost: number, rule: BucketRule): Promise<BucketResult> {
    const [allowed, left] = (await this.redis.eval(TAKE_SCRIPT, 1, this.key(`bucket:${key}`), cost, rule.capacity, rule.refillPerSecond, Date.now())) as [number, string];
    const tokensAfter = Number(left);
    return answer(allowed === 1 ? tokensAfter + cost : tokensAfter, cost, allowed === 1, rule);
  }

  async acquire(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key(`lock:${key}`), String(process.pid), 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK';
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.key(`value:${key}`))) ?? undefined;
  }

  async set(key: string, value: string | undefined): Promise<void> {
    if (value === undefined) await this.redis.del(this.key(`value:${key}`));
    else await this.redis.set(this.key(`value:${key}`), value);
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.redis.publish(this.key(`channel:${channel}`), message);
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<void> {
    if (!this.subscriber) {
      this.subscriber = this.redis.duplicate();
      this.subscriber.on('message', (full: string, message: string) => {
        for (const listener of this.listeners.get(full) ?? []) listener(message);
      });
    }
    const full = this.key(`channel:${channel}`);
    this.listeners.set(full, [...(this.listeners.get(full) ?? []), onMessage]);
    await this.subscriber.subscribe(full);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
    await this.redis.quit().catch(() => undefined);
  }
}

export function createSharedState(redisUrl: string | undefined, prefix = 'sway'): SharedState {
  return redisUrl ? new RedisSharedState(redisUrl, prefix) : new MemorySharedState();
}
