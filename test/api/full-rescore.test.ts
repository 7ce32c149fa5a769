import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { scorePeople, toInteractionRecords, type ScoringAccount, type ScoringContent, type ScoringInteraction } from '../../server/scoring';
import { IngestService } from '../../server/services/ingest.service';
import { systemContext } from '../../server/services/request-context';
import { runFullRescore } from '../../server/services/scoring/rescore-job';
import { dayOf, packBreakdown, packScore } from '../../server/services/scoring/score-store';
import { readEverything } from '../../server/services/scoring/scoring-data';
import type { Database } from '../../server/db/database';
import { DIALECTS } from '../support/databases';
import { smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const HOUR = 3_600_000;

/** What the full rescore reads, the plain way: a row per record, straight from SQL. */
async function readAsRows(db: Database, asOf: number) {
  const p = db.placeholder(0);
  const num = (v: unknown) => (v == null ? null : Number(v));
  const accounts: ScoringAccount[] = (await db.reader.query(`SELECT id, person_id, network, followers_count, following_count FROM network_account ORDER BY id`)).map(
    (r: any) => ({ id: num(r.id), personId: num(r.person_id), network: r.network, followers: num(r.followers_count), following: num(r.following_count) }),
  );
  const topics: { content_id: unknown; topic_id: string }[] = await db.reader.query(`SELECT content_id, topic_id FROM content_topic`);
  const content: ScoringContent[] = (await db.reader.query(`SELECT id, author_account_id, network, kind, posted_at FROM content WHERE posted_at <= ${p} ORDER BY id`, [asOf])).map(
    (r: any) => ({
      id: num(r.id),
      authorAccountId: num(r.author_account_id),
      network: r.network,
      kind: r.kind,
      postedAt: num(r.posted_at),
      topicIds: topics.filter((t) => num(t.content_id) === num(r.id)).map((t) => t.topic_id),
    }),
  );
  const interactions: ScoringInteraction[] = (
    await db.reader.query(`SELECT actor_account_id, target_account_id, target_content_id, kind, occurred_at FROM interaction WHERE occurred_at <= ${p} ORDER BY id`, [asOf])
  ).map((r: any) => ({
    actorAccountId: num(r.actor_account_id),
    targetAccountId: num(r.target_account_id),
    targetContentId: num(r.target_content_id),
    kind: r.kind,
    occurredAt: num(r.occurred_at),
  }));
  return { accounts, content, interactions };
}

const byKey = (i: ScoringInteraction) => JSON.stringify([i.actorAccountId, i.targetAccountId, i.targetContentId, i.kind, i.occurredAt]);

describe.each(DIALECTS)('the full rescore on %s', (dialect) => {
  let server: TestServer;
  let db: Database;
  const now = Date.now();
  const asOf = now + HOUR;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    db = server.app.db;
    const batch = smallWorld('fr', 7, 4, now);
    // One that has not happened yet at asOf: the rescore must leave it out.
    batch.interactions!.push({ network: Network.TWITTER, externalId: 'fr-later', kind: InteractionKind.SHARE, actorExternalId: 'fr-tw3', targetContentExternalId: 'fr-post0-0', occurredAt: asOf + HOUR });
    await new IngestService().ingest(systemContext(db, 'test'), batch);
  });
  afterAll(() => server?.close());

  it('reads exactly the records the rows hold, interactions as columns', async () => {
    const rows = await readAsRows(db, asOf);
    const data = await readEverything(db, asOf);
    expect(data.accounts).toEqual(rows.accounts);
    expect(data.content.map((c) => ({ ...c, topicIds: [...c.topicIds].sort() }))).toEqual(rows.content.map((c) => ({ ...c, topicIds: [...c.topicIds].sort() })));
    expect(data.interactions.count).toBe(rows.interactions.length);
    expect(rows.interactions.length).toBeGreaterThan(50);
    expect(toInteractionRecords(data.interactions).map(byKey).sort()).toEqual(rows.interactions.map(byKey).sort());
    expect(rows.interactions.some((i) => i.targetContentId === null)).toBe(true); // follows: no content
  });

  it('stores for everyone exactly the score scorePeople gives, its snapshot for the day, and the history before', async () => {
    const rows = await readAsRows(db, asOf);
    const expected = scorePeople({ ...rows, asOf });
    const summary = await runFullRescore(db, { asOf, backfillDays: 1 });
    expect(summary).toMatchObject({ people: expected.people.length, interactions: rows.interactions.length, days: 2 });
    const stored: any[] = await db.reader.query(`SELECT person_id, score, band_low, band_high, details, breakdown, as_of FROM person_score ORDER BY person_id`);
    const snapshots: any[] = await db.reader.query(`SELECT person_id, day, score, band_low, band_high, details FROM score_snapshot WHERE day = ${db.placeholder(0)} ORDER BY person_id`, [dayOf(asOf)]);
    expect(stored).toHaveLength(expected.people.length);
    expect(snapshots).toHaveLength(expected.people.length);
    expected.people.forEach((s, i) => {
      expect(Number(stored[i].person_id)).toBe(s.personId);
      expect([Number(stored[i].score), Number(stored[i].band_low), Number(stored[i].band_high)]).toEqual([s.score, s.band.low, s.band.high]);
      expect(stored[i].details).toBe(packScore(s));
      expect(stored[i].breakdown).toBe(packBreakdown(s));
      expect(Number(stored[i].as_of)).toBe(asOf);
      expect([Number(snapshots[i].score), Number(snapshots[i].band_low), Number(snapshots[i].band_high)]).toEqual([s.score, s.band.low, s.band.high]);
      expect(snapshots[i].details).toBe(packScore(s));
    });
    expect(expected.people.some((s) => s.score > 1 && s.topContent.length > 0)).toBe(true);
    const [{ n }] = await db.reader.query(`SELECT count(*) AS n FROM score_snapshot WHERE day = ${db.placeholder(0)}`, [dayOf(asOf - 86_400_000)]);
    expect(Number(n)).toBe(expected.people.length);
  });

  it.runIf(dialect === 'sqlite')('reads ids too large for its packed format the plain way, with the same result', async () => {
    // SQLite ids are 64-bit; the packed interaction format holds 32.
    const [{ id: personId }] = await db.reader.query(`SELECT id FROM person ORDER BY id LIMIT 1`);
    const [{ id: target }] = await db.reader.query(`SELECT id FROM network_account WHERE person_id <> ? ORDER BY id LIMIT 1`, [personId]);
    const big = 2 ** 32 + 5;
    await db.transaction(async (m) => {
      await m.query(`INSERT INTO network_account (id, person_id, network, external_id, handle, followers_count, following_count, created_at) VALUES (?, ?, 'TWITTER', 'fr-big', '@big', 5, 5, ?)`, [big, personId, now]);
      await m.query(`INSERT INTO interaction (network, external_id, kind, actor_account_id, target_content_id, target_account_id, occurred_at) VALUES ('TWITTER', 'fr-big-follow', 'FOLLOW', ?, NULL, ?, ?)`, [big, target, now]);
    });
    const rows = await readAsRows(db, asOf);
    const data = await readEverything(db, asOf);
    expect(data.accounts.at(-1)!.id).toBe(big);
    expect(data.accounts).toEqual(rows.accounts);
    expect(toInteractionRecords(data.interactions).map(byKey).sort()).toEqual(rows.interactions.map(byKey).sort());
    expect(toInteractionRecords(data.interactions).some((i) => i.actorAccountId === big)).toBe(true);
  });
});
