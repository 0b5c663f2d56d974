/** The deterministic randomness layer (SPEC 1.1) and the rounding and apportioning rules built on it (SPEC 1). */
export { Rng, WeightTable, uniformPick } from './xoshiro';
export { openStream } from './streams';
export { ln, exp } from './fdlibm';
export { KeyedPermutation } from './permutation';
export { createKeyedHasher, createKeyedHexWriter, createTokenizer, type KeyedHexWriter } from './keyed-hash';
export { apportion, assignApportioned, weightedSampleWithoutReplacement } from './apportion';
export { round, cents, toCents } from './round';
