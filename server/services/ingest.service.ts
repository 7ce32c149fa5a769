import type { EntityManager, QueryRunner } from 'typeorm';
import { CONTENT_INTERACTION_KINDS, CONTENT_KINDS, INTERACTION_KINDS, type InteractionKind } from '#shared/interactions';
import { LIMITS } from '#shared/limits';
import { NETWORKS } from '#shared/networks';
import type { Database } from '../db/database';
import { textHash } from '../scoring';
import { authorize } from './auth/access';
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
interface ContentRef { id: number; authorAccountId: number; authorPersonId: number }

/** Values keyed by (network, external id), nested so a lookup builds no composite key. */
class NetworkMap<V> {
  private readonly byNetwork = new Map<string, Map<string, V>>();
  size = 0;

  get(network: string, externalId: string): V | undefined {
    return this.byNetwork.get(network)?.get(externalId);
  }

  set(network: string, externalId: string, value: V): void {
    let inNetwork = this.byNetwork.get(network);
    if (!inNetwork) this.byNetwork.set(network, (inNetwork = new Map()));
    if (!inNetwork.has(externalId)) this.size++;
    inNetwork.set(externalId, value);
  }

  forEach(fn: (value: V, network: string, externalId: string) => void): void {
    this.byNetwork.forEach((inNetwork, network) => inNetwork.forEach((value, externalId) => fn(value, network, externalId)));
  }

  clear(): void {
    this.byNetwork.clear();
    this.size = 0;
  }
}

/** Database ids by external key. */
interface KnownRefs {
  people: Map<string, number>;
  accounts: NetworkMap<AccountRef>;
  content: NetworkMap<ContentRef>;
}

/**
 * Ids of accounts and content that committed batches resolved, kept by a caller that sends many
 * batches (the bulk importer) so later batches skip their lookups: every content row names an
 * account, every interaction one or two accounts and often content. (People are named only by
 * their accounts, usually in the same batch, so they are not worth the memory.) A batch's ids
 * are added only after it commits, so a rolled-back batch never leaves ids behind. Rows are not
 * deleted during an import; if one were, its stale id would fail a foreign key, not corrupt data.
 */
export class IngestRefCache {
  readonly accounts = new NetworkMap<AccountRef>();
  readonly content = new NetworkMap<ContentRef>();

  /**
   * Bounds memory (an entry costs about 90 bytes, and V8 lets the heap grow to a few times what
   * is live): when full the cache starts over, which costs lookups, never correctness.
   */
  constructor(private readonly maxEntries = 600_000) {}

  get size(): number {
    return this.accounts.size + this.content.size;
  }

