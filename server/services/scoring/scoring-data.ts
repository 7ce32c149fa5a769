import type { DataSource } from 'typeorm';
import { withoutOptedOut } from '../privacy/opt-out';
import { INTERACTION_KINDS, type ContentKind } from '#shared/interactions';
import type { Network } from '#shared/networks';
import {
  allocateInteractionColumns,
  UNKNOWN_KIND,
  type ExpertiseSnapshot,
  type InteractionColumns,
  type KGrant,
  type ContentText,
  type ScoringAccount,
  type ScoringContent,
  type ScoringInput,
  type ScoringInteraction,
  type TopicEdge,
  type TopicExpertise,
} from '../../scoring';
import type { Database } from '../../db/database';

/**
 * Reads what the scoring engine needs, as the plain records it takes. Instants come back as
 * numbers on both databases (CAST to DOUBLE PRECISION: PostgreSQL returns BIGINT as text), and
 * aliases are quoted so PostgreSQL keeps their case.
 */
const ACCOUNT_COLUMNS = `id, person_id AS "personId", network, followers_count AS followers, following_count AS following`;
const CONTENT_COLUMNS = `id, author_account_id AS "authorAccountId", network, kind, CAST(posted_at AS DOUBLE PRECISION) AS "postedAt"`;
const INTERACTION_COLUMNS = `actor_account_id AS "actorAccountId", target_account_id AS "targetAccountId", target_content_id AS "targetContentId", kind, CAST(occurred_at AS DOUBLE PRECISION) AS "occurredAt"`;
const GRANT_COLUMNS = `giver_person_id AS "giverPersonId", receiver_person_id AS "receiverPersonId", topic_id AS "topicId", CAST(given_at AS DOUBLE PRECISION) AS "givenAt"`;

type Input = Pick<ScoringInput, 'accounts' | 'content' | 'interactions' | 'kGrants' | 'topicEdges'>;

/** A full rescore's input: everything as it stood at asOf, the interactions as columns. */
export interface Everything extends Input {
  accounts: ScoringAccount[];
  content: ScoringContent[];
  interactions: InteractionColumns;
  kGrants: KGrant[];
  topicEdges: TopicEdge[];
  /** Content id → its text's hash and parent, for the duplicate detector (content with neither is left out). */
  contentText: Map<number, ContentText>;
}

/**
 * Everything, as it stood at `asOf`: the full rescore's input. Tables are read in chunks of id
 * ranges spread over two reader connections (SQLite runs each connection's statements on a thread
 * of its own, so both cores read), and a chunk comes back as ONE value rather than a row each:
 * the driver's cost is per row and per value on the JavaScript thread (a million interaction rows
 * take it over 3 s; see `npm run bench:scoring`). Interactions come as one binary BLOB per chunk
 * on SQLite (fixed-width hex, turned to bytes by unhex()), decoded straight into typed columns;
 * everything else, and interactions on PostgreSQL, as one JSON array of rows per chunk.
 */
