/**
 * The compliance book: the figures of every planned filing completed from the rows that back it
 * (SPEC 9.2, 10), its ranks for the ids (3.3) and the file order by filing_timestamp (ties: plan
 * order). Columnar, indexed by plan filing: the text of a filing (ids, sources, narrative) is
 * written by the chunk that outputs it (compliance-text.ts), so the book holds no strings.
 * Built once per world; the financial table reads CTR references and payout notes from it.
 */
import { perWorld } from '../world/per-world';
import { countedSide } from '../data/financial';
import { rankFilings } from '../rules/filing-ids';
import { withholding } from '../rules/w2g';
import type { World } from '../world';
import { playerId } from '../world/ids';
import { financialLedger, type Ledger } from './financial-ledger';
import { CTR_LIMIT_CENTS } from './financial-rows';
import { byKeyThenIndex } from '../sort-order';

/** Figures by plan filing; NaN where the column is null for the filing's type. */
export interface ComplianceBook {
  /** Plan filing of each file row (by filing_timestamp, ties plan order). */
  readonly order: Int32Array;
  readonly filingT: Float64Array;
  readonly amountCents: Float64Array;
  /** CTR only. */
  readonly cashInCents: Float64Array;
  readonly cashOutCents: Float64Array;
  /** W-2G only. */
  readonly withholdingRate: Float64Array;
  readonly withholdingCents: Float64Array;
  /** 1-based rank within the filing's type: the filing_id sequence. */
  readonly rank: Int32Array;
  /** W-2G: rank among the W-2Gs of its filing year (irs_reference); 0 otherwise. */
  readonly yearRank: Int32Array;
}

export const complianceBook = perWorld((world): ComplianceBook => buildBook(world));

function buildBook(world: World): ComplianceBook {
  const filings = world.plan.filings;
  const ledger = financialLedger(world);
  const n = filings.count;
  const nan = () => new Float64Array(n).fill(NaN);
  const book = {
    filingT: new Float64Array(n), amountCents: new Float64Array(n), cashInCents: nan(), cashOutCents: nan(),
    withholdingRate: nan(), withholdingCents: nan(),
  };
  for (let i = 0; i < n; i++) {
    const type = filings.type[i];
    if (type === 'CTR') ctrFigures(world, ledger, i, book);
    else if (type === 'SAR') {
      book.filingT[i] = filings.filingT[i];
      let sum = 0;
      for (let x = filings.txnStart[i]; x < filings.txnStart[i + 1]; x++) sum += ledger.amountCents[ledger.plannedRow[filings.txnList[x]]];
      book.amountCents[i] = sum;
    } else {
      const jackpotCents = filings.jackpotCents[i];
      const held = withholding(world.rules.jurisdiction, filings.game[i]!, jackpotCents, filings.wagerCents[i], world.population.hasTin[filings.player[i]] === 1);
      book.filingT[i] = filings.filingT[i];
      book.amountCents[i] = jackpotCents;
      book.withholdingRate[i] = held.rate;
      book.withholdingCents[i] = held.amountCents;
    }
  }
  const ranks = rankFilings(Array.from({ length: n }, (_, i) => ({
    type: filings.type[i], filingTimestamp: book.filingT[i], playerId: playerId(filings.player[i] + 1), filingDay: filings.filingDay[i],
  })));
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort(byKeyThenIndex(book.filingT));
  return {
    ...book, order, rank: Int32Array.from(ranks.rank), yearRank: Int32Array.from(ranks.yearRank, (r) => r ?? 0),
  };
}

/** A CTR from its day's counted rows (9.2, 10.2): totals, and the trigger instant + delay. */
function ctrFigures(
  world: World, ledger: Ledger, i: number,
  book: { filingT: Float64Array; amountCents: Float64Array; cashInCents: Float64Array; cashOutCents: Float64Array },
): void {
  let inCents = 0;
  let outCents = 0;
  let trigger = NaN;
  for (let x = ledger.ctrRowStart[i]; x < ledger.ctrRowStart[i + 1]; x++) {
    const r = ledger.ctrRowList[x];
    if (countedSide(ledger.type[r], ledger.method[r]) > 0) inCents += ledger.amountCents[r];
    else outCents += ledger.amountCents[r];
    if (Number.isNaN(trigger) && (inCents > CTR_LIMIT_CENTS || outCents > CTR_LIMIT_CENTS)) trigger = ledger.t[r];
  }
  const filings = world.plan.filings;
  if (Number.isNaN(trigger)) throw new Error(`CTR of visit ${filings.visit[i]} has no cash over the threshold`);
  const { end } = world.scenario;
  let filingT = trigger + filings.filingT[i];
  if (filingT >= end) filingT = trigger + Math.floor((end - trigger) / 2);
  book.filingT[i] = filingT;
  book.amountCents[i] = inCents + outCents;
  book.cashInCents[i] = inCents;
  book.cashOutCents[i] = outCents;
}
