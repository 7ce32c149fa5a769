/**
 * Numeric id → position. Database ids are small dense integers, so when they are, a typed array
 * answers in one load; otherwise (sparse or odd ids) a Map does. Either way -1 means "unknown".
 */
export class IdIndex {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;

  /** ids[position] = id; ids must be distinct. */
  constructor(ids: ArrayLike<number>) {
    let max = -1;
    let denseOk = true;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!Number.isInteger(id) || id < 0) {
        denseOk = false;
        break;
      }
      if (id > max) max = id;
    }
    // Dense only while the table stays within a few times the number of ids.
    if (denseOk && max < 4 * ids.length + 1024) {
      const dense = new Int32Array(max + 1).fill(-1);
      for (let i = 0; i < ids.length; i++) dense[ids[i]] = i;
      this.dense = dense;
      this.sparse = null;
    } else {
      const sparse = new Map<number, number>();
      for (let i = 0; i < ids.length; i++) sparse.set(ids[i], i);
      this.sparse = sparse;
      this.dense = null;
    }
  }

  get(id: number): number {
    if (this.dense !== null) {
      return id >= 0 && id < this.dense.length && Number.isInteger(id) ? this.dense[id] : -1;
    }
    return this.sparse!.get(id) ?? -1;
  }
}

/** Position of `value` in the ascending values[from, to), by binary search; -1 if absent. */
export function searchSorted(values: ArrayLike<number>, value: number, from = 0, to = values.length): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid];
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Sorted distinct values. */
export function sortedDistinct(values: Float64Array): Float64Array {
  const sorted = values.slice().sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[count++] = sorted[i];
  }
  return sorted.slice(0, count);
}
