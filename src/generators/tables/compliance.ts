/** bronze_compliance (SPEC 9): chunks of the compliance book, with the subject's identity tokens (11.2). */
import { StringColumnBuilder, encodeVocabulary, mapTo, vocabularyColumn, type ColumnBatch, type ColumnData } from '../columns';
import { ID_TYPES } from '../data/population';
import { CHUNK_ROWS } from '../tables';
import type { World } from '../world';
import { employeeId, playerId } from '../world/ids';
import { identity } from '../world/population';
import { chunkwise, metadataColumns, money, nullable } from './common-columns';
import { playerToken } from './player-tokens';
import { complianceBook, type FilingRecord } from './compliance-book';

const ID_TYPE_BYTES = encodeVocabulary(ID_TYPES);
const PROPERTY = encodeVocabulary(['PROP-01']);

export const generateComplianceGroup = chunkwise(complianceChunk);

function complianceChunk(world: World, k: number): ColumnBatch {
  const records = complianceBook(world).records.slice(k * CHUNK_ROWS, (k + 1) * CHUNK_ROWS);
  const n = records.length;
  const pop = world.population;
  const text = (averageBytes: number, value: (f: FilingRecord) => string | null): ColumnData => {
    const b = new StringColumnBuilder(n, averageBytes);
    for (const f of records) b.pushNullable(value(f));
    return b.finish();
  };
  const numbers = (value: (f: FilingRecord) => number) => Float64Array.from(records, value);
  const days = (value: (f: FilingRecord) => number) => ({ type: 'date', values: Int32Array.from(records, value), valid: null }) as const;
  const timestamps = { type: 'timestamp', values: numbers((f) => f.filingT), valid: null } as const;
  const ssn = (f: FilingRecord) => (pop.hasTin[f.player] ? identity.ssnText(pop, f.player) : null);
  const columns: ColumnData[] = [
    text(19, (f) => f.filingId),
    text(3, (f) => f.type),
    timestamps,
    text(3, (f) => f.type),
    text(19, (f) => f.filingId),
    { ...timestamps, values: timestamps.values.slice() },
    text(7, (f) => playerId(f.player + 1)),
    text(9, (f) => employeeId(f.officer)),
    vocabularyColumn(new Int8Array(n), PROPERTY),
    text(64, (f) => playerToken(world, 'name', f.player)),
    text(64, (f) => (pop.hasTin[f.player] ? playerToken(world, 'ssn', f.player) : null)),
    text(11, (f) => { const s = ssn(f); return s === null ? null : `XXX-XX-${s.slice(-4)}`; }),
    days((f) => pop.birthDay[f.player]),
    text(64, (f) => playerToken(world, 'address', f.player)),
    vocabularyColumn(Int8Array.from(records, (f) => pop.idType[f.player]), ID_TYPE_BYTES),
    text(64, (f) => playerToken(world, 'id', f.player)),
    days((f) => f.day),
    money(numbers((f) => f.amountCents)),
    money(numbers((f) => f.amountCents)),
    money(numbers((f) => f.cashInCents)),
    money(numbers((f) => f.cashOutCents)),
    days((f) => f.filingDay),
    days((f) => f.dueDay),
    text(8, (f) => f.status),
    text(20, (f) => f.fincenReference),
    text(6, (f) => f.game),
    text(9, (f) => (f.machine >= 0 ? world.floor.machines[f.machine].id : null)),
    text(10, (f) => (f.table >= 0 ? world.tables[f.table].id : null)),
    money(numbers((f) => f.jackpotCents)),
    money(numbers((f) => f.withholdingCents)),
    nullable('float64', numbers((f) => f.withholdingRate)),
    text(12, (f) => f.category),
    text(260, (f) => f.narrative),
    { type: 'date', values: Int32Array.from(records, (f) => (f.type === 'SAR' ? f.day : 0)), valid: mapTo(Uint8Array, new Int8Array(n), (_, i) => (records[i].type === 'SAR' ? 1 : 0)) },
    text(15, (f) => f.irsReference),
    text(40, (f) => f.reviewNote),
    text(20, (f) => f.amendedFrom),
    text(40, (f) => f.sourceIds),
    money(numbers((f) => f.wagerCents)),
    ...metadataColumns(world.scenario.seed, world.scenario.as_of, 'compliance', k, n),
  ];
  return { length: n, columns };
}
