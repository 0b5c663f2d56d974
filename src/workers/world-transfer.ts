/**
 * A world's parts (WorldParts) on their way to other threads: their buffers, for a thread that will not use them
 * again to transfer them instead of copying tens of megabytes (the browser's volume check hands its world to the
 * run), or the parts with their arrays in shared memory (the CLI's main thread draws the world for every worker).
 */
import type { WorldParts } from '../generators/world';

type TypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

export function worldPartsBuffers(parts: WorldParts): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  mapArrays(parts, (array) => (found.add(array.buffer as ArrayBuffer), array));
  return [...found];
}

/**
 * The same parts with every typed array copied into shared memory (SharedArrayBuffer): sent to several workers, the
 * arrays are then one copy they all read, not one copy each (maps, sets and strings are still copied; they are small).
 */
export function inSharedMemory(parts: WorldParts): WorldParts {
  return mapArrays(parts, (array) => {
    const Kind = array.constructor as new (buffer: SharedArrayBuffer) => TypedArray;
    const copy = new Kind(new SharedArrayBuffer(array.byteLength));
    copy.set(array);
    return copy;
  }) as WorldParts;
}

/** The value with each typed array reached through plain objects replaced by f(array); anything else kept as is. */
function mapArrays(value: unknown, f: (array: TypedArray) => TypedArray): unknown {
  if (ArrayBuffer.isView(value)) return f(value as TypedArray);
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Map || value instanceof Set) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, mapArrays(inner, f)]));
}
