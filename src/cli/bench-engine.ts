/**
 * In-process engine measurements for `npm run bench` (not part of the CLI): slot generation
 * alone on this thread, then Arrow record batches built from it, then parquet-wasm alone encoding the same batches (the limit the
 * end-to-end pipeline is compared against). Prints one JSON line.
 */
import { toArrowSchema, toRecordBatch } from '../export/arrow';
import { encodeParquet } from '../export/parquet';
import type { ColumnBatch } from '../generators/columns';
import { createWorld, generateGroup, planTables } from '../generators/engine';
import { resolveScenario } from '../generators/scenario/validate';
import { SCHEMAS } from '../generators/schema';

const rows = Number(process.argv[2] ?? 500_000);
const result = resolveScenario({ counts: { slots: rows }, start: '2026-10-01', days: 30, seed: 42, today: 0 });
if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
const scenario = result.scenario;
let t = performance.now();
const world = createWorld(scenario);
const worldMs = performance.now() - t;
const [plan] = planTables(scenario);
const batches: ColumnBatch[] = [];
t = performance.now();
for (const [first, count] of plan.groups) batches.push(...generateGroup(world, 'slots', first, count));
const generateMs = performance.now() - t;
t = performance.now();
const arrowSchema = toArrowSchema(SCHEMAS.slots);
for (const batch of batches) toRecordBatch(SCHEMAS.slots, batch, arrowSchema);
const arrowMs = performance.now() - t;
t = performance.now();
let bytes = 0;
for await (const piece of encodeParquet(SCHEMAS.slots, batches, { compression: 'snappy' })) bytes += piece.length;
const encodeMs = performance.now() - t;
process.stdout.write(`${JSON.stringify({ rows, worldMs, generateMs, arrowMs, encodeMs, bytes })}\n`);
