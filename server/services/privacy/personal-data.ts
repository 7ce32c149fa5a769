/**
 * THE personal-data map: every table Sway has, and what it holds about a person.
 *
 * For a table with personal data: how its rows belong to a person (an SQL predicate on alias `t`),
 * what the export leaves out (secrets, never data about the person), and what erasure does: delete
 * the rows, or keep an aggregate a brand's accounting needs with its identifying columns cleared.
 * For any other table: why it holds none. A table is one entry; erasure runs the entries in this
 * order (children before parents), and test/api/privacy.test.ts fails when an entity's table is
 * missing here, so a merge cannot silently skip claims, conversions or flags.
 */

/** Binds the person's row id once more and returns its placeholder (positional on SQLite, so once per use). */
export type PersonParam = () => string;

export type Erasure =
  | { action: 'delete' }
  /**
   * Keep the rows (a campaign report's totals), with these columns set so no one can be identified:
   * to a value, or to an SQL expression on alias `t` valid on both databases (e.g. `'erased-' || t.id`
   * for a column that must stay unique).
   */
  | { action: 'anonymise'; set: Readonly<Record<string, null | string | number | { sql: string }>> };

export interface PersonalTable {
  table: string;
  personal: true;
  /** What these rows are to the person, for the README and reviewers. */
  what: string;
  /** SQL predicate on alias `t`: the row belongs to (or is about) the person. */
  owner: (person: PersonParam) => string;
  /** Columns the export leaves out: secrets such as a password hash. Everything else is exported. */
  omit?: readonly string[];
  erase: Erasure;
  /**
   * 'delete': a figure computed about the person (score, topics, authenticity), deleted when they
   * opt out of scoring so it is neither shown nor targeted. Anything else stays until erasure.
   */
  optOut?: 'delete';
}

export interface NonPersonalTable {
  table: string;
  personal: false;
  /** Why no row of it is about a person. */
  why: string;
}

export type TableEntry = PersonalTable | NonPersonalTable;

const DELETE: Erasure = { action: 'delete' };

/** In erasure order: rows that point at others first, the person row last. */
export const PERSONAL_DATA: readonly TableEntry[] = [
  {
    table: 'content_topic',
    personal: true,
    what: 'topics of their content',
    owner: (p) => `t.content_id IN (SELECT id FROM content WHERE author_person_id = ${p()})`,
    erase: DELETE,
  },
  {
    table: 'interaction',
    personal: true,
    what: 'interactions by their accounts, and interactions on their accounts and content',
    // One IN over a UNION rather than an OR of two: PostgreSQL then walks both indexes instead of the whole table.
    owner: (p) =>
      `t.id IN (SELECT i.id FROM interaction i JOIN network_account a ON a.id = i.actor_account_id WHERE a.person_id = ${p()}` +
      ` UNION ALL SELECT i.id FROM interaction i JOIN network_account a ON a.id = i.target_account_id WHERE a.person_id = ${p()})`,
    erase: DELETE,
  },
  {
    table: 'k_grant',
    personal: true,
    what: '+K they gave and received',
    owner: (p) => `t.giver_person_id = ${p()} OR t.receiver_person_id = ${p()}`,
    erase: DELETE,
  },
  { table: 'authenticity_review', personal: true, what: "analysts' decisions on their authenticity flags", owner: (p) => `t.person_id = ${p()}`, erase: DELETE },
  {
    table: 'authenticity_flag',
    personal: true,
    what: 'authenticity flags about them, with evidence',
    owner: (p) => `t.person_id = ${p()}`,
    erase: DELETE,
    optOut: 'delete',
  },
  { table: 'score_snapshot', personal: true, what: 'their daily score history', owner: (p) => `t.person_id = ${p()}`, erase: DELETE },
  { table: 'topic_expertise', personal: true, what: 'their topic expertise', owner: (p) => `t.person_id = ${p()}`, erase: DELETE, optOut: 'delete' },
  {
    table: 'person_score',
    personal: true,
    what: 'their current score, its explanation and authenticity',
    owner: (p) => `t.person_id = ${p()}`,
    erase: DELETE,
    optOut: 'delete',
  },
  {
    table: 'conversion',
    personal: true,
    what: 'purchases made with their promo codes (kept for the brand: the external order id is replaced)',
    owner: (p) => `t.claim_id IN (SELECT id FROM claim WHERE person_id = ${p()})`,
    erase: { action: 'anonymise', set: { external_id: { sql: `'erased-' || t.id` } } },
  },
  {
    table: 'claim',
    personal: true,
    what: 'perks they claimed (kept for the brand: the claimer and their promo code are removed)',
    owner: (p) => `t.person_id = ${p()}`,
    erase: { action: 'anonymise', set: { person_id: null, promo_code: { sql: `'erased-' || t.id` } } },
  },
  {
    table: 'brand_member',
    personal: true,
    what: 'brands their login manages',
    owner: (p) => `t.user_id IN (SELECT id FROM app_user WHERE person_id = ${p()})`,
    erase: DELETE,
  },
  { table: 'person_opt_out', personal: true, what: 'their opt-out of scoring', owner: (p) => `t.person_id = ${p()}`, erase: DELETE },
  { table: 'content', personal: true, what: 'what they published', owner: (p) => `t.author_person_id = ${p()}`, erase: DELETE },
  { table: 'network_account', personal: true, what: 'their accounts: network ids, handles, follower counts', owner: (p) => `t.person_id = ${p()}`, erase: DELETE },
  {
    table: 'app_user',
    personal: true,
    what: 'their login: email, role (the password hash is never exported)',
    owner: (p) => `t.person_id = ${p()}`,
    omit: ['password_hash'],
    erase: DELETE,
  },
  { table: 'person', personal: true, what: 'their profile: external id, name, region, language', owner: (p) => `t.id = ${p()}`, erase: DELETE },

  { table: 'brand', personal: false, why: 'brands: companies, not people' },
  { table: 'campaign', personal: false, why: "brands' perk campaigns and their targeting criteria, which name no one" },
  { table: 'topic', personal: false, why: 'the Klout topic ontology: reference data' },
  { table: 'topic_edge', personal: false, why: 'the Klout topic ontology: reference data' },
  { table: 'erasure_audit', personal: false, why: 'the erasure audit trail: an opaque id, a role, a request reference and row counts, never who' },
];

export const PERSONAL_TABLES = PERSONAL_DATA.filter((e): e is PersonalTable => e.personal);

/**
 * The figures computed about a person that an opt-out deletes, parents first: the order in which the
 * full rescore writes them (person_score, then topic_expertise), so the two never lock in a cycle.
 */
export const OPT_OUT_PURGE = PERSONAL_TABLES.filter((e) => e.optOut === 'delete').reverse();

export function entryOf(table: string): TableEntry | undefined {
  return PERSONAL_DATA.find((e) => e.table === table);
}
