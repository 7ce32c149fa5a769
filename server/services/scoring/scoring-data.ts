import type { KGrant, ScoringAccount, ScoringContent, ScoringInput, ScoringInteraction, TopicEdge, TopicExpertise, ExpertiseSnapshot } from '../../scoring';
import type { Database } from '../../db/database';
import { withoutOptedOut } from '../privacy/opt-out';

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

/** Everything, as it stood at `asOf`: the full rescore's input. */
export async function readEverything(db: Database, asOf: number): Promise<Input & { accounts: ScoringAccount[]; interactions: ScoringInteraction[] }> {
  const q = db.reader;
  const p = db.placeholder(0);
  const [accounts, content, interactions, kGrants, topicEdges, topics] = await Promise.all([
    q.query(`SELECT ${ACCOUNT_COLUMNS} FROM network_account`) as Promise<ScoringAccount[]>,
    q.query(`SELECT ${CONTENT_COLUMNS} FROM content WHERE posted_at <= ${p}`, [asOf]) as Promise<(ScoringContent & { topicIds?: string[] })[]>,
    q.query(`SELECT ${INTERACTION_COLUMNS} FROM interaction WHERE occurred_at <= ${p}`, [asOf]) as Promise<ScoringInteraction[]>,
    q.query(`SELECT ${GRANT_COLUMNS} FROM k_grant WHERE given_at <= ${p}`, [asOf]) as Promise<KGrant[]>,
    readTopicEdges(db),
    q.query(`SELECT content_id AS "contentId", topic_id AS "topicId" FROM content_topic`) as Promise<{ contentId: number; topicId: string }[]>,
  ]);
  attachTopics(content, topics);
  // Privacy: people who opted out are neither scored nor counted toward anyone (server/services/privacy).
  return withoutOptedOut(db, { accounts, content: content as ScoringContent[], interactions, kGrants, topicEdges });
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
  // Privacy: people who opted out are neither scored nor counted toward anyone (server/services/privacy).
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
