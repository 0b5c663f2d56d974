/**
 * A value derived from a world (vocabularies, the cage ledger, scratch arrays), computed on first use and kept as
 * long as the world lives; chunks of any table reuse it instead of deriving it again. Its arrays are allocated on
 * their own, never from a unit's arena (unit-arena.ts).
 *
 * @example
 * const machinePaid = perWorld((world) => Uint8Array.from(world.floor.machines, (m) => (m.machinePaidJackpots ? 1 : 0)));
 */
import type { World } from './index';
import { outsideUnitArena } from '../unit-arena';

export function perWorld<T>(derive: (world: World) => T): (world: World) => T {
  const cache = new WeakMap<World, T>();
  return (world) => {
    let value = cache.get(world);
    // Derived inside a unit but kept with the world: its arrays must not come from the unit's arena.
    if (value === undefined) cache.set(world, (value = outsideUnitArena(() => derive(world))));
    return value;
  };
}
