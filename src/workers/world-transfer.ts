/**
 * The buffers of a world's parts (WorldParts), so that a thread that will not use them again can transfer them to
 * another instead of copying tens of megabytes: the volume check hands the world it drew to the run.
 */
import type { WorldParts } from '../generators/world';

export function worldPartsBuffers(parts: WorldParts): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const walk = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) found.add(value.buffer as ArrayBuffer);
    else if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set)) {
      for (const inner of Object.values(value)) walk(inner);
    }
  };
  walk(parts);
  return [...found];
}

type TypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/**
 * The same parts with every typed array copied into shared memory (SharedArrayBuffer): sent to several workers, the
 * arrays are then one copy they all read, not one copy each (maps, sets and strings are still copied; they are small).
 */
export function inSharedMemory(parts: WorldParts): WorldParts {
  const share = (value: unknown): unknown => {
    if (ArrayBuffer.isView(value)) {
      const array = value as TypedArray;
      const Kind = array.constructor as new (buffer: SharedArrayBuffer) => TypedArray;
      const copy = new Kind(new SharedArrayBuffer(array.byteLength));
      copy.set(array);
      return copy;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Map || value instanceof Set) return value;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, share(inner)]));
  };
  return share(parts) as WorldParts;
}
