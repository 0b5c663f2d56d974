import { describe, expect, it } from 'vitest';
import { chunkGroups } from '../generators/chunks';
import type { TablePlan } from '../generators/engine';
import { SCHEMAS } from '../generators/schema/index';
import { CHUNK_ROWS } from '../generators/tables';
import { groupUnits } from './chunk-stream';
import { encodeCsv } from './csv';
import { fakeChunks } from './fake-batches';
import { encodeJsonl } from './jsonl';
import { concat } from './rechunk';
import { encodeSegment, startsFile } from './segments';
import { collect } from './test-helpers';

const schema = SCHEMAS.security;

describe('text segments', () => {
  it.each(['csv', 'json'] as const)('%s: the units encoded one by one and concatenated are the whole file, also for a shard', async (format) => {
    const rows = 3 * CHUNK_ROWS + 5_000;
    const chunks = [...fakeChunks(schema, rows)];
    const plans: TablePlan[] = [
      { key: 'security', rows, groups: chunkGroups(rows) },
      { key: 'security', rows: rows - CHUNK_ROWS, groups: chunkGroups(rows).slice(1) }, // a shard from chunk 1
    ];
    for (const plan of plans) {
      const first = plan.groups[0][0];
      const mine = chunks.slice(first);
      const whole = (await collect(format === 'csv' ? encodeCsv(schema, mine) : encodeJsonl(schema, mine))).bytes;
      const units = groupUnits(plan);
      expect(units.map(startsFile)).toEqual(units.map((_, i) => i === 0));
      const parts = await Promise.all(units.map((unit) => {
        const batches = unit.groups.flatMap(([k, n]) => chunks.slice(k, k + n));
        return encodeSegment(schema, batches, { format, compression: 'none' }, startsFile(unit));
      }));
      expect(Buffer.from(concat(Uint8Array, parts)).equals(Buffer.from(whole)), `${format} from chunk ${first}`).toBe(true);
    }
  });
});
