import { describe, expect, it } from 'vitest';
import { UnitArena, inUnitArena, outsideUnitArena, unitFloat64, unitInt32, unitUint8 } from './unit-arena';
import { perWorld } from './world/per-world';
import type { World } from './world';

describe('unit arena', () => {
  it('hands out zeroed arrays that the next unit reuses', () => {
    const arena = new UnitArena();
    // 4.8 MB: over half of a buffer, so the buffer is kept for the next unit.
    const first = inUnitArena(arena, () => {
      const a = unitFloat64(600_000);
      a.fill(7);
      return a;
    });
    expect(first.byteOffset % 8).toBe(0);
    arena.reset();
    const second = inUnitArena(arena, () => unitFloat64(600_000));
    expect(second.buffer).toBe(first.buffer);
    expect(second.every((v) => v === 0)).toBe(true);
  });

  it('gives arrays of their own outside an arena and inside outsideUnitArena', () => {
    const own = unitInt32(10);
    expect(own.buffer.byteLength).toBe(40);
    const arena = new UnitArena();
    const [kept, taken] = inUnitArena(arena, () => [outsideUnitArena(() => unitUint8(10)), unitUint8(10)]);
    expect(kept.buffer.byteLength).toBe(10);
    expect(taken.buffer.byteLength).toBeGreaterThan(10);
  });

  it('keeps values derived per world out of the arena', () => {
    const arena = new UnitArena();
    const scratch = perWorld(() => unitInt32(16));
    const world = {} as World;
    const derived = inUnitArena(arena, () => scratch(world));
    arena.reset();
    inUnitArena(arena, () => unitInt32(16).fill(-1));
    expect(derived.buffer.byteLength).toBe(64);
    expect(derived.every((v) => v === 0)).toBe(true);
  });

  it('leaves one buffer the size of the last unit: merged after a large one, smaller after a small one', () => {
    const arena = new UnitArena();
    inUnitArena(arena, () => {
      for (let i = 0; i < 5; i++) unitUint8(3 << 20);
    });
    expect(arena.capacity).toBeGreaterThan(15 << 20);
    arena.reset();
    const arrays = inUnitArena(arena, () => Array.from({ length: 5 }, () => unitUint8(3 << 20)));
    expect(new Set(arrays.map((a) => a.buffer)).size).toBe(1);
    expect(arena.capacity).toBe(15 << 20);
    arena.reset();
    inUnitArena(arena, () => unitUint8(1 << 20));
    arena.reset();
    expect(arena.capacity).toBe(8 << 20);
  });
});
