import { randomUUID } from 'node:crypto';
import type { EntityManager, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Role } from '#shared/roles';
import { ErasureAudit, Person, PersonOptOut } from '../../entities';
import { epochMs } from '../../entities/columns';
import { authorize, requireViewer } from '../auth/access';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { RequestContext } from '../request-context';
import { OPT_OUT_PURGE, PERSONAL_TABLES, type PersonalTable } from './personal-data';

export type Requester = 'SELF' | 'ADMIN';

/** Whether a person is opted out of scoring, and on whose request. */
export interface PrivacyStatus {
  personId: number;
  optedOut: boolean;
  optedOutAt: Date | null;
  requestedBy: Requester | null;
  requestReference: string | null;
}

/** Everything Sway holds about one person, as one JSON document. */
export interface PersonalDataExport {
  format: 'sway.personal-data/1';
  generatedAt: string;
  personId: number;
  /** Table → what it holds about the person and its rows; every column but secrets, by entity property name. */
  tables: Record<string, { what: string; rows: Record<string, unknown>[] }>;
}

/** What an erasure did: the audit trail's entry, which names no one. */
export interface ErasureReceipt {
  erasureId: string;
  erasedAt: Date;
  requestedBy: Requester;
  requestReference: string | null;
  tables: { table: string; rows: number }[];
  totalRows: number;
}

/** A store outside the database that may hold a trace of people (a cache, exported files). */
export interface PersonalDataStore {
  /** Drops everything it holds about these people. Called before the erasure commits and again after. */
  forget(personIds: readonly number[]): Promise<void>;
}

export interface PrivacyServiceOptions {
  /** Caches and other stores to clear of a person who opts out or is erased. */
  stores: PersonalDataStore[];
  /** Told which people's scores mentioned an erased person: their scores are recomputed on the next read. */
  onNeighboursChanged: (personIds: readonly number[]) => Promise<void>;
  clock?: () => number;
  /** Whether this process is running a full rescore now, and a promise that resolves when it has ended. */
  rescoreRunning?: () => boolean;
  whenRescoreIdle?: () => Promise<void>;
  /** Test seam: called inside the erasure transaction after each table (the crash test kills the process here). */
  afterErasureStep?: (table: string, index: number) => void | Promise<void>;
}

/** A verified request's reference: a ticket id, never a name or an email. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,63}$/;

/**
 * Opt-out of scoring, export and erasure of a person's data. The person acts for themself (a user
 * linked to them); an ADMIN acts for anyone, on a verified request whose reference they give.
 * What each table holds and how it is exported and erased is in personal-data.ts.
 */
export class PrivacyService {
  private readonly clock: () => number;

  constructor(private readonly options: PrivacyServiceOptions) {
    this.clock = options.clock ?? Date.now;
  }

  async status(ctx: RequestContext, personId: number | null): Promise<PrivacyStatus> {
    const subject = await this.subject(ctx, personId, null, 'see privacy settings', false);
    return this.readStatus(ctx, subject.personId);
  }

  /** Opts the person out of scoring: their score and topics go now, from the database and every cache. Idempotent. */
  async optOut(ctx: RequestContext, personId: number | null, requestReference: string | null): Promise<PrivacyStatus> {
    const subject = await this.subject(ctx, personId, requestReference, 'opt out of scoring');
    await retryOnDeadlock(() => ctx.db.transaction(async (m) => {
      const repo = m.getRepository(PersonOptOut);
      if (!(await repo.existsBy({ personId: subject.personId }))) {
        await repo.insert({ personId: subject.personId, optedOutAt: new Date(this.clock()), requestedBy: subject.requestedBy, requestReference: subject.requestReference });
      }
      await purgeFigures(ctx, m, subject.personId);
      await this.forget([subject.personId]);
    }));
    await this.forget([subject.personId]); // again: a read may have cached them while the transaction ran
    // A full rescore that read its input before the opt-out would store their figures again when it ends.
    if (this.options.rescoreRunning?.()) {
      void this.options.whenRescoreIdle?.().then(() => this.purgeIfStillOptedOut(ctx, subject.personId)).catch(() => undefined);
    }
    return this.readStatus(ctx, subject.personId);
  }

  /** Opts the person back in: they are scored again from their next read and the next full rescore. */
  async optIn(ctx: RequestContext, personId: number | null, requestReference: string | null): Promise<PrivacyStatus> {
    const subject = await this.subject(ctx, personId, requestReference, 'opt back in to scoring');
    await ctx.db.transaction((m) => m.getRepository(PersonOptOut).delete({ personId: subject.personId }));
    await this.forget([subject.personId]);
    return this.readStatus(ctx, subject.personId);
  }