export async function readEverything(db: Database, asOf: number): Promise<Everything> {
  const plan = await planFullRead(db);
  const accounts: ScoringAccount[][] = [];
  const content: ScoringContent[][] = [];
  const topics: { contentId: number; topicId: string }[][] = [];
  // Text hashes were written at ingest: the duplicate detector needs no text.
  const contentText = new Map<number, ContentText>();
  // The interactions first: the longest part, so the small tables fill in the gaps at the end.
  const interactions = interactionTasks(db, plan, asOf);
  const tasks = [...interactions.tasks];
  chunked(plan.accounts, (lo, hi, n) =>
    tasks.push(async (reader) => {
      const rows = await readJsonRows(db, reader, 'network_account', ACCOUNT_FIELDS, 'id', lo, hi);
      accounts[n] = rows.map((r) => ({ id: r[0] as number, personId: r[1] as number, network: r[2] as Network, followers: r[3] as number, following: r[4] as number }));
    }),
  );
  chunked(plan.content, (lo, hi, n) =>
    tasks.push(async (reader) => {
      const rows = await readJsonRows(db, reader, 'content', CONTENT_FIELDS, 'id', lo, hi, `posted_at <= ${db.placeholder(2)}`, [asOf]);
      content[n] = rows.map((r) => ({ id: r[0] as number, authorAccountId: r[1] as number, network: r[2] as Network, kind: r[3] as ContentKind, postedAt: r[4] as number, topicIds: NO_TOPICS }));
      for (const r of rows) if (r[6] != null || r[5] != null) contentText.set(r[0] as number, { hash: Number(r[6] ?? 0), parentId: r[5] == null ? null : Number(r[5]) });
    }),
  );
  chunked(plan.content, (lo, hi, n) =>
    tasks.push(async (reader) => {
      const rows = await readJsonRows(db, reader, 'content_topic', ['content_id', 'topic_id'], 'content_id', lo, hi);
      topics[n] = rows.map((r) => ({ contentId: r[0] as number, topicId: r[1] as string }));
    }),
  );
  let kGrants: KGrant[] = [];
  let topicEdges: TopicEdge[] = [];
  tasks.push(async (reader) => {
    kGrants = (await reader.query(`SELECT ${GRANT_COLUMNS} FROM k_grant WHERE given_at <= ${db.placeholder(0)}`, [asOf])) as KGrant[];
  });
  tasks.push(async () => {
    topicEdges = await readTopicEdges(db);
  });
  await runOnBothReaders(db, tasks);

  const allContent = content.flat();
  attachTopics(allContent, topics.flat());
  // Privacy: people who opted out are neither scored nor counted toward anyone (server/services/privacy).
  return withoutOptedOut(db, { accounts: accounts.flat(), content: allContent, interactions: interactions.result(), kGrants, topicEdges, contentText });
}

/**
 * The interactions alone, as the full rescore reads them (same statements, both readers): the
 * fastest way we have to read them, which `npm run bench:scoring` prints as a floor.
 */
export async function readInteractionColumns(db: Database, asOf: number): Promise<InteractionColumns> {
  const interactions = interactionTasks(db, await planFullRead(db), asOf);
  await runOnBothReaders(db, interactions.tasks);
  return interactions.result();
}

type ReadTask = (reader: DataSource) => Promise<void>;

function interactionTasks(db: Database, plan: FullReadPlan, asOf: number): { tasks: ReadTask[]; result: () => InteractionColumns } {
  const blobs: (Buffer | null)[] = [];
  const rows: unknown[][][] = [];
  const tasks: ReadTask[] = [];
  chunked(plan.interactions, (lo, hi, n) =>
    tasks.push(async (reader) => {
      if (plan.binary) blobs[n] = await readInteractionBlob(reader, lo, hi, asOf);
      else rows[n] = await readJsonRows(db, reader, 'interaction', INTERACTION_FIELDS, 'id', lo, hi, `occurred_at <= ${db.placeholder(2)}`, [asOf]);
    }),
  );
  return { tasks, result: () => (plan.binary ? decodeInteractionBlobs(blobs) : interactionColumnsFromRows(rows.flat())) };
}

/** Two workers, one per reader connection (on PostgreSQL, two of the pool's), each taking the next task. */
async function runOnBothReaders(db: Database, tasks: readonly ReadTask[]): Promise<void> {
  let next = 0;
  const worker = async (reader: DataSource) => {
    while (next < tasks.length) await tasks[next++](reader);
  };
  await Promise.all([worker(db.reader), worker(db.reader)]);
}

const INTERACTION_CHUNK = 100_000;
const ROW_CHUNK = 50_000;
const NO_TOPICS: string[] = [];
const ACCOUNT_FIELDS = ['id', 'person_id', 'network', 'followers_count', 'following_count'];
const CONTENT_FIELDS = ['id', 'author_account_id', 'network', 'kind', 'posted_at', 'parent_content_id', 'text_hash'];
const INTERACTION_FIELDS = ['actor_account_id', 'target_account_id', 'target_content_id', 'kind', 'occurred_at'];
/** Largest id the binary interaction format holds (8 hex digits; all ones marks an id out of range). */
const MAX_PACKED_ID = 0xffff_fffe;

interface IdSpan {
  lo: number;
  hi: number;
}

/** Id ranges [lo, hi) that together cover a table. */
type Chunks = readonly (readonly [number, number])[];

interface FullReadPlan {
  accounts: Chunks;
  content: Chunks;
  interactions: Chunks;
  /** Interactions as binary chunks: SQLite with unhex() (3.41+), account and content ids under 2^32. */
  binary: boolean;
}

