/**
 * Unit tallies merged in file order give what one pass over every row gives, whatever the units (the rows are
 * tallied where they are generated, in units of any size), and the preview's sample is spread over the whole file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sliceBatch, type ColumnBatch } from '../generators/columns';
import { resolveScenario } from '../generators/scenario/validate';
import { SCHEMAS } from '../generators/schema';
import type { TableKey } from '../generators/tables';
import { ChartAccumulator, tallyCharts } from './chart-data';
import { IntegrityCollector } from './integrity';
import { tallyIntegrity } from './integrity-tally';
import { createRun } from './run';
import { tallyUnit } from './unit-tally';
import { FilingCounter } from './filing-counts';

const resolved = resolveScenario({ preset: 'small', start: '2026-10-01', end: '2026-10-08', seed: 9, today: 0 });
if (!resolved.ok) throw new Error(resolved.errors.map((e) => e.message).join('\n'));
const scenario = resolved.scenario;
const tables: [TableKey, ColumnBatch[]][] = [];

beforeAll(async () => {
  const run = createRun(scenario);
  for (const plan of run.plans) {
    const chunks: ColumnBatch[] = [];
    for await (const c of run.table(plan.key).chunks()) chunks.push(c);
    tables.push([plan.key, chunks]);
  }
});

/** A table's rows cut into units of `size` rows (the last shorter), each a list of batches. */
function unitsOf(chunks: readonly ColumnBatch[], size: number): ColumnBatch[][] {
  const units: ColumnBatch[][] = [];
  for (const chunk of chunks) for (let from = 0; from < chunk.length; from += size) units.push([sliceBatch(chunk, from, Math.min(chunk.length, from + size))]);
  return units;
}

describe('unit tallies merged in file order', () => {
  it.each([1, 997, 4_096])('integrity checks and charts equal one pass over each whole table (units of %i rows)', (size) => {
    const whole = new IntegrityCollector(scenario);
    const wholeCharts = new ChartAccumulator(scenario);
    const merged = new IntegrityCollector(scenario);
    const mergedCharts = new ChartAccumulator(scenario);
    for (const [key, chunks] of tables) {
      whole.merge(tallyIntegrity(scenario, key, chunks));
      wholeCharts.merge(tallyCharts(scenario, key, chunks));
      // Units of a single row put every cage gaming day across many units, and every patron-day at an edge.
      for (const unit of unitsOf(chunks, size === 1 && key !== 'financial' ? 8_192 : size)) {
        merged.merge(tallyIntegrity(scenario, key, unit));
        mergedCharts.merge(tallyCharts(scenario, key, unit));
      }
    }
    expect(merged.result()).toEqual(whole.result());
    expect(merged.result().filter((c) => !c.pass)).toEqual([]);
    expect(mergedCharts.result()).toEqual(wholeCharts.result());
  });

  it('the filing counts summed over units equal the counts of the whole table', () => {
    const [, compliance] = tables.find(([k]) => k === 'compliance')!;
    const counter = new FilingCounter();
    compliance.forEach((c) => counter.add(c));
    const merged = new FilingCounter();
    for (const [i, unit] of unitsOf(compliance, 333).entries()) {
      merged.merge(tallyUnit(scenario, { checks: false, examples: false, previewRows: 0 }, 'compliance', { firstRow: i * 333, tableRows: 0, startsFile: i === 0 }, unit).filings!);
    }
    const sum = merged.result();
    expect(sum).toEqual(counter.result());
    expect(sum.ctr + sum.sar + sum.w2g).toBe(scenario.counts.compliance);
  });
});

describe('the preview sample', () => {
  it('takes rows ⌊j·N/S⌋ of the whole file, whichever units they fall in, in file order', () => {
    const [, slots] = tables.find(([k]) => k === 'slots')!;
    const rows = slots.reduce((n, c) => n + c.length, 0);
    const size = 1_000;
    const sample: ColumnBatch[] = [];
    let firstRow = 0;
    for (const unit of unitsOf(slots, 777)) {
      const tally = tallyUnit(scenario, { checks: false, examples: false, previewRows: size }, 'slots', { firstRow, tableRows: rows, startsFile: firstRow === 0 }, unit);
      if (tally.sample) sample.push(tally.sample);
      firstRow += unit[0].length;
    }
    expect(sample.reduce((n, b) => n + b.length, 0)).toBe(size);
    const ids = SCHEMAS.slots.columns.findIndex((c) => c.name === 'event_id');
    const idAt = (batches: readonly ColumnBatch[], row: number) => {
      for (const b of batches) {
        if (row < b.length) {
          const c = b.columns[ids];
          if (c.type !== 'string') throw new Error('event_id');
          return new TextDecoder().decode(c.bytes.subarray(c.offsets[row], c.offsets[row + 1]));
        }
        row -= b.length;
      }
      throw new Error(`row ${row} past the end`);
    };
    for (const j of [0, 1, 499, 998, 999]) expect(idAt(sample, j), `sample row ${j}`).toBe(idAt(slots, Math.floor((j * rows) / size)));
  });

  it('spans the whole window of a table larger than the sample', () => {
    const [, slots] = tables.find(([k]) => k === 'slots')!;
    const rows = slots.reduce((n, c) => n + c.length, 0);
    const time = SCHEMAS.slots.columns.findIndex((c) => c.name === 'event_timestamp');
    const tally = tallyUnit(scenario, { checks: false, examples: false, previewRows: 100 }, 'slots', { firstRow: 0, tableRows: rows, startsFile: true }, slots);
    const times = tally.sample!.columns[time];
    if (times.type !== 'timestamp') throw new Error('event_timestamp');
    const day = 86_400_000_000;
    expect(tally.sample!.length).toBe(100);
    expect(times.values[0]).toBeLessThan(scenario.start + day);
    expect(times.values[99]).toBeGreaterThan(scenario.end - day);
  });
});
