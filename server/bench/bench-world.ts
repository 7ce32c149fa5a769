import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { ContentKind, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { REPO_ROOT } from '../config';
import type { ImportRow } from '../import/rows';

/**
 * The benchmarks' world, generated deterministically: people with one Twitter account each, posts,
 * then interactions (likes, shares, replies, comments, mentions, follows). Shared by the import,
 * API and scoring benchmarks so they measure the same data.
 */

export const BENCH_DIR = path.join(REPO_ROOT, 'data', 'bench');
/** Bump when the generator changes, so a stale file is not reused. */
const GENERATOR_VERSION = 1;
export const START = Date.UTC(2026, 0, 1);

export interface World {
  people: number;
  content: number;
  interactions: number;
}

export function worldFor(interactions: number): World {
  return { people: Math.max(10, Math.round(interactions / 10)), content: Math.max(10, Math.round(interactions / 5)), interactions };
}

/** A 32-bit integer hash (Murmur3's finaliser): the same k gives the same row in both passes. */
function mix(k: number): number {
  let h = k ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Content j is written by account authorOf(j). */
export const authorOf = (j: number, w: World) => mix(j * 2 + 1) % w.people;

const KIND_WHEEL: InteractionKind[] = [
  ...Array<InteractionKind>(8).fill(InteractionKind.LIKE),
  ...Array<InteractionKind>(3).fill(InteractionKind.SHARE),
  ...Array<InteractionKind>(2).fill(InteractionKind.REPLY),
  ...Array<InteractionKind>(2).fill(InteractionKind.COMMENT),
  ...Array<InteractionKind>(3).fill(InteractionKind.MENTION),
  ...Array<InteractionKind>(2).fill(InteractionKind.FOLLOW),
];

export interface BenchInteraction {
  kind: InteractionKind;
  actor: number;
  /** Content index for kinds that act on content, else -1. */
  content: number;
  /** Account index acted on: the content's author, or the mentioned/followed account. */
  target: number;
  occurredAt: number;
}

export function interactionAt(k: number, w: World): BenchInteraction {
  const h = mix(k * 2);
  const kind = KIND_WHEEL[h % KIND_WHEEL.length];
  const actor = mix(h) % w.people;
  const onContent = kind !== InteractionKind.MENTION && kind !== InteractionKind.FOLLOW;
  const content = onContent ? mix(h + 1) % w.content : -1;
  const target = onContent ? authorOf(content, w) : mix(h + 2) % w.people;
  return { kind, actor, content, target, occurredAt: START + 86_400_000 + k * 10 };
}

function* worldRows(w: World): Generator<ImportRow> {
  for (let i = 0; i < w.people; i++) {
    yield { type: 'person', externalId: `bp${i}`, displayName: `Bench person ${i}`, region: ['US', 'FR', 'BR', 'IN', 'JP'][i % 5], language: 'en', createdAt: START };
    yield { type: 'account', network: Network.TWITTER, externalId: `ba${i}`, personExternalId: `bp${i}`, handle: `@bench${i}`, followersCount: mix(i) % 100_000, followingCount: i % 5000, createdAt: START };
  }
  for (let j = 0; j < w.content; j++) {
    yield {
      type: 'content',
      network: Network.TWITTER,
      externalId: `bc${j}`,
      kind: ContentKind.POST,
      authorExternalId: `ba${authorOf(j, w)}`,
      text: `Bench post ${j}`,
      topics: j % 4 === 0 ? ['basketball'] : undefined,
      postedAt: START + j,
    };
  }
  for (let k = 0; k < w.interactions; k++) {
    const x = interactionAt(k, w);
    yield {
      type: 'interaction',
      network: Network.TWITTER,
      externalId: `bi${k}`,
      kind: x.kind,
      actorExternalId: `ba${x.actor}`,
      ...(x.content >= 0 ? { targetContentExternalId: `bc${x.content}` } : { targetAccountExternalId: `ba${x.target}` }),
      occurredAt: x.occurredAt,
    };
  }
}

/** Writes the world once; a finished file is reused (written under a temporary name first). */
export async function ensureBenchFile(w: World): Promise<string> {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, `import-v${GENERATOR_VERSION}-${w.interactions}.ndjson`);
  if (fs.existsSync(file)) return file;
  const tmp = `${file}.${process.pid}.tmp`;
  const out = fs.createWriteStream(tmp);
  let chunk = '';
  for (const row of worldRows(w)) {
    chunk += JSON.stringify(row) + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  fs.renameSync(tmp, file);
  return file;
}