async function planFullRead(db: Database): Promise<FullReadPlan> {
  const [accounts, content, interactions] = await Promise.all([idSpan(db, 'network_account'), idSpan(db, 'content'), idSpan(db, 'interaction')]);
  let binary = false;
  if (db.dialect === 'sqlite') {
    const [{ version }] = (await db.reader.query('SELECT sqlite_version() AS version')) as { version: string }[];
    const [major, minor] = version.split('.').map(Number);
    const fits = (span: IdSpan | undefined, max: number) => !span || (span.lo >= 0 && span.hi <= max);
    binary = (major > 3 || (major === 3 && minor >= 41)) && fits(accounts, MAX_PACKED_ID) && fits(content, MAX_PACKED_ID - 1);
  }
  const [accountChunks, contentChunks, interactionChunks] = await Promise.all([
    chunksOf(db, 'network_account', accounts, ROW_CHUNK),
    chunksOf(db, 'content', content, ROW_CHUNK),
    chunksOf(db, 'interaction', interactions, INTERACTION_CHUNK),
  ]);
  return { accounts: accountChunks, content: contentChunks, interactions: interactionChunks, binary };
}

/** Smallest and largest id; two statements, so each is one index lookup. */
async function idSpan(db: Database, table: string): Promise<IdSpan | undefined> {
  const [[lo], [hi]] = (await Promise.all([db.reader.query(`SELECT min(id) AS v FROM ${table}`), db.reader.query(`SELECT max(id) AS v FROM ${table}`)])) as {
    v: number | string | null;
  }[][];
  return lo.v == null || hi.v == null ? undefined : { lo: Number(lo.v), hi: Number(hi.v) };
}

/** Ranges of ids `size` wide when few of them cover the span. */
const MAX_FIXED_CHUNKS = 1000;

/**
 * Id ranges holding about `size` rows each. Ids are dense as a rule, so ranges `size` ids wide
 * do; when they are sparse (ranges would be many and mostly empty), every size-th id is looked up
 * and ranges start there.
 */
async function chunksOf(db: Database, table: string, span: IdSpan | undefined, size: number): Promise<Chunks> {
  if (!span) return [];
  const chunks: [number, number][] = [];
  if ((span.hi - span.lo) / size < MAX_FIXED_CHUNKS) {
    for (let lo = span.lo; lo <= span.hi; lo += size) chunks.push([lo, lo + size]);
    return chunks;
  }
  const starts = ((await db.reader.query(
    `SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ${table}) AS numbered WHERE n % ${size} = 1 ORDER BY id`,
  )) as { id: number | string }[]).map((r) => Number(r.id));
  starts.forEach((lo, i) => chunks.push([lo, i + 1 < starts.length ? starts[i + 1] : span.hi + 1]));
  return chunks;
}

/** Calls each(lo, hi, n) for the n-th range [lo, hi). */
function chunked(chunks: Chunks, each: (lo: number, hi: number, n: number) => void): void {
  chunks.forEach(([lo, hi], n) => each(lo, hi, n));
}

/**
 * Rows [idColumn in lo..hi) of a table as arrays of the given columns, from ONE JSON value: SQLite
 * builds it with json_group_array and the driver hands over one string; PostgreSQL with json_agg,
 * parsed by the driver. `where` may use placeholders 2 onwards, bound to `params`.
 */
async function readJsonRows(
  db: Database,
  reader: DataSource,
  table: string,
  columns: string[],
  idColumn: string,
  lo: number,
  hi: number,
  where?: string,
  params: unknown[] = [],
): Promise<unknown[][]> {
  const agg = db.dialect === 'postgres' ? `json_agg(json_build_array(${columns.join(', ')}))` : `json_group_array(json_array(${columns.join(', ')}))`;
  const sql = `SELECT ${agg} AS rows FROM ${table} WHERE ${idColumn} >= ${db.placeholder(0)} AND ${idColumn} < ${db.placeholder(1)}${where ? ` AND ${where}` : ''}`;
  const [row] = (await reader.query(sql, [lo, hi, ...params])) as { rows: unknown }[];
  const value = row?.rows;
  if (value == null) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as unknown[][];
}

