/**
 * Comparators for `sort` that answer −1, 0 or 1. A comparator returning the difference of two instants (µs, far
 * past 2^30) hands V8's sort a boxed number for every comparison: at the production preset that was about 150 MB
 * of garbage per worker. Orders are the same as with the difference (NaN compares equal either way).
 */

/** Numbers in ascending order. */
export const ascending = (x: number, y: number): number => (x < y ? -1 : x > y ? 1 : 0);

/** Indexes ordered by key[index] ascending, ties by index. */
export function byKeyThenIndex(key: ArrayLike<number>): (a: number, b: number) => number {
  return (a, b) => (key[a] < key[b] ? -1 : key[a] > key[b] ? 1 : a - b);
}
