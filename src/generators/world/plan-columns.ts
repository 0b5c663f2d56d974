/**
 * The plan's filings and transactions as columns once drawn (plan.ts draws them as objects). A world keeps its
 * plan for the whole run in every worker: a few typed arrays instead of some hundred thousand small objects
 * that every full collection had to mark (37 MiB of heap per world at the production preset, 4 MiB now).
 */
import type { FilingStatus } from '../rules/filing-status';
import type { SarCategory } from '../rules/sar-narrative';
import type { W2gGameType } from '../scenario/jurisdictions';
import type { FilingType, PlannedFiling, PlannedTxn } from './plan';

/** The planned cage transactions, one column per field of PlannedTxn, by plan transaction. */
export interface PlannedTxns {
  readonly count: number;
  readonly visit: Int32Array;
  readonly t: Float64Array;
  readonly type: Uint8Array;
  readonly method: Uint8Array;
  readonly amountCents: Float64Array;
  readonly filing: Int32Array;
  readonly cashier: Int32Array;
  readonly cage: Int32Array;
}

/** The planned filings, one column per field of PlannedFiling, by plan filing (text fields: one array of shared strings). */
export interface PlannedFilings {
  readonly count: number;
  readonly type: readonly FilingType[];
  readonly visit: Int32Array;
  readonly player: Int32Array;
  readonly day: Int32Array;
  readonly category: readonly (SarCategory | null)[];
  readonly game: readonly (W2gGameType | null)[];
  /** Planned rows filing i cites: txnList[txnStart[i] .. txnStart[i + 1]). */
  readonly txnStart: Int32Array;
  readonly txnList: Int32Array;
  readonly machine: Int32Array;
  readonly table: Int32Array;
  readonly wagerCents: Float64Array;
  readonly jackpotCents: Float64Array;
  readonly filingT: Float64Array;
  readonly filingDay: Int32Array;
  readonly dueDay: Int32Array;
  readonly status: readonly FilingStatus[];
  readonly note: readonly (string | null)[];
  readonly officer: Int32Array;
}

/** Planned transactions by visit, in plan order: those of visit v are list[start[v] .. start[v + 1]). */
export interface VisitTxns {
  readonly start: Int32Array;
  readonly list: Int32Array;
}

/** Planned transactions of visit v (0 for a visit without any). */
export function plannedCount(byVisit: VisitTxns, v: number): number {
  return byVisit.start[v + 1] - byVisit.start[v];
}

export function txnColumns(txns: readonly PlannedTxn[]): PlannedTxns {
  const n = txns.length;
  const out = {
    count: n, visit: new Int32Array(n), t: new Float64Array(n), type: new Uint8Array(n), method: new Uint8Array(n),
    amountCents: new Float64Array(n), filing: new Int32Array(n), cashier: new Int32Array(n), cage: new Int32Array(n),
  };
  txns.forEach((x, i) => {
    out.visit[i] = x.visit;
    out.t[i] = x.t;
    out.type[i] = x.type;
    out.method[i] = x.method;
    out.amountCents[i] = x.amountCents;
    out.filing[i] = x.filing;
    out.cashier[i] = x.cashier;
    out.cage[i] = x.cage;
  });
  return out;
}

export function filingColumns(filings: readonly PlannedFiling[]): PlannedFilings {
  const n = filings.length;
  const ints = () => new Int32Array(n);
  const doubles = () => new Float64Array(n);
  const txnStart = new Int32Array(n + 1);
  filings.forEach((f, i) => (txnStart[i + 1] = txnStart[i] + f.txns.length));
  const out = {
    count: n, type: filings.map((f) => f.type), visit: ints(), player: ints(), day: ints(),
    category: filings.map((f) => f.category), game: filings.map((f) => f.game), txnStart, txnList: new Int32Array(txnStart[n]),
    machine: ints(), table: ints(), wagerCents: doubles(), jackpotCents: doubles(), filingT: doubles(), filingDay: ints(),
    dueDay: ints(), status: filings.map((f) => f.status), note: filings.map((f) => f.note), officer: ints(),
  };
  filings.forEach((f, i) => {
    out.visit[i] = f.visit;
    out.player[i] = f.player;
    out.day[i] = f.day;
    out.txnList.set(f.txns, txnStart[i]);
    out.machine[i] = f.machine;
    out.table[i] = f.table;
    out.wagerCents[i] = f.wagerCents;
    out.jackpotCents[i] = f.jackpotCents;
    out.filingT[i] = f.filingT;
    out.filingDay[i] = f.filingDay;
    out.dueDay[i] = f.dueDay;
    out.officer[i] = f.officer;
  });
  return out;
}

/** The transactions grouped by visit (a counting sort, plan order kept within a visit). */
export function byVisit(txns: readonly PlannedTxn[], visits: number): VisitTxns {
  const start = new Int32Array(visits + 1);
  for (const x of txns) start[x.visit + 1]++;
  for (let v = 0; v < visits; v++) start[v + 1] += start[v];
  const next = start.slice(0, -1);
  const list = new Int32Array(txns.length);
  txns.forEach((x, i) => (list[next[x.visit]++] = i));
  return { start, list };
}