/** Bytes per interaction in the binary format: actor, target, content + 1 (0: none), kind, occurred_at. */
const PACKED_BYTES = 4 + 4 + 4 + 1 + 8;
const packedId = (column: string, max: number) => `CASE WHEN ${column} BETWEEN 0 AND ${max} THEN ${column} ELSE 4294967295 END`;
const KIND_CASE = `CASE kind ${INTERACTION_KINDS.map((kind, i) => `WHEN '${kind}' THEN ${i}`).join(' ')} ELSE ${UNKNOWN_KIND} END`;
/**
 * One chunk of interactions as a BLOB of PACKED_BYTES per row, big-endian. An id the format cannot
 * hold (never one of a stored account or content, see planFullRead) becomes all ones: unknown to
 * the engine, as the id itself would be.
 */
const INTERACTION_BLOB_SQL =
  `SELECT unhex(group_concat(printf('%08x%08x%08x%02x%016x', ${packedId('actor_account_id', MAX_PACKED_ID)}, ${packedId('target_account_id', MAX_PACKED_ID)}, ` +
  `CASE WHEN target_content_id IS NULL THEN 0 WHEN target_content_id BETWEEN 0 AND ${MAX_PACKED_ID - 1} THEN target_content_id + 1 ELSE 4294967295 END, ` +
  `${KIND_CASE}, occurred_at), '')) AS packed ` +
  `FROM interaction WHERE id >= ? AND id < ? AND occurred_at <= ?`;

async function readInteractionBlob(reader: DataSource, lo: number, hi: number, asOf: number): Promise<Buffer | null> {
  const [row] = (await reader.query(INTERACTION_BLOB_SQL, [lo, hi, asOf])) as { packed: Buffer | null }[];
  return row?.packed ?? null;
}

function decodeInteractionBlobs(blobs: readonly (Buffer | null)[]): InteractionColumns {
  let count = 0;
  for (const blob of blobs) if (blob) count += blob.length / PACKED_BYTES;
  const columns = allocateInteractionColumns(count);
  const { actorAccountId, targetAccountId, targetContentId, kind, occurredAt } = columns;
  let i = 0;
  for (const blob of blobs) {
    if (!blob) continue;
    const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
    for (let at = 0; at < blob.length; at += PACKED_BYTES, i++) {
      actorAccountId[i] = view.getUint32(at);
      targetAccountId[i] = view.getUint32(at + 4);
      const content = view.getUint32(at + 8);
      targetContentId[i] = content === 0 ? NaN : content - 1;
      kind[i] = view.getUint8(at + 12);
      occurredAt[i] = view.getInt32(at + 13) * 4_294_967_296 + view.getUint32(at + 17);
    }
  }
  return columns;
}

const KIND_INDEX = new Map<string, number>(INTERACTION_KINDS.map((kind, i) => [kind, i]));

function interactionColumnsFromRows(rows: readonly unknown[][]): InteractionColumns {
  const columns = allocateInteractionColumns(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    columns.actorAccountId[i] = Number(r[0]);
    columns.targetAccountId[i] = Number(r[1]);
    columns.targetContentId[i] = r[2] == null ? NaN : Number(r[2]);
    columns.kind[i] = KIND_INDEX.get(r[3] as string) ?? UNKNOWN_KIND;
    columns.occurredAt[i] = Number(r[4]);
  }
  return columns;
}

/**
 * What scoring `personIds` needs, given a cached network impact (see scorePeople): their accounts
 * and content, every interaction on or by their accounts, the accounts of everyone in those
 * interactions, and the +K they received.
 */
