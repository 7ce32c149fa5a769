/**
 * Authenticity: detectors that find manipulation in the same plain records the score reads, each
 * flag with its evidence, and the discounts that make the manipulation count for little or
 * nothing in the score (scorePeople's `discounts`). Pure like the rest of the engine.
 */
import { DEFAULT_AUTHENTICITY_CONFIG } from './config';
import { detectBursts } from './bursts';
import { detectDuplicates } from './duplicates';
import { FlagCollector } from './flags';
import { detectKTrading } from './k-trading';
import { detectMassFollow } from './mass-follow';
import { detectRings } from './rings';
import { detectSelfEngagement } from './self-engagement';
import { detectSockPuppets } from './sock-puppets';
import type { AuthenticityInput, AuthenticityResult } from './types';
import { AccountWorld } from './world';

export type {
  AuthenticityConfig,
  AuthenticityDiscounts,
  AuthenticityFlag,
  AuthenticityInput,
  AuthenticityResult,
  ContentText,
  FlagEffect,
  FlagEvidence,
  FlagWindow,
} from './types';
export { DEFAULT_AUTHENTICITY_CONFIG } from './config';
export { countedKGrants, hasDiscounts, interactionWeights } from './discounts';
export { emptyDiscounts, flagKey } from './flags';
export { textHash } from './text-hash';
export { measureScoreEffects } from './score-effect';

/** Runs every detector over the data as it stood at `asOf`. */
export function detectAuthenticity(input: AuthenticityInput): AuthenticityResult {
  const config = { ...DEFAULT_AUTHENTICITY_CONFIG, ...input.config };
  const timings: Record<string, number> = {};
  const timed = <T>(name: string, run: () => T): T => {
    const t0 = performance.now();
    const result = run();
    timings[name] = performance.now() - t0;
    return result;
  };
  const world = timed('prepare', () => new AccountWorld(input));
  const out = new FlagCollector();
  timed('SELF_ENGAGEMENT', () => detectSelfEngagement(world, config, out));
  timed('MASS_FOLLOW', () => detectMassFollow(world, config, out));
  const inBurst = timed('BURST', () => detectBursts(world, config, out));
  timed('SOCK_PUPPET', () => detectSockPuppets(world, config, out, inBurst));
  timed('ENGAGEMENT_RING', () => detectRings(world, config, out));
  timed('DUPLICATE_CONTENT', () => detectDuplicates(world, config, out));
  timed('K_TRADING', () => detectKTrading(world, config, out));
  const { flags, discounts, authenticity } = timed('finish', () => out.finish(input.dismissed));
  return { asOf: input.asOf, flags, authenticity, discounts, timings };
}
