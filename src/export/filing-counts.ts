/**
 * The manifest's `filings` counts (SPEC 13.4), read from the compliance rows as they are written:
 * filings per type, the source ids CTRs and SARs cite, and the W-2G jackpots and payouts.
 */
import { readString, type ColumnBatch, type ColumnData } from '../generators/columns';
import { SCHEMAS } from '../generators/schema';
import type { ManifestFilings } from './manifest';

const columnIndex = (name: string) => SCHEMAS.compliance.columns.findIndex((c) => c.name === name);
const TYPE = columnIndex('filing_type');
const GAME = columnIndex('game_type');
const SOURCES = columnIndex('source_ids');

type StringColumn = Extract<ColumnData, { type: 'string' }>;

export class FilingCounter {
  private counts = { ctr: 0, sar: 0, w2g: 0, ctr_source_rows: 0, sar_source_rows: 0, w2g_jackpots: 0, w2g_payouts: 0 };

  add(batch: ColumnBatch): void {
    const type = batch.columns[TYPE] as StringColumn;
    const game = batch.columns[GAME] as StringColumn;
    const sources = batch.columns[SOURCES] as StringColumn;
    for (let r = 0; r < batch.length; r++) {
      const ids = (readString(sources, r) ?? '').split(';').length;
      switch (readString(type, r)) {
        case 'CTR':
          this.counts.ctr++;
          this.counts.ctr_source_rows += ids;
          break;
        case 'SAR':
          this.counts.sar++;
          this.counts.sar_source_rows += ids;
          break;
        default: {
          this.counts.w2g++;
          this.counts.w2g_payouts++;
          const g = readString(game, r);
          if (g === 'Slots' || g === 'Video Poker') this.counts.w2g_jackpots++;
        }
      }
    }
  }

  /** Adds counts taken elsewhere (a unit's, tallied where its rows were generated). */
  merge(counts: ManifestFilings): void {
    for (const k of Object.keys(this.counts) as (keyof ManifestFilings)[]) this.counts[k] += counts[k];
  }

  result(): ManifestFilings {
    return { ...this.counts };
  }
}

/** The CLI summary line (SPEC 14). */
export function filingsLine(f: ManifestFilings): string {
  return `Filings: CTR ${f.ctr} (${f.ctr_source_rows} cash transactions), SAR ${f.sar} (${f.sar_source_rows} transactions), ` +
    `W-2G ${f.w2g} (${f.w2g_jackpots} jackpots, ${f.w2g_payouts} payouts)`;
}