export async function readAround(db: Database, personIds: readonly number[], asOf: number): Promise<Input> {
  const q = db.reader;
  const accountsSql = db.binder();
  const contentSql = db.binder();
  const grantsSql = db.binder();
  const interactionsSql = db.binder();
  const own = () => `SELECT id FROM network_account WHERE person_id IN (${interactionsSql.list(personIds)})`;
  const received = `SELECT ${INTERACTION_COLUMNS} FROM interaction WHERE occurred_at <= ${interactionsSql.bind(asOf)} AND target_account_id IN (${own()})`;
  const given = `SELECT ${INTERACTION_COLUMNS} FROM interaction WHERE occurred_at <= ${interactionsSql.bind(asOf)} AND actor_account_id IN (${own()}) AND target_account_id NOT IN (${own()})`;
  const [ownAccounts, content, interactions, kGrants, topicEdges] = await Promise.all([
    q.query(`SELECT ${ACCOUNT_COLUMNS} FROM network_account WHERE person_id IN (${accountsSql.list(personIds)})`, accountsSql.params) as Promise<ScoringAccount[]>,
    q.query(`SELECT ${CONTENT_COLUMNS} FROM content WHERE posted_at <= ${contentSql.bind(asOf)} AND author_person_id IN (${contentSql.list(personIds)})`, contentSql.params) as Promise<(ScoringContent & { topicIds?: string[] })[]>,
    q.query(`${received} UNION ALL ${given}`, interactionsSql.params) as Promise<ScoringInteraction[]>,
    q.query(`SELECT ${GRANT_COLUMNS} FROM k_grant WHERE given_at <= ${grantsSql.bind(asOf)} AND receiver_person_id IN (${grantsSql.list(personIds)})`, grantsSql.params) as Promise<KGrant[]>,
    readTopicEdges(db),
  ]);
  const known = new Set(ownAccounts.map((a) => a.id));
  const others = new Set<number>();
  for (const i of interactions) {
    if (!known.has(i.actorAccountId)) others.add(i.actorAccountId);
    if (!known.has(i.targetAccountId)) others.add(i.targetAccountId);
  }
  const otherAccounts: ScoringAccount[] = [];
  const otherIds = [...others];
  for (let at2 = 0; at2 < otherIds.length; at2 += 5000) {
    const chunk = otherIds.slice(at2, at2 + 5000);
    otherAccounts.push(...(await q.query(`SELECT ${ACCOUNT_COLUMNS} FROM network_account WHERE id IN (${marks(db, chunk)})`, chunk)));
  }
  if (content.length) {
    const contentIds = content.map((c) => c.id);
    const topics: { contentId: number; topicId: string }[] = [];
    for (let at3 = 0; at3 < contentIds.length; at3 += 5000) {
      const chunk = contentIds.slice(at3, at3 + 5000);
      topics.push(...(await q.query(`SELECT content_id AS "contentId", topic_id AS "topicId" FROM content_topic WHERE content_id IN (${marks(db, chunk)})`, chunk)));
    }
    attachTopics(content, topics);
  }
  return withoutOptedOut(db, { accounts: [...ownAccounts, ...otherAccounts], content: content as ScoringContent[], interactions, kGrants, topicEdges });
}

/** The last stored expertise of these people (or everyone), for hysteresis and fading. */
export async function readExpertise(db: Database, asOf: number, personIds?: readonly number[]): Promise<ExpertiseSnapshot> {
  const where = personIds ? `WHERE person_id IN (${marks(db, personIds)})` : '';
  const rows: { personId: number; topicId: string; expertise: number; active: boolean | number }[] = await db.reader.query(
    `SELECT person_id AS "personId", topic_id AS "topicId", expertise, active FROM topic_expertise ${where}`,
    personIds ? [...personIds] : [],
  );
  const expertise = new Map<number, TopicExpertise[]>();
  for (const r of rows) {
    let list = expertise.get(r.personId);
    if (!list) expertise.set(r.personId, (list = []));
    list.push({ topicId: r.topicId, expertise: Number(r.expertise), active: Boolean(r.active) });
  }
  return { asOf, expertise };
}

let topicEdgeCache: { db: Database; edges: Promise<TopicEdge[]> } | undefined;

/** The ontology does not change at run time: read its edges once per database. */
function readTopicEdges(db: Database): Promise<TopicEdge[]> {
  if (topicEdgeCache?.db !== db) {
    topicEdgeCache = { db, edges: db.reader.query(`SELECT parent_id AS "parentId", child_id AS "childId" FROM topic_edge`) };
  }
  return topicEdgeCache.edges;
}

function attachTopics(content: (ScoringContent & { topicIds?: string[] })[], rows: { contentId: number; topicId: string }[]): void {
  const byContent = new Map<number, string[]>();
  for (const r of rows) {
    let list = byContent.get(r.contentId);
    if (!list) byContent.set(r.contentId, (list = []));
    list.push(r.topicId);
  }
  for (const c of content) c.topicIds = byContent.get(c.id) ?? [];
}

function marks(db: Database, values: readonly unknown[], offset = 0): string {
  return values.map((_, i) => db.placeholder(i + offset)).join(',');
}
