/** bronze_compliance (SPEC 9): chunks of the compliance book, with the subject's identity tokens (11.2). */
import { StringColumnBuilder, encodeVocabulary, mapTo, vocabularyColumn, type ColumnBatch, type ColumnData } from '../columns';
import { ID_TYPES } from '../data/population';
import { CHUNK_ROWS } from '../tables';
import type { World } from '../world';
import { identity } from '../world/population';
import type { PlannedFiling } from '../world/plan';
import { chunkwise, metadataColumns, money, nullable } from './common-columns';
import { playerToken } from './player-tokens';
import { complianceBook } from './compliance-book';
import { FilingText, SOURCE_IDS_MAX_BYTES } from './compliance-text';

const ID_TYPE_BYTES = encodeVocabulary(ID_TYPES);
const PROPERTY = encodeVocabulary(['PROP-01']);
const PLAYER_PREFIX = encodeVocabulary(['P'])[0];
const EMPLOYEE_PREFIX = encodeVocabulary(['EMP-'])[0];

export const generateComplianceGroup = chunkwise(complianceChunk);

function complianceChunk(world: World, k: number): ColumnBatch {
  const book = complianceBook(world);
  const rows = book.order.subarray(k * CHUNK_ROWS, (k + 1) * CHUNK_ROWS);
  const n = rows.length;
  const pop = world.population;
  const filings = world.plan.filings;
  const texts = new FilingText(world);
  const text = (averageBytes: number, value: (i: number, f: PlannedFiling) => string | null): ColumnData => {
    const b = new StringColumnBuilder(n, averageBytes);
    for (let r = 0; r < n; r++) b.pushNullable(value(rows[r], filings[rows[r]]));
    return b.finish();
  };
  const ids = (prefix: Uint8Array, width: number, value: (f: PlannedFiling) => number): ColumnData => {
    const b = new StringColumnBuilder(n, prefix.length + width);
    for (let r = 0; r < n; r++) b.pushPrefixedNumber(prefix, value(filings[rows[r]]), width);
    return b.finish();
  };
  const numbers = (value: (i: number, f: PlannedFiling) => number) => {
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = value(rows[r], filings[rows[r]]);
    return out;
  };
  const byFiling = (values: Float64Array) => numbers((i) => values[i]);
  const dayNumbers = (value: (f: PlannedFiling) => number) => {
    const out = new Int32Array(n);
    for (let r = 0; r < n; r++) out[r] = value(filings[rows[r]]);
    return out;
  };
  const days = (value: (f: PlannedFiling) => number) => ({ type: 'date', values: dayNumbers(value), valid: null }) as const;
  const timestamps = { type: 'timestamp', values: byFiling(book.filingT), valid: null } as const;
  // filing_id = report_id and filing_type = report_type: built twice, as each column owns its buffers.
  const filingIds = () => text(19, (i) => texts.filingId(i));
  const types = () => text(3, (_, f) => f.type);
  const sourceIds = () => {
    const b = new StringColumnBuilder(n, 40);
    const scratch = new Uint8Array(SOURCE_IDS_MAX_BYTES);
    for (let r = 0; r < n; r++) b.pushBytes(scratch.subarray(0, texts.writeSourceIds(rows[r], scratch)));
    return b.finish();
  };
  const isSar = mapTo(Uint8Array, rows, (i) => (filings[i].type === 'SAR' ? 1 : 0));
  const columns: ColumnData[] = [
    filingIds(),
    types(),
    timestamps,
    types(),
    filingIds(),
    { ...timestamps, values: timestamps.values.slice() },
    ids(PLAYER_PREFIX, 6, (f) => f.player + 1),
    ids(EMPLOYEE_PREFIX, 5, (f) => f.officer),
    vocabularyColumn(new Int8Array(n), PROPERTY),
    text(64, (_, f) => playerToken(world, 'name', f.player)),
    text(64, (_, f) => (pop.hasTin[f.player] ? playerToken(world, 'ssn', f.player) : null)),
    text(11, (_, f) => (pop.hasTin[f.player] ? `XXX-XX-${identity.ssnText(pop, f.player).slice(-4)}` : null)),
    days((f) => pop.birthDay[f.player]),
    text(64, (_, f) => playerToken(world, 'address', f.player)),
    vocabularyColumn(mapTo(Int8Array, rows, (i) => pop.idType[filings[i].player]), ID_TYPE_BYTES),
    text(64, (_, f) => playerToken(world, 'id', f.player)),
    days((f) => f.day),
    money(byFiling(book.amountCents)),
    money(byFiling(book.amountCents)),
    money(byFiling(book.cashInCents)),
    money(byFiling(book.cashOutCents)),
    days((f) => f.filingDay),
    days((f) => f.dueDay),
    text(8, (_, f) => f.status),
    text(20, (i) => texts.fincenReference(i)),
    text(6, (_, f) => f.game),
    text(9, (_, f) => (f.machine >= 0 ? world.floor.machines[f.machine].id : null)),
    text(10, (_, f) => (f.table >= 0 ? world.tables[f.table].id : null)),
    money(numbers((_, f) => (f.type === 'W2G' ? f.jackpotCents : NaN))),
    money(byFiling(book.withholdingCents)),
    nullable('float64', byFiling(book.withholdingRate)),
    text(12, (_, f) => f.category),
    text(260, (i) => texts.narrative(i)),
    { type: 'date', values: dayNumbers((f) => (f.type === 'SAR' ? f.day : 0)), valid: isSar },
    text(15, (i) => texts.irsReference(i)),
    text(40, (i) => texts.reviewNote(i)),
    text(20, (i) => texts.amendedFrom(i)),
    sourceIds(),
    money(numbers((_, f) => (f.type === 'W2G' ? f.wagerCents : NaN))),
    ...metadataColumns(world.scenario.seed, world.scenario.as_of, 'compliance', k, n),
  ];
  return { length: n, columns };
}
