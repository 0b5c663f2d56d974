/**
 * Stable counting sorts of row indices by small integer keys, for the world's large planned-row
 * lists: a few linear passes instead of a comparison sort with a callback per comparison. Passes
 * from the least to the most significant key give the lexicographic order of the keys.
 */

const DIGIT_BITS = 16;
const DIGITS = 1 << DIGIT_BITS;

/** `order` stably sorted by keys[order[i]], keys integers in [0, buckets). Returns a new array. */
export function sortByBucket(order: Int32Array, buckets: number, keys: Int32Array): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < order.length; i++) start[keys[order[i]] + 1]++;
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[start[keys[order[i]]]++] = order[i];
  return out;
}

/**
 * `order` stably sorted by values[order[i]], for values that are integers (instants in µs, say):
 * least significant 16-bit digits of (value − minimum) first, read from its two 32-bit halves.
 */
export function sortByInteger(order: Int32Array, values: Float64Array): Int32Array {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < order.length; i++) {
    const v = values[order[i]];
    if (!Number.isInteger(v)) throw new RangeError(`sortByInteger needs integers (got ${v})`);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const low = new Int32Array(values.length);
  const high = new Int32Array(values.length);
  for (let i = 0; i < order.length; i++) {
    const v = values[order[i]] - min;
    high[order[i]] = Math.floor(v / 2 ** 32);
    low[order[i]] = v - high[order[i]] * 2 ** 32;
  }
  let sorted = order;
  const digits = new Int32Array(values.length);
  for (let pass = 0; pass < 4 && 2 ** (DIGIT_BITS * pass) <= max - min; pass++) {
    const word = pass < 2 ? low : high;
    const shift = (pass % 2) * DIGIT_BITS;
    for (let i = 0; i < order.length; i++) digits[order[i]] = (word[order[i]] >>> shift) & (DIGITS - 1);
    sorted = sortByBucket(sorted, DIGITS, digits);
  }
  return sorted;
}
