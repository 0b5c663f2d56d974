/**
 * The generator worker's API: build the world once, then generate chunk groups on request.
 * Environment-agnostic wiring over the engine; the browser and the CLI expose it with Comlink.
 */
import { transfer } from 'comlink';
import type { ColumnBatch } from '../generators/columns';
import { createWorld, generateGroup } from '../generators/engine';
import { volumeError } from '../generators/feasibility';
import type { Scenario } from '../generators/scenario/types';
import type { TableKey } from '../generators/tables';
import type { World } from '../generators/world';
import { UnitArena, inUnitArena } from '../generators/unit-arena';
import { SCHEMAS } from '../generators/schema';
import { encodeSegment, type EncodedSegment, type SegmentEncoding } from '../export/segments';
import { tallyBuffers, tallyUnit, type TallyRequest, type UnitPlace } from '../export/unit-tally';

export interface GeneratedGroup {
  readonly batches: ColumnBatch[];
  /** Which worker produced the group (tests check that work was spread). */
  readonly worker: number;
}

export interface GeneratorApi {
  /** Builds the world; returns the E_VOLUME message when the volumes cannot back its plan (SPEC 3.10). */
  init(scenario: Scenario, piiSecret?: string): string | null;
  generate(key: TableKey, first: number, count: number): GeneratedGroup;
  /**
   * Generates chunk groups (whole row groups for Parquet) and encodes them as one segment of the table's file
   * (the CSV header when `place` starts the file), with the unit's tallies; the rows themselves stay here.
   */
  segment(
    key: TableKey,
    groups: readonly (readonly [number, number])[],
    encoding: SegmentEncoding,
    tallies: TallyRequest,
    place: UnitPlace,
  ): Promise<EncodedSegment & { worker: number }>;
}

/** Buffers of a batch, for transfer without copying. */
export function batchBuffers(batches: readonly ColumnBatch[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const b of batches) {
    for (const c of b.columns) {
      const arrays = c.type === 'string' ? [c.offsets, c.bytes] : [c.values];
      if (c.valid) arrays.push(c.valid);
      for (const a of arrays) buffers.add(a.buffer as ArrayBuffer);
    }
  }
  return [...buffers];
}

export function createGeneratorApi(workerId: number): GeneratorApi {
  let world: World | null = null;
  // A unit's arrays die once it is encoded, so the next unit reuses their buffers (one arena per unit in flight).
  const arenas: UnitArena[] = [];
  return {
    init(scenario, piiSecret) {
      world = createWorld(scenario, piiSecret);
      return volumeError(world);
    },
    generate(key, first, count) {
      if (!world) throw new Error('generator worker used before init');
      const batches = generateGroup(world, key, first, count);
      return transfer({ batches, worker: workerId }, batchBuffers(batches));
    },
    async segment(key, groups, encoding, tallies, place) {
      if (!world) throw new Error('generator worker used before init');
      const arena = arenas.pop() ?? new UnitArena();
      try {
        const batches = inUnitArena(arena, () => groups.flatMap(([first, count]) => generateGroup(world!, key, first, count)));
        // The tally and the encoded bytes are allocated on their own: they leave this thread.
        const tally = tallyUnit(world.scenario, tallies, key, place, batches);
        const bytes = await encodeSegment(SCHEMAS[key], batches, encoding, place.startsFile);
        return transfer({ bytes, tally, worker: workerId }, [bytes.buffer as ArrayBuffer, ...tallyBuffers(tally)]);
      } finally {
        arena.reset();
        arenas.push(arena);
      }
    },
  };
}
