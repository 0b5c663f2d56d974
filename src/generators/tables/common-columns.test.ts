import { describe, expect, it } from 'vitest';
import { readString } from '../columns';
import { openStream } from '../rng';
import { eventIdColumn } from './common-columns';

/** SPEC 3.3 read literally: 122 bits o0, o1, o2, low 26 of o3, MSB first, around version and variant. */
function referenceUuid(o: number[]): string {
  const bits = [o[0], o[1], o[2], (o[3] << 6) >>> 0].flatMap((w) => Array.from({ length: 32 }, (_, i) => (w >>> (31 - i)) & 1));
  let at = 0;
  const take = (n: number) => bits.slice(at, (at += n)).reduce((v, b) => v * 2 + b, 0);
  const hex = (nibbles: number) => Array.from({ length: nibbles }, () => take(4).toString(16)).join('');
  const a = hex(8);
  const b = hex(4);
  const c = `4${hex(3)}`;
  const d = `${(8 | take(2)).toString(16)}${hex(3)}`;
  return `${a}-${b}-${c}-${d}-${hex(12)}`;
}

describe('event_id (SPEC 3.3)', () => {
  it('is the UUID v4 shape of the stream (ids, table, k), four outputs per row', () => {
    const column = eventIdColumn(42, 'slots', 3, 2000);
    if (column.type !== 'string') throw new Error('event_id is a string column');
    const rng = openStream(42, 'ids', 'slots', 3);
    for (let r = 0; r < 2000; r++) {
      const words = [rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32()];
      expect(readString(column, r)).toBe(referenceUuid(words));
    }
  });

  it('matches the version 4 / variant 10xx pattern and is unique', () => {
    const column = eventIdColumn(7, 'security', 0, 65_536);
    if (column.type !== 'string') throw new Error('event_id is a string column');
    const seen = new Set<string>();
    for (let r = 0; r < 65_536; r++) {
      const id = readString(column, r)!;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(65_536);
  });
});
