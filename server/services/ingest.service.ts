import type { EntityManager, QueryRunner } from 'typeorm';
import { CONTENT_INTERACTION_KINDS, CONTENT_KINDS, INTERACTION_KINDS, type InteractionKind } from '../../shared/interactions';
import { LIMITS } from '../../shared/limits';
import { NETWORKS } from '../../shared/networks';
import type { Database } from '../db/database';
import { ValidationError, type FieldError } from './errors';
import {
  INGEST_SECTIONS,
  type IngestBatch,
  type IngestResult,
  type IngestSection,
  type Instant,
  type SectionResult,
} from './ingest.records';
import type { RequestContext } from './request-context';

export interface IngestOptions {
  /** Most items the whole batch may hold; GraphQL uses LIMITS.maxIngestBatch. */
  maxItems?: number;
  /** Prefix of every reported field path, e.g. "input." for a GraphQL argument. */
  fieldPrefix?: string;
  /** Ids of rows committed by earlier batches, reused across batches (bulk import). */
  refCache?: IngestRefCache;
}

interface AccountRef { id: number; personId: number }
interface ContentRef { id: number; authorAccountId: number }

/** Database ids a batch looked up or wrote, by external key. */
interface KnownRefs {
  people: Map<string, number>;
  accounts: Map<string, AccountRef>;
  content: Map<string, ContentRef>;
}

/**
 * Ids of people, accounts and content that committed batches resolved, kept by a caller that
 * sends many batches (the bulk importer) so later batches skip their lookups. A batch's ids are
 * added only after it commits, so a rolled-back batch never leaves ids behind. Rows are not
 * deleted during an import; if one were, its stale id would fail a foreign key, not corrupt data.
 */
export class IngestRefCache implements KnownRefs {
  readonly people = new Map<string, number>();
  readonly accounts = new Map<string, AccountRef>();
  readonly content = new Map<string, ContentRef>();

  /** Bounds memory on endless imports: when full it starts over, costing lookups, not correctness. */
  constructor(private readonly maxEntries = 2_000_000) {}

  get size(): number {
    return this.people.size + this.accounts.size + this.content.size;
  }

  add(refs: KnownRefs): void {
    if (this.size + refs.people.size + refs.accounts.size + refs.content.size > this.maxEntries) {
      this.people.clear();
      this.accounts.clear();
      this.content.clear();
    }
    for (const [k, v] of refs.people) this.people.set(k, v);
    for (const [k, v] of refs.accounts) this.accounts.set(k, v);
    for (const [k, v] of refs.content) this.content.set(k, v);
  }
}

/** Earliest and latest instants accepted: nothing before the web, nothing over a day ahead. */
const MIN_TIME = Date.UTC(1990, 0, 1);
const MAX_FUTURE_MS = 24 * 3600 * 1000;

interface PersonRow { externalId: string; displayName: string; region: string | null; language: string | null; createdAt: number }
interface AccountRow { network: string; externalId: string; personExternalId: string; handle: string; followers: number; following: number; createdAt: number }
interface ContentRow { network: string; externalId: string; kind: string; author: string; text: string; url: string | null; topicIds: string[]; postedAt: number; campaignCode: string | null; parent: string | null }
interface InteractionRow { network: string; externalId: string; kind: string; actor: string; targetContent: string | null; targetAccount: string | null; occurredAt: number }

interface NormalizedBatch { people: PersonRow[]; accounts: AccountRow[]; content: ContentRow[]; interactions: InteractionRow[] }

/** Key of a row identified by (network, external id). */
const netKey = (network: string, externalId: string) => `${network}\u0000${externalId}`;

/**
 * Writes batches of people, accounts, content and interactions. GraphQL ingest mutations,
 * the bulk importer and the demo seed all come through here, so validation and idempotency
 * live in one place.
 *
 * Every item is validated before anything is written; a batch is written in one transaction or
 * not at all. Writes are idempotent on (network, external id): content and interactions are
 * immutable events (a repeat is ignored), people and accounts are updated when their values changed.
 */
export class IngestService {
  private topicIdsByKey: Promise<Map<string, string>> | undefined;

