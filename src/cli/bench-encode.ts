/**
 * `node dist-cli/bench-encode.mjs <preset> <start> <end>`: parquet-wasm alone encoding every table of a preset,
 * one thread, each row group's rows generated first and not timed. The floor that `npm run bench:browser`
 * compares its click-to-files time with. Prints one JSON line (not part of the CLI).
 */
import { createWorld, generateGroup, planTables } from '../generators/engine';
import { resolveScenario } from '../generators/scenario/validate';
import { SCHEMAS } from '../generators/schema';
import { encodeSegment, rowGroupUnits } from '../export/segments';
import type { PresetName } from '../generators/scenario/presets';

const [preset, start, end] = process.argv.slice(2);
const result = resolveScenario({ preset: preset as PresetName, start, end, seed: 42, today: 0 });
if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
const scenario = result.scenario;
const world = createWorld(scenario);
let encodeMs = 0;
let rows = 0;
for (const plan of planTables(scenario)) {
  for (const unit of rowGroupUnits(plan)) {
    const batches = unit.groups.flatMap(([first, count]) => generateGroup(world, plan.key, first, count));
    const t = performance.now();
    await encodeSegment(SCHEMAS[plan.key], batches, scenario, true);
    encodeMs += performance.now() - t;
  }
  rows += plan.rows;
}
process.stdout.write(`${JSON.stringify({ preset, rows, encodeMs })}\n`);