  add(refs: KnownRefs): void {
    if (this.size + refs.accounts.size + refs.content.size > this.maxEntries) {
      this.accounts.clear();
      this.content.clear();
    }
    refs.accounts.forEach((v, network, externalId) => this.accounts.set(network, externalId, v));
    refs.content.forEach((v, network, externalId) => this.content.set(network, externalId, v));
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

  /**
   * @param onPeopleChanged told, after each commit, which people's data the batch changed
   *   (their scores go stale). A section that created or changed nothing touches nobody, so a
   *   re-sent batch invalidates nothing.
   */
  constructor(private readonly onPeopleChanged?: (personIds: number[]) => Promise<void>) {}

  async ingest(ctx: RequestContext, batch: IngestBatch, options: IngestOptions = {}): Promise<IngestResult> {
    authorize(ctx, 'ingest');
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
    if (writer?.touchedPeople.size && this.onPeopleChanged) await this.onPeopleChanged([...writer.touchedPeople]);
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
    // Keyed by (network, external id); people have no network.
    const seen = new NetworkMap<true>();
    items.forEach((item, i) => {
      const v = new Validator(`${prefix}${section}`, i, item, errors, now);
      if (v.ok) each(v, i);
      const key = v.key;
      if (key !== undefined) {
        if (seen.get(v.keyNetwork, key)) v.fail('externalId', 'appears twice in this batch');
        seen.set(v.keyNetwork, key, true);
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
    v.keyNetwork = network;
    v.key = externalId;
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
    v.keyNetwork = network;
    v.key = externalId;
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
    v.keyNetwork = network;
    v.key = externalId;
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
  /** The item's identity, for spotting repeats: (keyNetwork, key). */
  key: string | undefined;
  keyNetwork = '';
  private failed = false;
  readonly ok: boolean;
  private readonly item: Record<string, unknown>;

  /** The item is list[index]; its path is only spelt out when a field fails. */
  constructor(private readonly list: string, private readonly index: number, item: unknown, private readonly errors: FieldError[], private readonly now: number) {
    this.ok = item !== null && typeof item === 'object' && !Array.isArray(item);
    this.item = (this.ok ? item : {}) as Record<string, unknown>;
    if (!this.ok) this.fail('', 'must be an object');
  }

  get clean(): boolean {
    return !this.failed;
  }

  fail(field: string, message: string): void {
    this.failed = true;
    const path = `${this.list}[${this.index}]`;
    this.errors.push({ field: field ? `${path}.${field}` : path, message });
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

/** (network, external id) keys still to look up, grouped by network for IN lists. */
class Misses {
  readonly byNetwork = new Map<string, Set<string>>();

  add(network: string, externalId: string): void {
    let ids = this.byNetwork.get(network);
    if (!ids) this.byNetwork.set(network, (ids = new Set()));
    ids.add(externalId);
  }
}

/** Most keys in one IN list. */
const MAX_IN_LIST = 5000;

/** Text of recent multi-row statements: with batches of one size, the same few recur. */
const statementTexts = new Map<string, string>();
const MAX_STATEMENT_TEXTS = 32;
/**
 * About how much JSON text one SQLite insert statement carries: enough that a 20,000-row batch
 * of interactions takes one or two statements (each costs round trips between the main thread
 * and the driver's worker), little enough that a batch of long blog posts is split.
 */
const JSON_CHUNK_CHARS = 1_000_000;

class BatchWriter {
  readonly errors: FieldError[] = [];
  /** People whose data this batch created or changed. */
  readonly touchedPeople = new Set<number>();
  /** Ids this batch looked up; the cache takes them once the batch commits. */
  readonly learned: KnownRefs = { people: new Map(), accounts: new NetworkMap(), content: new NetworkMap() };

  constructor(private readonly db: Database, private readonly runner: QueryRunner, private readonly prefix: string, private readonly cache?: IngestRefCache) {}

  async people(rows: PersonRow[]): Promise<SectionResult> {
    if (!rows.length) return emptyResult(0);
    await this.resolvePeople(rows.map((r) => r.externalId));
    let existing = 0;
    const values: unknown[][] = [];
    for (const r of rows) {
      if (this.personId(r.externalId) !== undefined) existing++;
      values.push([r.externalId, r.displayName, r.region, r.language, r.createdAt]);
    }
    const affected = await this.upsert('person', ['external_id', 'display_name', 'region', 'language', 'created_at'], values, ['external_id'], ['display_name', 'region', 'language']);
    return countResult(rows.length, rows.length - existing, affected);
  }

  async accounts(rows: AccountRow[]): Promise<SectionResult> {
    if (!rows.length) return emptyResult(0);
    await this.resolvePeople(rows.map((r) => r.personExternalId));
    const misses = new Misses();
    for (const r of rows) if (!this.account(r.network, r.externalId)) misses.add(r.network, r.externalId);
    await this.resolveAccounts(misses);
    let existing = 0;
    const values: unknown[][] = [];
    rows.forEach((r, i) => {
      const personId = this.personId(r.personExternalId);
      if (personId === undefined) return this.fail('accounts', i, 'personExternalId', `no person with externalId ${JSON.stringify(r.personExternalId)}`);
      const known = this.account(r.network, r.externalId);
      if (known) existing++;
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
    // Follower counts enter reach: owners of new or changed accounts are touched.
    if (affected) for (const r of rows) this.touchedPeople.add(this.personId(r.personExternalId)!);
    return countResult(rows.length, rows.length - existing, affected);
  }

  async content(rows: ContentRow[]): Promise<SectionResult> {
    if (!rows.length) return emptyResult(0);
    const accountMisses = new Misses();
    const contentMisses = new Misses();
    for (const r of rows) {
      if (!this.account(r.network, r.author)) accountMisses.add(r.network, r.author);
      if (!this.contentRef(r.network, r.externalId)) contentMisses.add(r.network, r.externalId);
      if (r.parent && !this.contentRef(r.network, r.parent)) contentMisses.add(r.network, r.parent);
    }
    await this.resolveAccounts(accountMisses);
    await this.resolveContent(contentMisses);
    const inBatch = new NetworkMap<true>();
    for (const r of rows) inBatch.set(r.network, r.externalId, true);
    rows.forEach((r, i) => {
      if (!this.account(r.network, r.author)) this.fail('content', i, 'authorExternalId', `no ${r.network} account with externalId ${JSON.stringify(r.author)}`);
      if (r.parent && !this.contentRef(r.network, r.parent) && !inBatch.get(r.network, r.parent))
        this.fail('content', i, 'parentExternalId', `no ${r.network} content with externalId ${JSON.stringify(r.parent)}`);
    });
    if (this.errors.length) return emptyResult(rows.length);

    // Content answering content of the same batch is written after its parent, wave by wave.
    let pending = rows.filter((r) => !this.contentRef(r.network, r.externalId));
    let created = 0;
    while (pending.length) {
      const ready = pending.filter((r) => !r.parent || this.contentRef(r.network, r.parent));
      if (!ready.length) {
        rows.forEach((r, i) => pending.includes(r) && this.fail('content', i, 'parentExternalId', 'content and its parent answer each other'));
        return emptyResult(rows.length);
      }
      const values = ready.map((r) => {
        const author = this.account(r.network, r.author)!;
        this.touchedPeople.add(author.personId);
        const parentId = r.parent ? this.contentRef(r.network, r.parent)!.id : null;
        return [r.network, r.externalId, r.kind, author.id, author.personId, parentId, r.text, textHash(r.text) || null, r.url, r.postedAt, r.campaignCode];
      });
      created += await this.upsert(
        'content',
        ['network', 'external_id', 'kind', 'author_account_id', 'author_person_id', 'parent_content_id', 'text', 'text_hash', 'url', 'posted_at', 'campaign_code'],
        values,
        ['network', 'external_id'],
      );
      const written = new Misses();
      for (const r of ready) written.add(r.network, r.externalId);
      await this.resolveContent(written);
      const topicRows: unknown[][] = [];
      for (const r of ready) {
        if (!r.topicIds.length) continue;
        const contentId = this.contentRef(r.network, r.externalId)!.id;
        for (const t of r.topicIds) topicRows.push([contentId, t]);
      }
      if (topicRows.length) await this.upsert('content_topic', ['content_id', 'topic_id'], topicRows, ['content_id', 'topic_id']);
      const readySet = new Set(ready);
      pending = pending.filter((r) => !readySet.has(r));
    }
    return { received: rows.length, created, updated: 0, unchanged: rows.length - created };
  }

  async interactions(rows: InteractionRow[]): Promise<SectionResult> {
    if (!rows.length) return emptyResult(0);
    const accountMisses = new Misses();
    const contentMisses = new Misses();
    for (const r of rows) {
      if (!this.account(r.network, r.actor)) accountMisses.add(r.network, r.actor);
      if (r.targetAccount && !this.account(r.network, r.targetAccount)) accountMisses.add(r.network, r.targetAccount);
      if (r.targetContent && !this.contentRef(r.network, r.targetContent)) contentMisses.add(r.network, r.targetContent);
    }
    await this.resolveAccounts(accountMisses);
    await this.resolveContent(contentMisses);
    const values: unknown[][] = [];
    const involved = new Set<number>();
    rows.forEach((r, i) => {
      const actor = this.account(r.network, r.actor);
      if (!actor) return this.fail('interactions', i, 'actorExternalId', `no ${r.network} account with externalId ${JSON.stringify(r.actor)}`);
      let contentId: number | null = null;
      let targetAccountId: number;
      if (r.targetContent) {
        const c = this.contentRef(r.network, r.targetContent);
        if (!c) return this.fail('interactions', i, 'targetContentExternalId', `no ${r.network} content with externalId ${JSON.stringify(r.targetContent)}`);
        contentId = c.id;
        targetAccountId = c.authorAccountId;
        involved.add(c.authorPersonId);
      } else {
        const t = this.account(r.network, r.targetAccount!);
        if (!t) return this.fail('interactions', i, 'targetAccountExternalId', `no ${r.network} account with externalId ${JSON.stringify(r.targetAccount)}`);
        targetAccountId = t.id;
        involved.add(t.personId);
      }
      involved.add(actor.personId);
      values.push([r.network, r.externalId, r.kind, actor.id, contentId, targetAccountId, r.occurredAt]);
    });
    if (this.errors.length) return emptyResult(rows.length);
    const created = await this.upsert(
      'interaction',
      ['network', 'external_id', 'kind', 'actor_account_id', 'target_content_id', 'target_account_id', 'occurred_at'],
      values,
      ['network', 'external_id'],
    );
    // Both ends of an interaction change: the target's reach and the actor's conversation and selectivity.
    if (created) for (const id of involved) this.touchedPeople.add(id);
    return { received: rows.length, created, updated: 0, unchanged: rows.length - created };
  }

  private fail(section: IngestSection, index: number, field: string, message: string): void {
    this.errors.push({ field: `${this.prefix}${section}[${index}].${field}`, message });
  }

  // Known ids: what this batch looked up, else, for accounts and content, what committed batches left in the cache.
  private personId(externalId: string): number | undefined {
    return this.learned.people.get(externalId);
  }

  private account(network: string, externalId: string): AccountRef | undefined {
    return this.learned.accounts.get(network, externalId) ?? this.cache?.accounts.get(network, externalId);
  }

  private contentRef(network: string, externalId: string): ContentRef | undefined {
    return this.learned.content.get(network, externalId) ?? this.cache?.content.get(network, externalId);
  }

  /** Looks up the people not known yet; those that exist become known. */
  private async resolvePeople(externalIds: string[]): Promise<void> {
    const misses = unique(externalIds.filter((id) => this.personId(id) === undefined));
    for (let at = 0; at < misses.length; at += MAX_IN_LIST) {
      const chunk = misses.slice(at, at + MAX_IN_LIST);
      const found: { id: number; external_id: string }[] = await this.runner.query(
        `SELECT id, external_id FROM person WHERE external_id IN (${chunk.map((_, i) => this.db.placeholder(i)).join(',')})`,
        chunk,
      );
      for (const r of found) this.learned.people.set(r.external_id, Number(r.id));
    }
  }

  private async resolveAccounts(misses: Misses): Promise<void> {
    await this.selectByNetworkKeys<{ id: number; person_id: number; network: string; external_id: string }>('SELECT id, person_id, network, external_id FROM network_account', misses, (r) =>
      this.learned.accounts.set(r.network, r.external_id, { id: Number(r.id), personId: Number(r.person_id) }),
    );
  }

  private async resolveContent(misses: Misses): Promise<void> {
    await this.selectByNetworkKeys<{ id: number; author_account_id: number; author_person_id: number; network: string; external_id: string }>('SELECT id, author_account_id, author_person_id, network, external_id FROM content', misses, (r) =>
      this.learned.content.set(r.network, r.external_id, { id: Number(r.id), authorAccountId: Number(r.author_account_id), authorPersonId: Number(r.author_person_id) }),
    );
  }

  /** Rows whose (network, external_id) is among the keys: one IN list per network, chunked. */
  private async selectByNetworkKeys<T>(select: string, keys: Misses, each: (row: T) => void): Promise<void> {
    for (const [network, ids] of keys.byNetwork) {
      const list = [...ids];
      for (let at = 0; at < list.length; at += MAX_IN_LIST) {
        const chunk = list.slice(at, at + MAX_IN_LIST);
        const marks = chunk.map((_, i) => this.db.placeholder(i + 1)).join(',');
        const rows: T[] = await this.runner.query(`${select} WHERE network = ${this.db.placeholder(0)} AND external_id IN (${marks})`, [network, ...chunk]);
        rows.forEach(each);
      }
    }
  }

  /**
   * INSERT ... ON CONFLICT: DO NOTHING, or when `update` names columns, update those that
   * differ. Returns the number of rows inserted or changed.
   */
  private async upsert(table: string, columns: string[], rows: unknown[][], conflict: string[], update?: string[]): Promise<number> {
    return this.db.dialect === 'sqlite' ? this.upsertFromJson(table, columns, rows, conflict, update) : this.upsertValues(table, columns, rows, conflict, update);
  }

  /**
   * SQLite reads the rows from one JSON parameter (json_each) instead of a VALUES list of
   * thousands of bound parameters: preparing such a statement costs more than running it, and
   * binding costs the main thread about a microsecond per value. Statements are cut at about
   * JSON_CHUNK_CHARS of text since content text may be long. SQLite's JSON functions cut a
   * string at NUL and keep a lone surrogate as invalid UTF-8, where binding gives U+FFFD; the
   * rare chunk holding either goes through VALUES, so what is stored never depends on the path.
   */
  private async upsertFromJson(table: string, columns: string[], rows: unknown[][], conflict: string[], update?: string[]): Promise<number> {
    const sql = this.statementText(`json|${table}|${columns}|${conflict}|${update ?? ''}`, () => {
      const cells = columns.map((_, i) => `value ->> ${i}`).join(', ');
      // "WHERE true" tells SQLite's parser that ON starts the upsert clause, not a join.
      return `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${cells} FROM json_each(?) WHERE true ORDER BY key ${this.onConflict(table, conflict, update)}`;
    });
    let affected = 0;
    for (let at = 0; at < rows.length; ) {
      let end = at;
      for (let chars = 0; end < rows.length && chars < JSON_CHUNK_CHARS; end++) {
        const row = rows[end];
        for (let c = 0; c < row.length; c++) chars += typeof row[c] === 'string' ? (row[c] as string).length + 3 : 16;
      }
      const chunk = at === 0 && end === rows.length ? rows : rows.slice(at, end);
      const json = JSON.stringify(chunk);
      affected += /\\u(0000|d[89a-f])/.test(json)
        ? await this.upsertValues(table, columns, chunk, conflict, update)
        : ((await this.runner.query(sql, [json], true)).affected ?? 0);
      at = end;
    }
    return affected;
  }

  /** A multi-row VALUES statement, chunked under the driver's bind-parameter limit. */
  private async upsertValues(table: string, columns: string[], rows: unknown[][], conflict: string[], update?: string[]): Promise<number> {
    const perStatement = Math.max(1, Math.floor(this.db.maxParameters / columns.length));
    let affected = 0;
    for (let at = 0; at < rows.length; at += perStatement) {
      const chunk = rows.slice(at, at + perStatement);
      const sql = this.statementText(`values|${this.db.dialect}|${table}|${columns}|${chunk.length}|${conflict}|${update ?? ''}`, () => {
        let p = 0;
        const tuple = () => `(${columns.map(() => this.db.placeholder(p++)).join(',')})`;
        return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(tuple).join(',')} ${this.onConflict(table, conflict, update)}`;
      });
      const result = await this.runner.query(sql, chunk.flat(), true);
      affected += result.affected ?? 0;
    }
    return affected;
  }

  private onConflict(table: string, conflict: string[], update?: string[]): string {
    const action = update?.length
      ? `DO UPDATE SET ${update.map((c) => `${c} = excluded.${c}`).join(', ')} WHERE ${update.map((c) => `${table}.${c} IS DISTINCT FROM excluded.${c}`).join(' OR ')}`
      : 'DO NOTHING';
    return `ON CONFLICT (${conflict.join(', ')}) ${action}`;
  }

  /**
   * Statement texts recur batch after batch: each is built once. Every one starts with
   * "INSERT " so that TypeORM's SQLite runner reports the number of rows changed.
   */
  private statementText(key: string, build: () => string): string {
    let sql = statementTexts.get(key);
    if (sql === undefined) {
      sql = build();
      if (statementTexts.size >= MAX_STATEMENT_TEXTS) statementTexts.delete(statementTexts.keys().next().value!);
      statementTexts.set(key, sql);
    }
    return sql;
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
