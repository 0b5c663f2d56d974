/** A world's parts in shared memory (the CLI's workers read one copy) or handed over (the browser's volume check). */
import { describe, expect, it } from 'vitest';
import { createWorld, generateGroup, planTables } from '../generators/engine';
import { resolveScenario } from '../generators/scenario/validate';
import { worldParts } from '../generators/world';
import { inSharedMemory, worldPartsBuffers } from './world-transfer';
import { differingColumns } from '../testing/column-bytes';

function smallScenario() {
  const result = resolveScenario({ preset: 'small', start: '2026-10-01', days: 7, seed: 42, today: 0 } as never);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.scenario;
}

/** Every typed array reachable in plain objects of a value. */
function typedArrays(value: unknown): ArrayBufferView[] {
  if (ArrayBuffer.isView(value)) return [value];
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Map || value instanceof Set) return [];
  return Object.values(value).flatMap(typedArrays);
}

describe('world parts across threads', () => {
  it('in shared memory: every array is a copy in a SharedArrayBuffer, and a world built from them writes the same rows', () => {
    const scenario = smallScenario();
    const drawn = createWorld(scenario);
    const parts = worldParts(drawn);
    const shared = inSharedMemory(parts);
    const [before, after] = [typedArrays(parts), typedArrays(shared)];
    expect(after.length).toBe(before.length);
    expect(after.length).toBeGreaterThan(30);
    after.forEach((array, i) => {
      expect(array.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Buffer.from(array.buffer, array.byteOffset, array.byteLength).equals(Buffer.from(before[i].buffer, before[i].byteOffset, before[i].byteLength))).toBe(true);
    });
    expect(shared.plan.ctrVisits).toBe(parts.plan.ctrVisits); // maps and sets are left for the message to copy
    const adopted = createWorld(scenario, undefined, shared);
    for (const plan of planTables(scenario)) {
      const [left, right] = [generateGroup(adopted, plan.key, 0, 1), generateGroup(drawn, plan.key, 0, 1)];
      expect(left[0].columns.length, plan.key).toBeGreaterThan(0);
      expect(differingColumns(left, right), plan.key).toEqual([]);
    }
  });

  it('lists each buffer of the parts once, for a transfer', () => {
    const parts = worldParts(createWorld(smallScenario()));
    const buffers = worldPartsBuffers(parts);
    expect(new Set(buffers).size).toBe(buffers.length);
    for (const array of typedArrays(parts)) expect(buffers).toContain(array.buffer);
  });
});
