/** bronze_financial_txn (SPEC 7): chunks cut from the cage ledger, with ids, flags and notes. */
import { StringColumnBuilder, encodeVocabulary, mapTo, vocabularyColumn, type ColumnBatch, type ColumnData } from '../columns';
import { CAGE_LOCATIONS, PAYMENT_METHODS, TXN_TYPES, Txn, countedSide } from '../data/financial';
import { ID_TYPES } from '../data/population';
import { KeyedPermutation } from '../rng';
import { jackpotPayoutNote, markerPaymentNote } from '../rules/money-text';
import { CHUNK_ROWS } from '../tables';
import { SHIFTS, gamingDay, shiftOf } from '../time/intensity';
import type { World } from '../world';
import { pad } from '../world/ids';
import { chunkwise, metadataColumns } from './common-columns';
import { playerToken } from './player-tokens';
import { complianceBook } from './compliance-book';
import { filingIdOf } from './compliance-text';
import { TransactionIds } from './financial-ids';
import { financialLedger } from './financial-ledger';

const TYPE_BYTES = encodeVocabulary(TXN_TYPES);
const CAGE_BYTES = encodeVocabulary(CAGE_LOCATIONS);
const METHOD_BYTES = encodeVocabulary(PAYMENT_METHODS);
const ID_TYPE_BYTES = encodeVocabulary(ID_TYPES);
const SHIFT_BYTES = encodeVocabulary(SHIFTS);
const USD = encodeVocabulary(['USD']);
const [EMPLOYEE_PREFIX, PLAYER_PREFIX] = encodeVocabulary(['EMP-', 'P']);

export const generateFinancialGroup = chunkwise(financialChunk);

function strings(n: number, averageBytes: number, value: (r: number) => string | null): ColumnData {
  const b = new StringColumnBuilder(n, averageBytes);
  for (let r = 0; r < n; r++) b.pushNullable(value(r));
  return b.finish();
}

/** Ids `<prefix><number zero-padded to width>` without a string per row; a negative number is null. */
function prefixedIds(numbers: ArrayLike<number>, prefix: Uint8Array, width: number, offset = 0): ColumnData {
  const b = new StringColumnBuilder(numbers.length, prefix.length + width);
  for (let r = 0; r < numbers.length; r++) {
    if (numbers[r] < 0) b.pushNull();
    else b.pushPrefixedNumber(prefix, numbers[r] + offset, width);
  }
  return b.finish();
}

function financialChunk(world: World, k: number): ColumnBatch {
  const ledger = financialLedger(world);
  const book = complianceBook(world);
  const { seed } = world.scenario;
  const pop = world.population;
  const lo = k * CHUNK_ROWS;
  const n = Math.max(0, Math.min(CHUNK_ROWS, ledger.length - lo));
  const g = (r: number) => lo + r;
  const wirePerm = new KeyedPermutation(seed, 'wire_reference', 10_000_000_000);
  /** The CTR filing a row is counted in, or −1. */
  const ctrOf = mapTo(Int32Array, new Int32Array(n), (_, r) => {
    const row = g(r);
    if (countedSide(ledger.type[row], ledger.method[row]) === 0) return -1;
    return world.plan.ctrVisits.get(ledger.visit[row]) ?? -1;
  });
  const ctrRequired = mapTo(Uint8Array, ctrOf, (c) => (c >= 0 ? 1 : 0));
  const markerOf = (row: number) => `MKR-C${pad(ledger.markerIssueRow[ledger.marker[row]] + 1, 6)}`;
  const noteOf = (row: number): string | null => {
    if (ledger.type[row] === Txn.MarkerPayment) return markerPaymentNote(markerOf(row), ledger.markerIssueDay[ledger.marker[row]]);
    if (ledger.type[row] !== Txn.JackpotPayout) return null;
    const w2g = world.plan.txns.filing[ledger.planned[row]];
    return jackpotPayoutNote(filingIdOf(world, book, w2g), book.withholdingCents[w2g]);
  };
  const types = ledger.type.subarray(lo, lo + n);
  const isWire = (row: number) => ledger.type[row] === Txn.WireIn || ledger.type[row] === Txn.WireOut;
  const columns: ColumnData[] = [
    new TransactionIds(seed).column(lo, n),
    vocabularyColumn(types, TYPE_BYTES),
    { type: 'timestamp', values: ledger.t.slice(lo, lo + n), valid: null },
    vocabularyColumn(ledger.cage.subarray(lo, lo + n), CAGE_BYTES),
    prefixedIds(ledger.cashier.subarray(lo, lo + n), EMPLOYEE_PREFIX, 5),
    prefixedIds(ledger.supervisor.subarray(lo, lo + n), EMPLOYEE_PREFIX, 5),
    prefixedIds(ledger.player.subarray(lo, lo + n), PLAYER_PREFIX, 6, 1),
    { type: 'float64', values: mapTo(Float64Array, types, (_, r) => ledger.amountCents[g(r)] / 100), valid: null },
    vocabularyColumn(new Int8Array(n), USD),
    vocabularyColumn(ledger.method.subarray(lo, lo + n), METHOD_BYTES),
    strings(n, 7, (r) => (ledger.type[g(r)] === Txn.CheckCashing ? `CHK${pop.checkNumber[ledger.player[g(r)]]}` : null)),
    strings(n, 15, (r) => (isWire(g(r)) ? `WIRE-${pad(wirePerm.map(g(r)), 10)}` : null)),
    strings(n, 11, (r) => (ledger.marker[g(r)] >= 0 ? markerOf(g(r)) : null)),
    vocabularyColumn(mapTo(Int8Array, types, (_, r) => (ledger.idRecorded[g(r)] ? pop.idType[ledger.player[g(r)]] : -1)), ID_TYPE_BYTES),
    strings(n, 64, (r) => (ledger.idRecorded[g(r)] ? playerToken(world, 'id', ledger.player[g(r)]) : null)),
    { type: 'bool', values: ctrRequired, valid: null },
    { type: 'bool', values: mapTo(Uint8Array, ctrOf, (c) => (c >= 0 && isFiled(world.plan.filings.status[c]) ? 1 : 0)), valid: null },
    strings(n, 19, (r) => (ctrOf[r] >= 0 ? filingIdOf(world, book, ctrOf[r]) : null)),
    { type: 'bool', values: ledger.suspicious.slice(lo, lo + n), valid: null },
    strings(n, 8, (r) => noteOf(g(r))),
    vocabularyColumn(mapTo(Int8Array, types, (_, r) => shiftOf(ledger.t[g(r)])), SHIFT_BYTES),
    { type: 'date', values: mapTo(Int32Array, types, (_, r) => gamingDay(ledger.t[g(r)])), valid: null },
    ...metadataColumns(seed, world.scenario.as_of, 'financial', k, n),
  ];
  return { length: n, columns };
}

const isFiled = (status: string) => status === 'Filed' || status === 'Amended';
