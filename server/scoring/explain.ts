import { INTERACTION_KINDS, InteractionKind } from '#shared/interactions';
import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from './config';
import type { PersonScore, ScoreComponents } from './types';

export interface ScoreComparison {
  different: boolean;
  higher: 'a' | 'b' | null;
  reason: string;
}

/**
 * Whether two people really differ: only when their bands do not overlap. Two scores of 51 and
 * 48 resting on a handful of reactions do not; the same two resting on thousands do.
 */
export function compareScores(a: PersonScore, b: PersonScore): ScoreComparison {
  const describe = (s: PersonScore) => `${s.score.toFixed(1)} (band ${s.band.low.toFixed(1)}–${s.band.high.toFixed(1)})`;
  if (a.band.low > b.band.high) {
    return { different: true, higher: 'a', reason: `${describe(a)} is above ${describe(b)}: the bands do not overlap` };
  }
  if (b.band.low > a.band.high) {
    return { different: true, higher: 'b', reason: `${describe(b)} is above ${describe(a)}: the bands do not overlap` };
  }
  return {
    different: false,
    higher: null,
    reason: `${describe(a)} and ${describe(b)} overlap: not enough evidence to say they differ`,
  };
}

export interface ScoreChange {
  /** after.score − before.score, one decimal. */
  delta: number;
  /** One line per component that moved, largest move first, e.g. "−3.0: shares per post fell from 4.1 to 1.2". */
  lines: string[];
}

const KIND_NOUN: Record<InteractionKind, string> = {
  [InteractionKind.LIKE]: 'likes',
  [InteractionKind.SHARE]: 'shares',
  [InteractionKind.REPLY]: 'replies',
  [InteractionKind.COMMENT]: 'comments',
  [InteractionKind.MENTION]: 'mentions',
  [InteractionKind.FOLLOW]: 'follows',
  [InteractionKind.CLICK]: 'clicks',
};

/** Smallest component move worth a line, in points. */
const MIN_LINE = 0.05;

/**
 * What changed between two scores of the same person (any two dates) and why: each component's
 * move in points, with the figure behind it. The lines add up to the change (up to rounding).
 */
export function explainChange(before: PersonScore, after: PersonScore, kindWeights: ScoringConfig['kindWeights'] = DEFAULT_SCORING_CONFIG.kindWeights): ScoreChange {
  const delta = Math.round((after.score - before.score) * 10) / 10;
  const moves = (Object.keys(after.components) as (keyof ScoreComponents)[])
    .map((name) => ({ name, points: after.components[name].contribution - before.components[name].contribution }))
    .filter((move) => Math.abs(move.points) >= MIN_LINE)
    .sort((x, y) => Math.abs(y.points) - Math.abs(x.points) || (x.name < y.name ? -1 : 1));
  if (moves.length === 0) return { delta, lines: [`${signed(0)}: no component moved by ${MIN_LINE} point or more`] };
  const lines = moves.map(({ name, points }) => `${signed(points)}: ${reasonFor(name, points, before, after, kindWeights)}`);
  return { delta, lines };
}

function reasonFor(name: keyof ScoreComponents, points: number, before: PersonScore, after: PersonScore, kindWeights: ScoringConfig['kindWeights']): string {
  switch (name) {
    case 'reach': {
      const reactors = relativeChange(before.evidence.distinctReactors, after.evidence.distinctReactors);
      const followers = relativeChange(before.figures.followers, after.figures.followers);
      if (followers > reactors) return movement('followers', before.figures.followers, after.figures.followers, 0);
      if (reactors > 0.01) return movement('people reacting', before.evidence.distinctReactors, after.evidence.distinctReactors);
      return movement('reach (people reacting, weighted by how selective they are)', before.components.reach.value, after.components.reach.value, 2);
    }
    case 'amplification': {
      // The kind whose weighted per-post rate moved most in the direction of the change, if one
      // did; otherwise the engagement per post itself (e.g. posts ageing faster than the
      // diminishing-returns engagement on them).
      let best: InteractionKind | null = null;
      let bestMove = 0.005;
      for (const kind of INTERACTION_KINDS) {
        const move = kindWeights[kind] * (after.figures.reactionsPerPost[kind] - before.figures.reactionsPerPost[kind]);
        if (Math.sign(move) === Math.sign(points) && Math.abs(move) > Math.abs(bestMove)) {
          best = kind;
          bestMove = move;
        }
      }
      const posts = relativeChange(before.figures.posts, after.figures.posts) > 0.2 ? ` (posts ${fmt(before.figures.posts)} → ${fmt(after.figures.posts)})` : '';
      if (best === null) return movement('engagement per post', before.components.amplification.value, after.components.amplification.value, 2) + posts;
      return movement(`${KIND_NOUN[best]} per post`, before.figures.reactionsPerPost[best], after.figures.reactionsPerPost[best]) + posts;
    }
    case 'networkImpact': {
      const influence = relativeChange(before.figures.reactorInfluence, after.figures.reactorInfluence);
      const reactors = relativeChange(before.evidence.distinctReactors, after.evidence.distinctReactors);
      // Quote the reactors' influence only when it really moved; otherwise the component's own value says more.
      if (influence >= reactors && influence > 0.01) {
        return movement("the reactors' influence (1 = reactors nobody reacts to)", before.figures.reactorInfluence, after.figures.reactorInfluence, 2);
      }
      return movement('people reacting, weighted by their influence', before.components.networkImpact.value, after.components.networkImpact.value);
    }
    case 'conversation':
      return movement('conversations (replies and comments, both ways)', before.evidence.conversations, after.evidence.conversations);
  }
}

function movement(what: string, from: number, to: number, digits = 1): string {
  const a = fmt(from, digits);
  const b = fmt(to, digits);
  if (a === b) return `${what} held at ${b}`;
  return `${what} ${to > from ? 'rose' : 'fell'} from ${a} to ${b}`;
}

function relativeChange(from: number, to: number): number {
  const scale = Math.max(Math.abs(from), Math.abs(to));
  return scale === 0 ? 0 : Math.abs(to - from) / scale;
}

function fmt(value: number, digits = 1): string {
  return value.toFixed(digits);
}

/** "+3.0", "−3.0" (a real minus sign), "0.0". */
function signed(points: number): string {
  const text = Math.abs(points).toFixed(1);
  if (text === '0.0') return '0.0';
  return `${points > 0 ? '+' : '\u2212'}${text}`;
}