  async ingest(ctx: RequestContext, batch: IngestBatch, options: IngestOptions = {}): Promise<IngestResult> {
    const prefix = options.fieldPrefix ?? '';
    const total = INGEST_SECTIONS.reduce((n, s) => n + (batch[s]?.length ?? 0), 0);
    if (options.maxItems !== undefined && total > options.maxItems) {
      throw new ValidationError([{ field: prefix.replace(/\.$/, '') || 'batch', message: `a batch holds at most ${options.maxItems} items, got ${total}` }]);
    }
    const topics = batch.content?.some((c) => c.topics?.length) ? await this.topicIds(ctx.db) : new Map<string, string>();
    const errors: FieldError[] = [];
    const rows = normalize(batch, topics, prefix, errors);
    if (errors.length) throw new ValidationError(errors);

    let writer: BatchWriter | undefined;
    const written = await ctx.db.transaction(async (manager) => {
      writer = new BatchWriter(ctx.db, manager.queryRunner!, prefix, options.refCache);
      const result: IngestResult = {
        people: await writer.people(rows.people),
        accounts: await writer.accounts(rows.accounts),
        content: await writer.content(rows.content),
        interactions: await writer.interactions(rows.interactions),
      };
      if (writer.errors.length) throw new ValidationError(writer.errors);
      return result;
    });
    // Committed: what the batch learned is now safe to reuse.
    if (writer) options.refCache?.add(writer.learned);
    return written;
  }

  /** Topic slug or id → id, loaded once: the ontology is reference data. */
  private topicIds(db: Database): Promise<Map<string, string>> {
    this.topicIdsByKey ??= db.reader
      .query('SELECT id, slug FROM topic')
      .then((rows: { id: string; slug: string }[]) => {
        const map = new Map<string, string>();
        for (const r of rows) {
          map.set(r.id, r.id);
          map.set(r.slug, r.id);
        }
        return map;
      })
      .catch((err) => {
        this.topicIdsByKey = undefined;
        throw err;
      });
    return this.topicIdsByKey;
  }
}

// ---------------------------------------------------------------------------------------------
// Validation: pure, synchronous, and fast enough for the bulk importer's hot path.

function normalize(batch: IngestBatch, topics: Map<string, string>, prefix: string, errors: FieldError[]): NormalizedBatch {
  const out: NormalizedBatch = { people: [], accounts: [], content: [], interactions: [] };
  const now = Date.now();

  const check = (section: IngestSection, items: readonly unknown[] | undefined, each: (v: Validator, i: number) => void) => {
    if (items == null) return;
    if (!Array.isArray(items)) {
      errors.push({ field: `${prefix}${section}`, message: 'must be a list' });
      return;
    }
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const v = new Validator(`${prefix}${section}[${i}].`, item, errors, now);
      if (v.ok) each(v, i);
      const key = v.key;
      if (key !== undefined) {
        if (seen.has(key)) v.fail('externalId', 'appears twice in this batch');
        seen.add(key);
      }
    });
  };

  check('people', batch.people, (v) => {
    const externalId = v.str('externalId', LIMITS.maxShortText);
    v.key = externalId;
    const row: PersonRow = {
      externalId,
      displayName: v.str('displayName', LIMITS.maxShortText),
      region: v.optStr('region', 64),
      language: v.optStr('language', 16),
      createdAt: v.optTime('createdAt') ?? now,
    };
    if (v.clean) out.people.push(row);
  });
  check('accounts', batch.accounts, (v) => {
    const network = v.oneOf('network', NETWORKS);
    const externalId = v.str('externalId', LIMITS.maxShortText);
    v.key = netKey(network, externalId);
    const row: AccountRow = {
      network,
      externalId,
      personExternalId: v.str('personExternalId', LIMITS.maxShortText),
      handle: v.str('handle', LIMITS.maxShortText),
      followers: v.optCount('followersCount'),
      following: v.optCount('followingCount'),
      createdAt: v.optTime('createdAt') ?? now,
    };
    if (v.clean) out.accounts.push(row);
  });
  check('content', batch.content, (v) => {
    const network = v.oneOf('network', NETWORKS);
    const externalId = v.str('externalId', LIMITS.maxShortText);
    v.key = netKey(network, externalId);
    const topicIds: string[] = [];
    const rawTopics = v.value('topics');
    if (rawTopics != null) {
      if (!Array.isArray(rawTopics)) v.fail('topics', 'must be a list of topic slugs or ids');
      else if (rawTopics.length > LIMITS.maxTopicsPerContent) v.fail('topics', `at most ${LIMITS.maxTopicsPerContent} topics`);
      else
        rawTopics.forEach((t, j) => {
          const id = typeof t === 'string' ? topics.get(t) : undefined;
          if (id === undefined) v.fail(`topics[${j}]`, `unknown topic ${JSON.stringify(t).slice(0, 80)}`);
          else if (!topicIds.includes(id)) topicIds.push(id);
        });
    }
    const row: ContentRow = {
      network,
      externalId,
      kind: v.oneOf('kind', CONTENT_KINDS),
      author: v.str('authorExternalId', LIMITS.maxShortText),
      text: v.optStr('text', LIMITS.maxContentText) ?? '',
      url: v.optUrl('url'),
      topicIds,
      postedAt: v.time('postedAt'),
      campaignCode: v.optStr('campaignCode', 64),
      parent: v.optStr('parentExternalId', LIMITS.maxShortText),
    };
    if (row.parent === externalId) v.fail('parentExternalId', 'content cannot answer itself');
    if (v.clean) out.content.push(row);
  });
  check('interactions', batch.interactions, (v) => {
    const network = v.oneOf('network', NETWORKS);
    const externalId = v.str('externalId', LIMITS.maxShortText);
    v.key = netKey(network, externalId);
    const kind = v.oneOf('kind', INTERACTION_KINDS);
    const row: InteractionRow = {
      network,
      externalId,
      kind,
      actor: v.str('actorExternalId', LIMITS.maxShortText),
      targetContent: v.optStr('targetContentExternalId', LIMITS.maxShortText),
      targetAccount: v.optStr('targetAccountExternalId', LIMITS.maxShortText),
      occurredAt: v.time('occurredAt'),
    };
    if (kind) {
      const onContent = CONTENT_INTERACTION_KINDS.has(kind as InteractionKind);
      if (onContent && !row.targetContent) v.fail('targetContentExternalId', `a ${kind} needs the content it acts on`);
      if (onContent && row.targetAccount) v.fail('targetAccountExternalId', `a ${kind} acts on content; give targetContentExternalId only`);
      if (!onContent && !row.targetAccount) v.fail('targetAccountExternalId', `a ${kind} needs the account it acts on`);
      if (!onContent && row.targetContent) v.fail('targetContentExternalId', `a ${kind} acts on an account; give targetAccountExternalId only`);
    }
    if (v.clean) out.interactions.push(row);
  });
  return out;
}

