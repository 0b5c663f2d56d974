/** Chunk geometry, quantile placement and planned-row replacement (SPEC 3.2). */
import { CHUNK_ROWS } from './tables';
import type { TimeAxis } from './time/intensity';
import { unitFloat64, unitInt32 } from './unit-arena';
import { byKeyThenIndex } from './sort-order';

/** Rows of chunk k in a file of `total` rows. */
export function chunkLength(total: number, k: number): number {
  return Math.max(0, Math.min(CHUNK_ROWS, total - k * CHUNK_ROWS));
}

export function chunkCount(total: number): number {
  return Math.ceil(total / CHUNK_ROWS);
}

/**
 * Work units: runs of chunks generated together. Each chunk is its own unit, except that a last
 * chunk under half a chunk joins the one before it (SPEC 4.3 hold control groups).
 */
export function chunkGroups(total: number): [first: number, count: number][] {
  const chunks = chunkCount(total);
  const groups: [number, number][] = [];
  for (let k = 0; k < chunks; k++) groups.push([k, 1]);
  if (chunks >= 2 && chunkLength(total, chunks - 1) < CHUNK_ROWS / 2) {
    groups.pop();
    groups[groups.length - 1] = [chunks - 2, 2];
  }
  return groups;
}

/** Quantile instants t_i = Λ⁻¹((i + u_i) / N) of one chunk; `u` holds the chunk's u_i. */
export function quantileInstants(axis: TimeAxis, total: number, k: number, u: Float64Array): Float64Array {
  const out = quantileFractions(total, k * CHUNK_ROWS, u);
  axis.quantilesInPlace(out);
  return out;
}

/**
 * (base + i + u_i) / total, which ascends with i, so one forward walk over the axis finds every instant. A function
 * of its own: a loop compiled while it runs (on-stack replacement) would otherwise end in the axis call it had
 * not yet seen, and be thrown away there on every chunk.
 */
function quantileFractions(total: number, base: number, u: Float64Array): Float64Array {
  const out = unitFloat64(u.length);
  for (let i = 0; i < u.length; i++) out[i] = (base + i + u[i]) / total;
  return out;
}

/**
 * For each target instant τ (in order), the row whose quantile instant is nearest τ and is neither
 * locked (a unit's first row) nor already taken; ties go to the lower index. −1 when none is left.
 * Marks the chosen rows in `locked`.
 */
export function chooseReplacedRows(instants: Float64Array, locked: Uint8Array, targets: ArrayLike<number>): Int32Array {
  const chosen = new Int32Array(targets.length);
  for (let j = 0; j < targets.length; j++) {
    const tau = targets[j];
    let hi = lowerBound(instants, tau);
    let lo = hi - 1;
    while (lo >= 0 && locked[lo]) lo--;
    while (hi < instants.length && locked[hi]) hi++;
    let pick = -1;
    if (lo >= 0 && hi < instants.length) pick = tau - instants[lo] <= instants[hi] - tau ? lo : hi;
    else if (lo >= 0) pick = lo;
    else if (hi < instants.length) pick = hi;
    chosen[j] = pick;
    if (pick >= 0) locked[pick] = 1;
  }
  return chosen;
}

/**
 * Final row order of a chunk: by instant, ties by quantile index. Only the `moved` rows changed
 * instant, so the rest is already sorted and one merge suffices.
 */
export function sortedOrder(instants: Float64Array, moved: Uint8Array): Int32Array {
  const n = instants.length;
  let shiftedCount = 0;
  for (let i = 0; i < n; i++) shiftedCount += moved[i];
  const still = unitInt32(n - shiftedCount);
  const shifted = unitInt32(shiftedCount);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (moved[i]) shifted[b++] = i;
    else still[a++] = i;
  }
  if (shiftedCount === 0) return still;
  shifted.sort(byKeyThenIndex(instants));
  const order = unitInt32(n);
  let a = 0;
  let b = 0;
  for (let r = 0; r < n; r++) {
    if (b >= shifted.length) order[r] = still[a++];
    else if (a >= still.length) order[r] = shifted[b++];
    else {
      const x = still[a];
      const y = shifted[b];
      order[r] = instants[x] < instants[y] || (instants[x] === instants[y] && x < y) ? still[a++] : shifted[b++];
    }
  }
  return order;
}

function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index range [from, to) of sorted `instants` owned by chunk k (k·C ≤ N·Λ(τ) < (k+1)·C). */
export function ownedRange(axis: TimeAxis, instants: Float64Array, total: number, k: number): [number, number] {
  const owner = (t: number): number => owningChunk(axis, t, total);
  const first = (target: number): number => {
    let lo = 0;
    let hi = instants.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (owner(instants[mid]) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [first(k), first(k + 1)];
}

/** The chunk that owns instant τ: k with k·C ≤ N·Λ(τ) < (k+1)·C, clamped to the last chunk. */
export function owningChunk(axis: TimeAxis, t: number, total: number): number {
  const k = Math.floor((total * axis.fraction(t)) / CHUNK_ROWS);
  return Math.min(k, Math.max(0, chunkCount(total) - 1));
}