  /** Everything Sway holds about the person, table by table, as one JSON document. */
  async exportData(ctx: RequestContext, personId: number | null, requestReference: string | null): Promise<PersonalDataExport> {
    const subject = await this.subject(ctx, personId, requestReference, 'export personal data');
    const tables: PersonalDataExport['tables'] = {};
    // Parents first, as a reader expects: the profile, then accounts, content, and so on.
    for (const entry of [...PERSONAL_TABLES].reverse()) {
      const meta = metadataOf(ctx, entry.table);
      const b = ctx.db.binder();
      const where = entry.owner(() => b.bind(subject.personId));
      const order = meta.primaryColumns.map((c) => `t.${c.databaseName}`).join(', ');
      const rows: Record<string, unknown>[] = await ctx.db.reader.query(`SELECT * FROM ${entry.table} t WHERE ${where} ORDER BY ${order}`, b.params);
      tables[entry.table] = { what: entry.what, rows: rows.map((r) => exportRow(meta, entry, r)) };
    }
    return { format: 'sway.personal-data/1', generatedAt: new Date(this.clock()).toISOString(), personId: subject.personId, tables };
  }

  /**
   * Erases the person: every row of theirs in every table (personal-data.ts), their login included,
   * in ONE transaction with its audit entry, so a crash half-way leaves everything as it was and the
   * erasure can simply run again. Caches are cleared before the commit and after it.
   */
  async erase(ctx: RequestContext, personId: number | null, requestReference: string | null): Promise<ErasureReceipt> {
    const subject = await this.subject(ctx, personId, requestReference, 'erase personal data');
    // A full rescore under way would write scores for the person after they are gone: let it finish first.
    await this.options.whenRescoreIdle?.();
    const erasureId = randomUUID();
    const neighbours = await this.neighbours(ctx, subject.personId);
    const receipt = await retryOnDeadlock(() => ctx.db.transaction(async (m) => {
      const tables: ErasureReceipt['tables'] = [];
      for (const [index, entry] of PERSONAL_TABLES.entries()) {
        tables.push({ table: entry.table, rows: await eraseTable(ctx, m, entry, subject.personId) });
        await this.options.afterErasureStep?.(entry.table, index);
      }
      const totalRows = tables.reduce((n, t) => n + t.rows, 0);
      const erasedAt = new Date(this.clock());
      await m.getRepository(ErasureAudit).insert({
        id: erasureId,
        erasedAt,
        requestedBy: subject.requestedBy,
        requestReference: subject.requestReference,
        rowCounts: JSON.stringify(Object.fromEntries(tables.map((t) => [t.table, t.rows]))),
        totalRows,
      });
      await this.forget([subject.personId]);
      return { erasureId, erasedAt, requestedBy: subject.requestedBy, requestReference: subject.requestReference, tables, totalRows };
    }));
    await this.forget([subject.personId]);
    await this.options.onNeighboursChanged(neighbours);
    return receipt;
  }

  private async purgeIfStillOptedOut(ctx: RequestContext, personId: number): Promise<void> {
    await retryOnDeadlock(() => ctx.db.transaction(async (m) => {
      if (await m.getRepository(PersonOptOut).existsBy({ personId })) await purgeFigures(ctx, m, personId);
    }));
    await this.forget([personId]);
  }

  private async forget(personIds: number[]): Promise<void> {
    for (const store of this.options.stores) await store.forget(personIds);
  }

  /**
   * Who the request is about. No personId (or the viewer's own): the viewer's person, SELF.
   * Anyone else: ADMIN only, with the verified request's reference (unless `needsReference` is false).
   */
  private async subject(ctx: RequestContext, personId: number | null, requestReference: string | null, doing: string, needsReference = true): Promise<{ personId: number; requestedBy: Requester; requestReference: string | null }> {
    if (requestReference != null && !REFERENCE.test(requestReference)) {
      throw new ValidationError([{ field: 'requestReference', message: 'must be a ticket reference: 1 to 64 letters, digits and . _ : / # -, starting with a letter or digit' }]);
    }
    const viewer = ctx.system ? null : requireViewer(ctx, doing);
    let subject: { personId: number; requestedBy: Requester; requestReference: string | null };
    if (personId == null || (viewer && viewer.personId === personId)) {
      if (personId == null && viewer?.personId == null) throw new ForbiddenError(`only a user linked to a person can ${doing} for themself; an ADMIN names the person`);
      subject = { personId: personId ?? viewer!.personId!, requestedBy: 'SELF', requestReference: requestReference ?? null };
    } else {
      authorize(ctx, 'privacyRequest');
      if (needsReference && requestReference == null) throw new ValidationError([{ field: 'requestReference', message: `is required to ${doing} for someone else: the reference of their verified request` }]);
      subject = { personId, requestedBy: viewer?.role === Role.ADMIN || ctx.system ? 'ADMIN' : 'SELF', requestReference };
    }
    if (!(await ctx.db.reader.getRepository(Person).existsBy({ id: subject.personId }))) throw new NotFoundError('Person', 'personId');
    return subject;
  }

