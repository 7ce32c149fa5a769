/**
 * Kendall's τ-b between two rankings, in O(n log n) by Knight's algorithm (W. R. Knight, "A Computer
 * Method for Calculating Kendall's Tau with Ungrouped Data", JASA 61, 1966), with ties on both sides:
 *
 *   τ-b = (n0 − n1 − n2 + n3 − 2·D) / √((n0 − n1)(n0 − n2))
 *
 * n0 = n(n−1)/2 pairs, n1 pairs tied in x, n2 tied in y, n3 tied in both, D discordant pairs (the
 * swaps a merge sort of y makes once the items are ordered by x, then y). 0 when either side is
 * constant. Values must not be NaN.
 */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new Error(`kendallTauB: ${n} values against ${y.length}`);
  for (let i = 0; i < n; i++) if (Number.isNaN(x[i]) || Number.isNaN(y[i])) throw new Error('kendallTauB: NaN value');
  if (n < 2) return 0;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  const n0 = (n * (n - 1)) / 2;
  let n1 = 0;
  let n3 = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && x[order[j]] === x[order[i]]) j++;
    n1 += ((j - i) * (j - i - 1)) / 2;
    // Within an x tie, y is sorted: runs of equal y are the pairs tied on both sides.
    for (let a = i; a < j; ) {
      let b = a + 1;
      while (b < j && y[order[b]] === y[order[a]]) b++;
      n3 += ((b - a) * (b - a - 1)) / 2;
      a = b;
    }
    i = j;
  }
  const values = Float64Array.from(order, (i) => y[i]);
  const swaps = mergeSortCountingSwaps(values);
  let n2 = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && values[j] === values[i]) j++;
    n2 += ((j - i) * (j - i - 1)) / 2;
    i = j;
  }
  const denominator = Math.sqrt((n0 - n1) * (n0 - n2));
  return denominator === 0 ? 0 : (n0 - n1 - n2 + n3 - 2 * swaps) / denominator;
}

/** Sorts in place (bottom-up, stable) and returns the number of strictly inverted pairs. */
function mergeSortCountingSwaps(values: Float64Array<ArrayBuffer>): number {
  const n = values.length;
  let from = values;
  let to = new Float64Array(n);
  let swaps = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (from[j] < from[i]) {
          swaps += mid - i; // from[j] jumps ahead of every item left in the first half
          to[k++] = from[j++];
        } else to[k++] = from[i++];
      }
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    [from, to] = [to, from];
  }
  if (from !== values) values.set(from);
  return swaps;
}