/** Reads one item's fields, recording a FieldError for each bad one. */
class Validator {
  key: string | undefined;
  private failed = false;
  readonly ok: boolean;
  private readonly item: Record<string, unknown>;

  constructor(private readonly path: string, item: unknown, private readonly errors: FieldError[], private readonly now: number) {
    this.ok = item !== null && typeof item === 'object' && !Array.isArray(item);
    this.item = (this.ok ? item : {}) as Record<string, unknown>;
    if (!this.ok) this.fail('', 'must be an object');
  }

  get clean(): boolean {
    return !this.failed;
  }

  fail(field: string, message: string): void {
    this.failed = true;
    this.errors.push({ field: field ? this.path + field : this.path.replace(/\.$/, ''), message });
  }

  value(field: string): unknown {
    return this.item[field];
  }

  str(field: string, max: number): string {
    const v = this.item[field];
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(field, v == null ? 'is required' : 'must be a non-empty string');
      return '';
    }
    if (v.length > max) {
      this.fail(field, `is ${v.length} characters long; at most ${max}`);
      return '';
    }
    return v;
  }

  optStr(field: string, max: number): string | null {
    const v = this.item[field];
    if (v == null || v === '') return null;
    return this.str(field, max) || null;
  }

  optUrl(field: string): string | null {
    const v = this.optStr(field, LIMITS.maxUrl);
    if (v !== null && !/^https?:\/\/\S+$/i.test(v)) {
      this.fail(field, 'must be an http(s) URL');
      return null;
    }
    return v;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const v = this.item[field];
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.fail(field, v == null ? 'is required' : `must be one of ${allowed.join(', ')}; got ${JSON.stringify(v).slice(0, 40)}`);
      return '' as T;
    }
    return v as T;
  }

  optCount(field: string): number {
    const v = this.item[field];
    if (v == null || v === '') return 0;
    const n = typeof v === 'string' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 2_000_000_000) {
      this.fail(field, 'must be a whole number from 0 to 2,000,000,000');
      return 0;
    }
    return n;
  }

  time(field: string): number {
    const v = this.item[field];
    if (v == null || v === '') {
      this.fail(field, 'is required');
      return 0;
    }
    return this.parseTime(field, v as Instant);
  }

  optTime(field: string): number | null {
    const v = this.item[field];
    return v == null || v === '' ? null : this.parseTime(field, v as Instant);
  }

  private parseTime(field: string, v: Instant): number {
    let ms: number;
    if (v instanceof Date) ms = v.getTime();
    else if (typeof v === 'number') ms = v;
    else if (typeof v === 'string' && /^\d+$/.test(v)) ms = Number(v);
    else if (typeof v === 'string' && /^\d{4}-\d\d-\d\d/.test(v)) ms = Date.parse(v);
    else ms = NaN;
    if (!Number.isFinite(ms) || !Number.isInteger(ms)) {
      this.fail(field, 'must be an ISO 8601 date-time or epoch milliseconds');
      return 0;
    }
    if (ms < MIN_TIME || ms > this.now + MAX_FUTURE_MS) {
      this.fail(field, 'must be between 1990-01-01 and tomorrow');
      return 0;
    }
    return ms;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing: multi-row statements, chunked under the driver's bind-parameter limit.

class BatchWriter {
  readonly errors: FieldError[] = [];
  /** Ids this batch looked up or wrote; the cache takes them once the batch commits. */
  readonly learned: KnownRefs = { people: new Map(), accounts: new Map(), content: new Map() };

  constructor(private readonly db: Database, private readonly runner: QueryRunner, private readonly prefix: string, private readonly cache?: IngestRefCache) {}

  async people(rows: PersonRow[]): Promise<SectionResult> {
    if (!rows.length) return emptyResult(0);
    const existing = await this.personIds(rows.map((r) => r.externalId));
    const affected = await this.upsert(
      'person',
      ['external_id', 'display_name', 'region', 'language', 'created_at'],
      rows.map((r) => [r.externalId, r.displayName, r.region, r.language, r.createdAt]),
      ['external_id'],
      ['display_name', 'region', 'language'],
    );
    return countResult(rows.length, rows.length - existing.size, affected);
  }

  async accounts(rows: AccountRow[]): Promise<SectionResult> {
    if (!rows.length) return emptyResult(0);
    const personIds = await this.personIds(rows.map((r) => r.personExternalId));
    const existing = await this.accountRefs(rows.map((r) => [r.network, r.externalId]));
    const values: unknown[][] = [];
    rows.forEach((r, i) => {
      const personId = personIds.get(r.personExternalId);
      if (personId === undefined) return this.fail('accounts', i, 'personExternalId', `no person with externalId ${JSON.stringify(r.personExternalId)}`);
      const known = existing.get(netKey(r.network, r.externalId));
      if (known && known.personId !== personId) return this.fail('accounts', i, 'personExternalId', 'this account already belongs to another person');
      values.push([personId, r.network, r.externalId, r.handle, r.followers, r.following, r.createdAt]);
    });
    if (this.errors.length) return emptyResult(rows.length);
    const affected = await this.upsert(
      'network_account',
      ['person_id', 'network', 'external_id', 'handle', 'followers_count', 'following_count', 'created_at'],
      values,
      ['network', 'external_id'],
      ['handle', 'followers_count', 'following_count'],
    );
    return countResult(rows.length, rows.length - existing.size, affected);
  }

  async content(rows: ContentRow[]): Promise<SectionResult> {
    if (!rows.length) return emptyResult(0);
    const authors = await this.accountRefs(rows.map((r) => [r.network, r.author]));
    const known = await this.contentRefs(rows.flatMap((r) => (r.parent ? [[r.network, r.externalId], [r.network, r.parent]] : [[r.network, r.externalId]])));
    const inBatch = new Set(rows.map((r) => netKey(r.network, r.externalId)));
    rows.forEach((r, i) => {
      if (!authors.has(netKey(r.network, r.author))) this.fail('content', i, 'authorExternalId', `no ${r.network} account with externalId ${JSON.stringify(r.author)}`);
      if (r.parent && !known.has(netKey(r.network, r.parent)) && !inBatch.has(netKey(r.network, r.parent)))
        this.fail('content', i, 'parentExternalId', `no ${r.network} content with externalId ${JSON.stringify(r.parent)}`);
    });
    if (this.errors.length) return emptyResult(rows.length);

    // Content answering content of the same batch is written after its parent, wave by wave.
    let pending = rows.filter((r) => !known.has(netKey(r.network, r.externalId)));
    let created = 0;
    while (pending.length) {
      const ready = pending.filter((r) => !r.parent || known.has(netKey(r.network, r.parent)));
      if (!ready.length) {
        rows.forEach((r, i) => pending.includes(r) && this.fail('content', i, 'parentExternalId', 'content and its parent answer each other'));
        return emptyResult(rows.length);
      }
      created += await this.upsert(
        'content',
        ['network', 'external_id', 'kind', 'author_account_id', 'author_person_id', 'parent_content_id', 'text', 'url', 'posted_at', 'campaign_code'],
        ready.map((r) => {
          const author = authors.get(netKey(r.network, r.author))!;
          const parentId = r.parent ? known.get(netKey(r.network, r.parent))!.id : null;
          return [r.network, r.externalId, r.kind, author.id, author.personId, parentId, r.text, r.url, r.postedAt, r.campaignCode];
        }),
        ['network', 'external_id'],
      );
      const written = await this.contentRefs(ready.map((r) => [r.network, r.externalId]));
      for (const [k, v] of written) known.set(k, v);
      const topicRows = ready.flatMap((r) => r.topicIds.map((t) => [known.get(netKey(r.network, r.externalId))!.id, t]));
      if (topicRows.length) await this.upsert('content_topic', ['content_id', 'topic_id'], topicRows, ['content_id', 'topic_id']);
      const readySet = new Set(ready);
      pending = pending.filter((r) => !readySet.has(r));
    }
    return { received: rows.length, created, updated: 0, unchanged: rows.length - created };
  }

  async interactions(rows: InteractionRow[]): Promise<SectionResult> {
    if (!rows.length) return emptyResult(0);
    const accountKeys: [string, string][] = [];
    const contentKeys: [string, string][] = [];
    for (const r of rows) {
      accountKeys.push([r.network, r.actor]);
      if (r.targetAccount) accountKeys.push([r.network, r.targetAccount]);
      if (r.targetContent) contentKeys.push([r.network, r.targetContent]);
    }
    const accounts = await this.accountRefs(accountKeys);
    const contents = await this.contentRefs(contentKeys);
    const values: unknown[][] = [];
    rows.forEach((r, i) => {
      const actor = accounts.get(netKey(r.network, r.actor));
      if (!actor) return this.fail('interactions', i, 'actorExternalId', `no ${r.network} account with externalId ${JSON.stringify(r.actor)}`);
      let contentId: number | null = null;
      let targetAccountId: number;
      if (r.targetContent) {
        const c = contents.get(netKey(r.network, r.targetContent));
        if (!c) return this.fail('interactions', i, 'targetContentExternalId', `no ${r.network} content with externalId ${JSON.stringify(r.targetContent)}`);
        contentId = c.id;
        targetAccountId = c.authorAccountId;
      } else {
        const t = accounts.get(netKey(r.network, r.targetAccount!));
        if (!t) return this.fail('interactions', i, 'targetAccountExternalId', `no ${r.network} account with externalId ${JSON.stringify(r.targetAccount)}`);
        targetAccountId = t.id;
      }
      values.push([r.network, r.externalId, r.kind, actor.id, contentId, targetAccountId, r.occurredAt]);
    });
    if (this.errors.length) return emptyResult(rows.length);
    const created = await this.upsert(
      'interaction',
      ['network', 'external_id', 'kind', 'actor_account_id', 'target_content_id', 'target_account_id', 'occurred_at'],
      values,
      ['network', 'external_id'],
    );
    return { received: rows.length, created, updated: 0, unchanged: rows.length - created };
  }

  private fail(section: IngestSection, index: number, field: string, message: string): void {
    this.errors.push({ field: `${this.prefix}${section}[${index}].${field}`, message });
  }

  /** Person external id → id, for every one that exists. */
  private async personIds(externalIds: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const misses: string[] = [];
    for (const externalId of externalIds) {
      const id = this.cache?.people.get(externalId) ?? this.learned.people.get(externalId);
      if (id !== undefined) out.set(externalId, id);
      else misses.push(externalId);
    }
    if (!misses.length) return out;
    for (const r of await this.selectIn<{ id: number; external_id: string }>('SELECT id, external_id FROM person WHERE external_id IN', unique(misses))) {
      out.set(r.external_id, Number(r.id));
      this.learned.people.set(r.external_id, Number(r.id));
    }
    return out;
  }

  /** (network, external id) → account id and owner, for every key that exists. */
  private async accountRefs(keys: [string, string][]): Promise<Map<string, AccountRef>> {
    return this.refs(keys, this.cache?.accounts, this.learned.accounts, async (misses) =>
      (await this.selectByNetworkKeys<{ id: number; person_id: number; network: string; external_id: string }>('SELECT id, person_id, network, external_id FROM network_account', misses)).map(
        (r) => [netKey(r.network, r.external_id), { id: Number(r.id), personId: Number(r.person_id) }],
      ),
    );
  }

  private async contentRefs(keys: [string, string][]): Promise<Map<string, ContentRef>> {
    return this.refs(keys, this.cache?.content, this.learned.content, async (misses) =>
      (await this.selectByNetworkKeys<{ id: number; author_account_id: number; network: string; external_id: string }>('SELECT id, author_account_id, network, external_id FROM content', misses)).map(
        (r) => [netKey(r.network, r.external_id), { id: Number(r.id), authorAccountId: Number(r.author_account_id) }],
      ),
    );
  }

  /** Resolves keys from the cross-batch cache, then this batch's own finds, then the database. */
  private async refs<R>(keys: [string, string][], cached: Map<string, R> | undefined, learned: Map<string, R>, select: (misses: [string, string][]) => Promise<[string, R][]>): Promise<Map<string, R>> {
    const out = new Map<string, R>();
    const misses: [string, string][] = [];
    for (const key of keys) {
      const k = netKey(key[0], key[1]);
      const ref = cached?.get(k) ?? learned.get(k);
      if (ref !== undefined) out.set(k, ref);
      else misses.push(key);
    }
    if (!misses.length) return out;
    for (const [k, ref] of await select(misses)) {
      out.set(k, ref);
      learned.set(k, ref);
    }
    return out;
  }

  /** Rows whose (network, external_id) is among keys: one IN list per network, chunked. */
  private async selectByNetworkKeys<T>(select: string, keys: [string, string][]): Promise<T[]> {
    const byNetwork = new Map<string, Set<string>>();
    for (const [network, id] of keys) {
      let set = byNetwork.get(network);
      if (!set) byNetwork.set(network, (set = new Set()));
      set.add(id);
    }
    const out: T[] = [];
    for (const [network, ids] of byNetwork) {
      const list = [...ids];
      for (let at = 0; at < list.length; at += 5000) {
        const chunk = list.slice(at, at + 5000);
        const marks = chunk.map((_, i) => this.db.placeholder(i + 1)).join(',');
        out.push(...(await this.runner.query(`${select} WHERE network = ${this.db.placeholder(0)} AND external_id IN (${marks})`, [network, ...chunk])));
      }
    }
    return out;
  }

  private async selectIn<T>(selectWhere: string, values: string[]): Promise<T[]> {
    const out: T[] = [];
    for (let at = 0; at < values.length; at += 5000) {
      const chunk = values.slice(at, at + 5000);
      out.push(...(await this.runner.query(`${selectWhere} (${chunk.map((_, i) => this.db.placeholder(i)).join(',')})`, chunk)));
    }
    return out;
  }

  /**
   * INSERT ... ON CONFLICT: DO NOTHING, or when `update` names columns, update those that
   * differ. Returns the number of rows inserted or changed.
   */
  private async upsert(table: string, columns: string[], rows: unknown[][], conflict: string[], update?: string[]): Promise<number> {
    const perStatement = Math.max(1, Math.floor(this.db.maxParameters / columns.length));
    const onConflict = update?.length
      ? `DO UPDATE SET ${update.map((c) => `${c} = excluded.${c}`).join(', ')} WHERE ${update.map((c) => `${table}.${c} IS DISTINCT FROM excluded.${c}`).join(' OR ')}`
      : 'DO NOTHING';
    let affected = 0;
    for (let at = 0; at < rows.length; at += perStatement) {
      const chunk = rows.slice(at, at + perStatement);
      const params: unknown[] = [];
      const tuples = chunk.map((row) => {
        const marks = row.map((v) => {
          params.push(v);
          return this.db.placeholder(params.length - 1);
        });
        return `(${marks.join(',')})`;
      });
      // The statement must start with "INSERT " so TypeORM's SQLite runner reports changes.
      const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(',')} ON CONFLICT (${conflict.join(', ')}) ${onConflict}`;
      const result = await this.runner.query(sql, params, true);
      affected += result.affected ?? 0;
    }
    return affected;
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function emptyResult(received: number): SectionResult {
  return { received, created: 0, updated: 0, unchanged: received };
}

function countResult(received: number, created: number, affected: number): SectionResult {
  const updated = Math.max(0, affected - created);
  return { received, created, updated, unchanged: received - created - updated };
}