  private async readStatus(ctx: RequestContext, personId: number): Promise<PrivacyStatus> {
    const row = await ctx.db.reader.getRepository(PersonOptOut).findOneBy({ personId });
    return {
      personId,
      optedOut: !!row,
      optedOutAt: row?.optedOutAt ?? null,
      requestedBy: row?.requestedBy ?? null,
      requestReference: row?.requestReference ?? null,
    };
  }

  /** People whose stored or cached scores may name this person (they interacted, or +K between them). */
  private async neighbours(ctx: RequestContext, personId: number): Promise<number[]> {
    const b = ctx.db.binder();
    const own = () => `SELECT id FROM network_account WHERE person_id = ${b.bind(personId)}`;
    const rows: { person_id: number | string }[] = await ctx.db.reader.query(
      `SELECT na.person_id FROM interaction i JOIN network_account na ON na.id = i.target_account_id WHERE i.actor_account_id IN (${own()})
       UNION SELECT na.person_id FROM interaction i JOIN network_account na ON na.id = i.actor_account_id WHERE i.target_account_id IN (${own()})
       UNION SELECT receiver_person_id FROM k_grant WHERE giver_person_id = ${b.bind(personId)}
       UNION SELECT giver_person_id FROM k_grant WHERE receiver_person_id = ${b.bind(personId)}`,
      b.params,
    );
    return rows.map((r) => Number(r.person_id)).filter((id) => id !== personId);
  }
}

/**
 * Runs a transaction again when PostgreSQL chose it as a deadlock's victim (it was rolled back whole):
 * a score write by another process can lock the same rows in another order.
 */
async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (err as { code?: string }).code;
      if (attempt >= attempts || (code !== '40P01' && code !== '40001')) throw err;
    }
  }
}

/** Deletes the figures computed about a person (score, topics, authenticity: OPT_OUT_PURGE), so none is shown or targeted. */
async function purgeFigures(ctx: RequestContext, m: EntityManager, personId: number): Promise<void> {
  for (const entry of OPT_OUT_PURGE) {
    const b = ctx.db.binder();
    await m.query(`DELETE FROM ${entry.table} AS t WHERE ${entry.owner(() => b.bind(personId))}`, b.params);
  }
}

/** Deletes (or anonymises) the person's rows of one table; returns how many. Exported for tests. */
export async function eraseTable(ctx: RequestContext, m: EntityManager, entry: PersonalTable, personId: number): Promise<number> {
  const count = ctx.db.binder();
  const [{ n }] = await m.query(`SELECT COUNT(*) AS n FROM ${entry.table} t WHERE ${entry.owner(() => count.bind(personId))}`, count.params);
  if (!Number(n)) return 0;
  const b = ctx.db.binder();
  if (entry.erase.action === 'delete') {
    await m.query(`DELETE FROM ${entry.table} AS t WHERE ${entry.owner(() => b.bind(personId))}`, b.params);
  } else {
    const set = Object.entries(entry.erase.set)
      .map(([column, value]) => `${column} = ${value !== null && typeof value === 'object' ? value.sql : b.bind(value)}`)
      .join(', ');
    await m.query(`UPDATE ${entry.table} AS t SET ${set} WHERE ${entry.owner(() => b.bind(personId))}`, b.params);
  }
  return Number(n);
}

function metadataOf(ctx: RequestContext, table: string): EntityMetadata {
  const meta = ctx.db.reader.entityMetadatas.find((m) => m.tableName === table);
  if (!meta) throw new Error(`personal-data map names table ${table}, which no entity maps`);
  return meta;
}

/** One row as exported: every column but the omitted ones, by property name; instants as ISO 8601. */
function exportRow(meta: EntityMetadata, entry: PersonalTable, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of exportedColumns(meta, entry)) out[column.propertyName] = exportValue(column, raw[column.databaseName]);
  return out;
}

/** The columns of a table the export carries: all of the entity's, but secrets. */
export function exportedColumns(meta: EntityMetadata, entry: PersonalTable): ColumnMetadata[] {
  return meta.columns.filter((c) => !entry.omit?.includes(c.databaseName));
}

function exportValue(column: ColumnMetadata, value: unknown): unknown {
  if (value == null) return null;
  if (column.transformer === epochMs) return new Date(Number(value)).toISOString();
  if (column.type === 'boolean') return Boolean(value);
  if (['integer', 'int', 'bigint', 'real', 'float', 'double precision'].includes(String(column.type))) return Number(value);
  return value;
}
