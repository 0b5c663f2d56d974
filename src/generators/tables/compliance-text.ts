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
import { VISIT_ROW_CAP, type PlannedFiling } from '../world/plan';
import { complianceBook, type ComplianceBook } from './compliance-book';
import { slotJackpotEventIds } from './compliance-jackpots';
import { TRANSACTION_ID_BYTES, TransactionIds } from './financial-ids';
import { financialLedger, type Ledger } from './financial-ledger';

/** filing_id (= report_id) of plan filing i. */
export function filingIdOf(world: World, book: ComplianceBook, i: number): string {
  const f = world.plan.filings[i];
  return filingId(f.type, f.filingDay, book.rank[i]);
}

const SEPARATOR = 59; // ';'
/** The longest source_ids: a visit's 30 rows, or a slot event id and a payout. */
export const SOURCE_IDS_MAX_BYTES = VISIT_ROW_CAP * (TRANSACTION_ID_BYTES + 1);

export class FilingText {
  private readonly book: ComplianceBook;
  private readonly ledger: Ledger;
  private readonly filings: readonly PlannedFiling[];
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
    const f = this.filings[i];
    return f.type !== 'W2G' && carriesFincenReference(f.status) ? this.refs.fincenReference(f.type, this.book.rank[i]) : null;
  }

  amendedFrom(i: number): string | null {
    const f = this.filings[i];
    return f.type !== 'W2G' && f.status === 'Amended' ? this.refs.amendedFrom(f.type, this.book.rank[i]) : null;
  }

  irsReference(i: number): string | null {
    const f = this.filings[i];
    return f.type === 'W2G' ? irsReference(toCivilDate(f.filingDay).year, this.book.yearRank[i]) : null;
  }

  /** Pending Review names the officer and the day of the final filing_timestamp; other notes were drawn with the plan. */
  reviewNote(i: number): string | null {
    const f = this.filings[i];
    return f.status === 'Pending Review' ? reviewNotes(f.status, employeeId(f.officer), dayOf(this.book.filingT[i]), null) : f.note;
  }

  /**
   * source_ids (9.2), written at out[0 ..) and its length returned: a CTR's counted rows, a SAR's
   * cited rows, a W-2G's slot event then payout; `;`-separated. `out` holds SOURCE_IDS_MAX_BYTES.
   */
  writeSourceIds(i: number, out: Uint8Array): number {
    const f = this.filings[i];
    const { ledger } = this;
    let at = 0;
    const add = (row: number) => {
      if (at > 0) out[at++] = SEPARATOR;
      this.txnIds.write(out, at, row);
      at += TRANSACTION_ID_BYTES;
    };
    if (f.type === 'CTR') {
      for (let x = ledger.ctrRowStart[i]; x < ledger.ctrRowStart[i + 1]; x++) add(ledger.ctrRowList[x]);
      return at;
    }
    const event = f.type === 'W2G' ? slotJackpotEventIds(this.world).get(i) : undefined;
    if (event !== undefined) for (; at < event.length; at++) out[at] = event.charCodeAt(at);
    for (const row of this.citedRows(f)) add(row);
    return at;
  }

  /** sar_narrative (9.3) from the cited rows; null for CTR and W-2G. */
  narrative(i: number): string | null {
    const f = this.filings[i];
    if (f.type !== 'SAR') return null;
    const { ledger } = this;
    const transactions = this.citedRows(f).map((r) => ({ timestamp: ledger.t[r], amountCents: ledger.amountCents[r], type: TXN_TYPES[ledger.type[r]] }));
    return sarNarrative({ category: f.category!, playerId: playerId(f.player + 1), gamingDay: f.day, transactions }, this.world.rules.jurisdiction);
  }

  /** Ledger rows of a SAR's or W-2G's planned transactions, in file order. */
  private citedRows(f: PlannedFiling): number[] {
    return f.txns.map((t) => this.ledger.plannedRow[t]).sort((a, b) => a - b);
  }
}
