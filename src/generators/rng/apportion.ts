/**
 * Apportionment and weighted sampling without replacement (SPEC 1 "Apportion", SPEC 1.1 "Shuffle").
 *
 * @example apportion(500, [0.3, 0.1, 0.25, 0.2, 0.1, 0.04, 0.01]) // [150, 50, 125, 100, 50, 20, 5]
 */
import { ln } from './fdlibm';
import type { Rng } from './xoshiro';

/**
 * Quotas are snapped to multiples of 2^-30 before taking floors and remainders, so float noise from decimal
 * weights (0.1 + 0.2 ≠ 0.3) neither turns an exact quota into a fraction nor breaks a tie the decimal
 * weights intend. Scaling by a power of two is exact, so this is deterministic everywhere.
 */
const SNAP = 2 ** 30;

function checkWeights(weights: ArrayLike<number>, what: string): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!(w >= 0 && w < Infinity)) throw new RangeError(`${what}: weight ${i} must be finite and >= 0 (got ${w})`);
    sum += w;
  }
  return sum;
}

/**
 * Splits an integer total by weights with the largest-remainder method; equal remainders go to the category
 * listed first. The counts sum to total exactly; a zero-weight category gets 0.
 */
export function apportion(total: number, weights: readonly number[]): Int32Array {
  if (!(total >= 0 && total <= 0x7fffffff) || Math.floor(total) !== total) {
    throw new RangeError(`apportion: total must be an integer in 0..2^31-1 (got ${total})`);
  }
  const n = weights.length;
  if (n === 0) throw new RangeError('apportion: needs at least one weight');
  const sum = checkWeights(weights, 'apportion');
  const counts = new Int32Array(n);
  if (total === 0) return counts;
  if (!(sum > 0 && sum < Infinity)) throw new RangeError('apportion: weights must have a positive finite sum');
  const remainders = new Float64Array(n);
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const quota = Math.round(((total * weights[i]) / sum) * SNAP) / SNAP;
    const whole = Math.floor(quota);
    counts[i] = whole;
    remainders[i] = quota - whole;
    assigned += whole;
  }
  let rest = total - assigned;
  if (rest === 0) return counts;
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (weights[i] > 0) order.push(i);
  order.sort((a, b) => remainders[b] - remainders[a] || a - b);
  // Snapping keeps |rest| within the category count; the loops only guard against pathological rounding.
  for (let j = 0; rest > 0; j++, rest--) counts[order[j % order.length]]++;
  for (let j = order.length - 1; rest < 0; j = (j + order.length - 1) % order.length) {
    if (counts[order[j]] > 0) {
      counts[order[j]]--;
      rest++;
    }
  }
  return counts;
}

/**
 * An apportioned attribute assigned to members by a seeded shuffle (SPEC 1 "Apportion"): the counts of
 * apportion(total, weights) laid out in category order, then rng.shuffle. Returns each member's category.
 */
export function assignApportioned(rng: Rng, total: number, weights: readonly number[]): Uint8Array {
  if (weights.length > 256) throw new RangeError(`assignApportioned: at most 256 categories (got ${weights.length})`);
  const counts = apportion(total, weights);
  const categories = new Uint8Array(total);
  let at = 0;
  for (let c = 0; c < counts.length; c++) {
    categories.fill(c, at, at + counts[c]);
    at += counts[c];
  }
  rng.shuffle(categories);
  return categories;
}

/** True when item a's key ranks above item b's: larger key, then lower index. */
function ranksAbove(keys: Float64Array, a: number, b: number): boolean {
  return keys[a] > keys[b] || (keys[a] === keys[b] && a < b);
}

/**
 * Weighted sampling of m items without replacement (SPEC 1.1): key_i = ln(U(0,1)) / w_i, one draw per item in
 * index order (zero-weight items included, so the stream position depends only on the item count); the m
 * largest keys win, ties to the lower index; zero-weight items are never chosen. Returns the chosen indices
 * by descending key.
 */
export function weightedSampleWithoutReplacement(rng: Rng, weights: ArrayLike<number>, m: number): Int32Array {
  const n = weights.length;
  checkWeights(weights, 'weightedSampleWithoutReplacement');
  let eligible = 0;
  for (let i = 0; i < n; i++) if (weights[i] > 0) eligible++;
  if (!(m >= 0 && m <= eligible) || Math.floor(m) !== m) {
    throw new RangeError(`weightedSampleWithoutReplacement: m must be an integer in 0..${eligible} (got ${m})`);
  }
  const keys = new Float64Array(n);
  // heap[0] is the lowest-ranked of the m best so far.
  const heap = new Int32Array(m);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    keys[i] = ln(rng.uniform()) / w;
    if (w === 0 || m === 0) continue;
    if (size < m) {
      let c = size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!ranksAbove(keys, heap[p], i)) break;
        heap[c] = heap[p];
        c = p;
      }
      heap[c] = i;
    } else if (ranksAbove(keys, i, heap[0])) {
      siftDown(heap, keys, i, size);
    }
  }
  return heap.sort((a, b) => (ranksAbove(keys, a, b) ? -1 : 1));
}

/** Replaces the heap's root with item and restores the order (lowest-ranked at the root). */
function siftDown(heap: Int32Array, keys: Float64Array, item: number, size: number): void {
  let c = 0;
  for (;;) {
    let child = 2 * c + 1;
    if (child >= size) break;
    if (child + 1 < size && ranksAbove(keys, heap[child], heap[child + 1])) child++;
    if (!ranksAbove(keys, item, heap[child])) break;
    heap[c] = heap[child];
    c = child;
  }
  heap[c] = item;
}
