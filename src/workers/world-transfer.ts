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
