import { fork } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import type { Logger } from 'typeorm';
import { createGraphQLContext, type GraphQLContext } from '../api/context';
import { buildGraphQLSchema } from '../api/schema';
import { Database } from '../db/database';
import { createServices } from '../services';
import { ensureBenchDatabase } from './bench-database';
import { percentile, postLoad, sequentialLatencies } from './http-load';

/**
 * API benchmark (`npm run bench:api`): the page of 100 people with their accounts, 5 latest content
 * items and each item's interaction counts, on 100,000 people and 1,000,000 interactions.
 * - read path: p50/p99 over 200 sequential requests, and SQL statements per request;
 * - throughput: 10 connections for a bounded time, beside the same schema answering from memory
 *   (the ceiling of the stack). Server and load generator run in separate processes.
 */
const PAGE_QUERY = `query Page($first: Int!) {
  people(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id displayName region
      accounts { nodes { id network handle followersCount } }
      content(first: 5) { nodes { id kind postedAt interactionCounts { total likes shares replies comments } } }
    }
  }
}`;
const BODY = JSON.stringify({ query: PAGE_QUERY, variables: { first: 100 } });

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { interactions: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '10' } } });
  const interactions = Number(values.interactions);
  const seconds = Number(values.seconds);
  const sqlitePath = await ensureBenchDatabase(interactions);
  console.log(`Database: ${sqlitePath}`);

  const statements = await countStatements(sqlitePath);
  console.log(`SQL statements per request: ${statements}`);

  const db = await startServer(sqlitePath, 'db');
  try {
    await sequentialLatencies(db.port, BODY, 20, db.headers); // warm-up
    const latencies = await sequentialLatencies(db.port, BODY, 200, db.headers);
    console.log(`Read path, 200 sequential requests: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms (goal: p50 ≤ 25 ms)`);
    const load = await postLoad(db.port, BODY, 10, seconds, db.headers);
    console.log(`Throughput, 10 connections, ${load.seconds.toFixed(1)} s: ${load.perSecond.toFixed(0)} req/s, p99 ${percentile(load.latenciesMs, 99).toFixed(1)} ms, ${load.errors} errors`);
    db.stop();

    const memory = await startServer(sqlitePath, 'memory');
    await sequentialLatencies(memory.port, BODY, 20, memory.headers);
    const ceiling = await postLoad(memory.port, BODY, 10, seconds, memory.headers);
    memory.stop();
    console.log(`Ceiling (same schema answering from memory): ${ceiling.perSecond.toFixed(0)} req/s, ${ceiling.errors} errors`);
    console.log(`Share of the ceiling: ${((100 * load.perSecond) / ceiling.perSecond).toFixed(0)}% (goal: ≥ 50%)`);
  } finally {
    db.stop();
  }
}

/** Runs the query once in-process with a counting logger: the statements one request costs. */
async function countStatements(sqlitePath: string): Promise<number> {
  let count = 0;
  const logger: Logger = { logQuery: () => void count++, logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} };
  const db = await Database.open({ databaseUrl: undefined, sqlitePath, logSql: false }, { logger });
  const services = createServices({ database: { databaseUrl: undefined, sqlitePath } });
  const apollo = new ApolloServer<GraphQLContext>({ schema: await buildGraphQLSchema() });
  await apollo.start();
  const run = () => apollo.executeOperation({ query: PAGE_QUERY, variables: { first: 100 } }, { contextValue: createGraphQLContext(db, services) });
  await run();
  count = 0;
  const result = await run();
  if (result.body.kind !== 'single' || result.body.singleResult.errors) throw new Error(`query failed: ${JSON.stringify(result.body)}`);
  await apollo.stop();
  await db.close();
  return count;
}

function startServer(sqlitePath: string, mode: 'db' | 'memory'): Promise<{ port: number; headers: Record<string, string>; stop(): void }> {
  const child = fork(path.join(__dirname, 'bench-server.js'), [sqlitePath, mode], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const stop = () => void (child.exitCode === null && child.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /PORT (\d+) TOKEN (\S+)/.exec(chunk.toString());
      if (match) resolve({ port: Number(match[1]), headers: { authorization: `Bearer ${match[2]}` }, stop });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
