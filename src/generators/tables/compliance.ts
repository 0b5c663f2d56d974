/** bronze_compliance (SPEC 9): chunks of the compliance book, with the subject's identity tokens (11.2). */
import { StringColumnBuilder, encodeVocabulary, mapTo, vocabularyColumn, type ColumnBatch, type ColumnData } from '../columns';
import { ID_TYPES } from '../data/population';
import { CHUNK_ROWS } from '../tables';
import type { World } from '../world';
import { identity } from '../world/population';
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
  // Each value is read by plan filing i (the file's rows are the book's order).
  const text = (averageBytes: number, value: (i: number) => string | null): ColumnData => {
    const b = new StringColumnBuilder(n, averageBytes);
    for (let r = 0; r < n; r++) b.pushNullable(value(rows[r]));
    return b.finish();
  };
  const ids = (prefix: Uint8Array, width: number, value: (i: number) => number): ColumnData => {
    const b = new StringColumnBuilder(n, prefix.length + width);
    for (let r = 0; r < n; r++) b.pushPrefixedNumber(prefix, value(rows[r]), width);
    return b.finish();
  };
  const numbers = (value: (i: number) => number) => mapTo(Float64Array, rows, value);
  const byFiling = (values: Float64Array) => numbers((i) => values[i]);
  const days = (value: (i: number) => number) => ({ type: 'date', values: mapTo(Int32Array, rows, value), valid: null }) as const;
  const timestamps = { type: 'timestamp', values: byFiling(book.filingT), valid: null } as const;
  // filing_id = report_id and filing_type = report_type: built twice, as each column owns its buffers.
  const filingIds = () => text(19, (i) => texts.filingId(i));
  const types = () => text(3, (i) => filings.type[i]);
  const sourceIds = () => {
    const b = new StringColumnBuilder(n, 40);
    const scratch = new Uint8Array(SOURCE_IDS_MAX_BYTES);
    for (let r = 0; r < n; r++) b.pushBytes(scratch.subarray(0, texts.writeSourceIds(rows[r], scratch)));
    return b.finish();
  };
  const isSar = mapTo(Uint8Array, rows, (i) => (filings.type[i] === 'SAR' ? 1 : 0));
  const columns: ColumnData[] = [
    filingIds(),
    types(),
    timestamps,
    types(),
    filingIds(),
    { ...timestamps, values: timestamps.values.slice() },
    ids(PLAYER_PREFIX, 6, (i) => filings.player[i] + 1),
    ids(EMPLOYEE_PREFIX, 5, (i) => filings.officer[i]),
    vocabularyColumn(new Int8Array(n), PROPERTY),
    text(64, (i) => playerToken(world, 'name', filings.player[i])),
    text(64, (i) => (pop.hasTin[filings.player[i]] ? playerToken(world, 'ssn', filings.player[i]) : null)),
    text(11, (i) => (pop.hasTin[filings.player[i]] ? `XXX-XX-${identity.ssnText(pop, filings.player[i]).slice(-4)}` : null)),
    days((i) => pop.birthDay[filings.player[i]]),
    text(64, (i) => playerToken(world, 'address', filings.player[i])),
    vocabularyColumn(mapTo(Int8Array, rows, (i) => pop.idType[filings.player[i]]), ID_TYPE_BYTES),
    text(64, (i) => playerToken(world, 'id', filings.player[i])),
    days((i) => filings.day[i]),
    money(byFiling(book.amountCents)),
    money(byFiling(book.amountCents)),
    money(byFiling(book.cashInCents)),
    money(byFiling(book.cashOutCents)),
    days((i) => filings.filingDay[i]),
    days((i) => filings.dueDay[i]),
    text(8, (i) => filings.status[i]),
    text(20, (i) => texts.fincenReference(i)),
    text(6, (i) => filings.game[i]),
    text(9, (i) => (filings.machine[i] >= 0 ? world.floor.machines[filings.machine[i]].id : null)),
    text(10, (i) => (filings.table[i] >= 0 ? world.tables[filings.table[i]].id : null)),
    money(numbers((i) => (filings.type[i] === 'W2G' ? filings.jackpotCents[i] : NaN))),
    money(byFiling(book.withholdingCents)),
    nullable('float64', byFiling(book.withholdingRate)),
    text(12, (i) => filings.category[i]),
    text(260, (i) => texts.narrative(i)),
    { type: 'date', values: mapTo(Int32Array, rows, (i) => (filings.type[i] === 'SAR' ? filings.day[i] : 0)), valid: isSar },
    text(15, (i) => texts.irsReference(i)),
    text(40, (i) => texts.reviewNote(i)),
    text(20, (i) => texts.amendedFrom(i)),
    sourceIds(),
    money(numbers((i) => (filings.type[i] === 'W2G' ? filings.wagerCents[i] : NaN))),
    ...metadataColumns(world.scenario.seed, world.scenario.as_of, 'compliance', k, n),
  ];
  return { length: n, columns };
}
