/**
 * The text of a filing (SPEC 3.3, 9.2, 9.3, 10.4), written when its chunk is: ids and references
 * from its ranks, review notes, source_ids and the SAR narrative from the ledger rows it cites.
 * The book keeps only figures, so none of these strings outlives its chunk.
 */
import { TXN_TYPES } from '../data/financial';
import { FincenReferences, filingId, irsReference } from '../rules/filing-ids';
import { carriesFincenReference, reviewNotes } from '../rules/filing-status';
import { sarNarrative } from '../rules/sar-narrative';
import { toCivilDate } from '../scenario/instant';
import { dayOf } from '../time/units';
import type { World } from '../world';
import { employeeId, playerId } from '../world/ids';
import { VISIT_ROW_CAP } from '../world/plan';
import type { PlannedFilings } from '../world/plan-columns';
import { complianceBook, type ComplianceBook } from './compliance-book';
import { slotJackpotEventIds } from './compliance-jackpots';
import { TRANSACTION_ID_BYTES, TransactionIds } from './financial-ids';
import { financialLedger, type Ledger } from './financial-ledger';

/** filing_id (= report_id) of plan filing i. */
export function filingIdOf(world: World, book: ComplianceBook, i: number): string {
  const filings = world.plan.filings;
  return filingId(filings.type[i], filings.filingDay[i], book.rank[i]);
}

const SEPARATOR = 59; // ';'
/** The longest source_ids: a visit's 30 rows, or a slot event id and a payout. */
export const SOURCE_IDS_MAX_BYTES = VISIT_ROW_CAP * (TRANSACTION_ID_BYTES + 1);

export class FilingText {
  private readonly book: ComplianceBook;
  private readonly ledger: Ledger;
  private readonly filings: PlannedFilings;
  private readonly txnIds: TransactionIds;
  private readonly refs: FincenReferences;

  constructor(private readonly world: World) {
    this.book = complianceBook(world);
    this.ledger = financialLedger(world);
    this.filings = world.plan.filings;
    this.txnIds = new TransactionIds(world.scenario.seed);
    this.refs = new FincenReferences(world.scenario.seed);
  }

  filingId(i: number): string {
    return filingIdOf(this.world, this.book, i);
  }

  /** CTR and SAR when Filed or Amended. */
  fincenReference(i: number): string | null {
    const type = this.filings.type[i];
    return type !== 'W2G' && carriesFincenReference(this.filings.status[i]) ? this.refs.fincenReference(type, this.book.rank[i]) : null;
  }

  amendedFrom(i: number): string | null {
    const type = this.filings.type[i];
    return type !== 'W2G' && this.filings.status[i] === 'Amended' ? this.refs.amendedFrom(type, this.book.rank[i]) : null;
  }

  irsReference(i: number): string | null {
    return this.filings.type[i] === 'W2G' ? irsReference(toCivilDate(this.filings.filingDay[i]).year, this.book.yearRank[i]) : null;
  }

  /** Pending Review names the officer and the day of the final filing_timestamp; other notes were drawn with the plan. */
  reviewNote(i: number): string | null {
    const status = this.filings.status[i];
    return status === 'Pending Review' ? reviewNotes(status, employeeId(this.filings.officer[i]), dayOf(this.book.filingT[i]), null) : this.filings.note[i];
  }

  /**
   * source_ids (9.2), written at out[0 ..) and its length returned: a CTR's counted rows, a SAR's
   * cited rows, a W-2G's slot event then payout; `;`-separated. `out` holds SOURCE_IDS_MAX_BYTES.
   */
  writeSourceIds(i: number, out: Uint8Array): number {
    const type = this.filings.type[i];
    const { ledger } = this;
    let at = 0;
    const add = (row: number) => {
      if (at > 0) out[at++] = SEPARATOR;
      this.txnIds.write(out, at, row);
      at += TRANSACTION_ID_BYTES;
    };
    if (type === 'CTR') {
      for (let x = ledger.ctrRowStart[i]; x < ledger.ctrRowStart[i + 1]; x++) add(ledger.ctrRowList[x]);
      return at;
    }
    const event = type === 'W2G' ? slotJackpotEventIds(this.world).get(i) : undefined;
    if (event !== undefined) for (; at < event.length; at++) out[at] = event.charCodeAt(at);
    for (const row of this.citedRows(i)) add(row);
    return at;
  }

  /** sar_narrative (9.3) from the cited rows; null for CTR and W-2G. */
  narrative(i: number): string | null {
    const filings = this.filings;
    if (filings.type[i] !== 'SAR') return null;
    const { ledger } = this;
    const transactions = this.citedRows(i).map((r) => ({ timestamp: ledger.t[r], amountCents: ledger.amountCents[r], type: TXN_TYPES[ledger.type[r]] }));
    return sarNarrative(
      { category: filings.category[i]!, playerId: playerId(filings.player[i] + 1), gamingDay: filings.day[i], transactions },
      this.world.rules.jurisdiction,
    );
  }

  /** Ledger rows of a SAR's or W-2G's planned transactions, in file order. */
  private citedRows(i: number): number[] {
    const { txnStart, txnList } = this.filings;
    const rows: number[] = [];
    for (let x = txnStart[i]; x < txnStart[i + 1]; x++) rows.push(this.ledger.plannedRow[txnList[x]]);
    return rows.sort((a, b) => a - b);
  }
}
