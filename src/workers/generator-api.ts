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
import type { World, WorldParts } from '../generators/world';
import { UnitArena, inUnitArena } from '../generators/unit-arena';
import { SCHEMAS } from '../generators/schema';
import { encodeSegment, type EncodedSegment, type SegmentEncoding } from '../export/segments';
import { tallyBuffers, tallyUnit, type TallyRequest, type UnitPlace, type UnitTally } from '../export/unit-tally';

export interface GeneratedGroup {
  readonly batches: ColumnBatch[];
  /** Which worker produced the group (tests check that work was spread). */
  readonly worker: number;
}

export interface GeneratorApi {
  /**
   * Builds the world, from `parts` another thread drew for the same scenario if given; returns the E_VOLUME message
   * when the volumes cannot back its plan (SPEC 3.10).
   */
  init(scenario: Scenario, piiSecret?: string, parts?: WorldParts): string | null;
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
  // A chunk group's arrays die once it is encoded, so the next group reuses their buffers (one arena per unit in flight).
  const arenas: UnitArena[] = [];
  return {
    init(scenario, piiSecret, parts) {
      world = createWorld(scenario, piiSecret, parts);
      return volumeError(world);
    },
    generate(key, first, count) {
      if (!world) throw new Error('generator worker used before init');
      const batches = generateGroup(world, key, first, count);
      return transfer({ batches, worker: workerId }, batchBuffers(batches));
    },
    async segment(key, groups, encoding, tallies, place) {
      if (!world) throw new Error('generator worker used before init');
      const generating = world;
      const arena = arenas.pop() ?? new UnitArena();
      const groupTallies: UnitTally[] = [];
      // Each chunk group is generated when the encoder asks for its rows, into the buffers of the group before it
      // (the encoder has copied that one), and tallied on its own: the tallies merge in order (unit-tally.ts).
      function* groupsInTurn(): Generator<ColumnBatch> {
        let firstRow = place.firstRow;
        for (const [g, [first, count]] of groups.entries()) {
          arena.reset();
          const batches = inUnitArena(arena, () => generateGroup(generating, key, first, count));
          // The tally and the encoded bytes are allocated on their own: they leave this thread.
          groupTallies.push(tallyUnit(generating.scenario, tallies, key, { ...place, firstRow, startsFile: place.startsFile && g === 0 }, batches));
          firstRow += batches.reduce((n, b) => n + b.length, 0);
          yield* batches;
        }
      }
      try {
        const bytes = await encodeSegment(SCHEMAS[key], groupsInTurn(), encoding, place.startsFile);
        return transfer({ bytes, tallies: groupTallies, worker: workerId }, [bytes.buffer as ArrayBuffer, ...groupTallies.flatMap(tallyBuffers)]);
      } finally {
        arena.reset();
        arenas.push(arena);
      }
    },
  };
}
