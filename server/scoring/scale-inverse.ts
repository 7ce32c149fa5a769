import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from './config';
import { toScale } from './scale';

const bits = new BigUint64Array(1);
const double = new Float64Array(bits.buffer);
/** The bit pattern of +Infinity; non-negative doubles order as their bit patterns do. */
const INFINITY_BITS = 0x7ff0000000000000n;

function fromBits(b: bigint): number {
  bits[0] = b;
  return double[0];
}

/**
 * The inverse of toScale for comparisons: the least raw value r with toScale(r) ≥ score, so that
 *
 *   toScale(raw) ≥ score  ⇔  raw ≥ fromScale(score)
 *
 * holds for every raw value, exactly as JavaScript computes toScale (not as the formula would on
 * paper): a bound on the 1–100 scale becomes a bound on the stored raw value. −Infinity when every
 * raw value qualifies (score ≤ toScale(0) = 1), +Infinity when none does (score > 100).
 *
 * Found by bisection over the bit patterns of non-negative doubles (at most 63 evaluations of
 * toScale), which relies only on toScale never decreasing as raw grows; it is strictly increasing on
 * paper, and each floating-point step it takes (division, power, addition) keeps that order. So it
 * also handles both ends where toScale saturates in doubles: the raw values above which it is 100.0
 * exactly, and the tiny ones below which it is 1.0.
 */
export function fromScale(score: number, scale: ScoringConfig['scale'] = DEFAULT_SCORING_CONFIG.scale): number {
  if (Number.isNaN(score)) throw new RangeError('fromScale: score is NaN');
  if (toScale(0, scale) >= score) return -Infinity;
  if (!(toScale(Infinity, scale) >= score)) return Infinity;
  // toScale(lo) < score ≤ toScale(hi) throughout.
  let lo = 0n;
  let hi = INFINITY_BITS;
  while (hi - lo > 1n) {
    const mid = (lo + hi) >> 1n;
    if (toScale(fromBits(mid), scale) >= score) hi = mid;
    else lo = mid;
  }
  return fromBits(hi);
}
