/**
 * Filing identifiers (SPEC 3.3): filing_id (= report_id), fincen_reference, amended_from and irs_reference, all
 * built from a filing's rank within its type by (filing_timestamp, player_id). Ranks are 1-based, as sequences are
 * everywhere in 3.3 (`P000001` is the first player).
 *
 * @example filingId('CTR', toDayNumber(2026, 11, 5), 42) // 'CTR-20261105-000042'
 */
import { KeyedPermutation } from '../rng';
import { toCivilDate } from '../scenario/instant';
import { formatDayCompact } from '../time/format';
import { pad } from '../world/ids';

export type FilingType = 'CTR' | 'SAR' | 'W2G';

function assertRank(rank: number): void {
  if (!Number.isSafeInteger(rank) || rank < 1) throw new RangeError(`a filing rank is an integer >= 1 (got ${rank})`);
}

/**
 * filing_id = report_id: `<TYPE>-<YYYYMMDD filing_date>-<rank>`, the rank zero-padded to at least 6 digits (the width
 * grows past 999,999, as for player_id).
 *
 * @example filingId('W2G', toDayNumber(2026, 1, 2), 1_234_567) // 'W2G-20260102-1234567'
 */
export function filingId(type: FilingType, filingDay: number, rank: number): string {
  assertRank(rank);
  return `${type}-${formatDayCompact(filingDay)}-${pad(rank, 6)}`;
}

/** fincen_reference digits: 100000000..599999999; amended_from digits: 600000000..999999999 (SPEC 3.3). */
const FINCEN_LO = 100_000_000;
const FINCEN_SIZE = 500_000_000;
const AMENDED_LO = 600_000_000;
const AMENDED_SIZE = 400_000_000;

/**
 * The FinCEN ids of one seed. Each id has its own permutation, named by its column (SPEC 1.1): `fincen_reference`
 * and `amended_from`. The permutation is applied to the rank itself (as loyalty_number maps the player sequence),
 * and CTR and SAR share it: CTR rank 7 and SAR rank 7 get the same nine digits behind different prefixes, which
 * keeps every reference unique. Build once per run and reuse: construction hashes the seed.
 */
export class FincenReferences {
  private readonly fincen: KeyedPermutation;
  private readonly amended: KeyedPermutation;

  constructor(seed: number) {
    this.fincen = new KeyedPermutation(seed, 'fincen_reference', FINCEN_SIZE, FINCEN_LO);
    this.amended = new KeyedPermutation(seed, 'amended_from', AMENDED_SIZE, AMENDED_LO);
  }

  /** `FINCEN-<type>-` + 9 digits in 100000000..599999999, for a rank in 1..499,999,999. */
  fincenReference(type: 'CTR' | 'SAR', rank: number): string {
    assertRank(rank);
    return `FINCEN-${type}-${this.fincen.map(rank)}`;
  }

  /** `FINCEN-<type>-` + 9 digits in 600000000..999999999 (never a fincen_reference), for a rank in 1..399,999,999. */
  amendedFrom(type: 'CTR' | 'SAR', rank: number): string {
    assertRank(rank);
    return `FINCEN-${type}-${this.amended.map(rank)}`;
  }
}

/** fincen_reference of the filing of this rank (SPEC 3.3); prefer one FincenReferences per run in loops. */
export function fincenReference(seed: number, type: 'CTR' | 'SAR', rank: number): string {
  return new FincenReferences(seed).fincenReference(type, rank);
}

/** amended_from of the filing of this rank (SPEC 3.3, 10.4); prefer one FincenReferences per run in loops. */
export function amendedFrom(seed: number, type: 'CTR' | 'SAR', rank: number): string {
  return new FincenReferences(seed).amendedFrom(type, rank);
}

/**
 * irs_reference: `W2G-<YYYY>-<rank within the year>`, zero-padded to at least 6 digits, width grows (SPEC 3.3).
 *
 * @example irsReference(2026, 42) // 'W2G-2026-000042'
 */
export function irsReference(year: number, rankInYear: number): string {
  assertRank(rankInYear);
  return `W2G-${pad(year, 4)}-${pad(rankInYear, 6)}`;
}

/** What ranking needs of a filing. */
export interface RankableFiling {
  readonly type: FilingType;
  /** µs since the epoch. */
  readonly filingTimestamp: number;
  readonly playerId: string;
  /** filing_date as a day number; for a W2G its year is the irs_reference year (W2G filing_date = transaction_date). */
  readonly filingDay: number;
}

/** Ranks of each filing, aligned with the input rows. */
export interface FilingRanks {
  /** 1-based rank within the filing's type by (filing_timestamp, player_id): the filing_id sequence. */
  readonly rank: number[];
  /** W2G: 1-based rank among the W2G rows of the same filing_date year, same order; null for CTR and SAR. */
  readonly yearRank: (number | null)[];
}

/**
 * Ranks filings for their ids (SPEC 3.3). Order: filing_timestamp, then player_id by UTF-16 code units (the string
 * order of the column, so `P1000000` < `P999999`), then input order (the plan order of SPEC 3.2) for full ties.
 *
 * @example rankFilings(rows).rank[i] // the sequence of filingId(rows[i].type, rows[i].filingDay, …)
 */
export function rankFilings(rows: readonly RankableFiling[]): FilingRanks {
  const order = rows.map((_, i) => i);
  order.sort((a, b) => {
    const ra = rows[a];
    const rb = rows[b];
    if (ra.filingTimestamp !== rb.filingTimestamp) return ra.filingTimestamp - rb.filingTimestamp;
    if (ra.playerId !== rb.playerId) return ra.playerId < rb.playerId ? -1 : 1;
    return a - b;
  });
  const rank = new Array<number>(rows.length);
  const yearRank = new Array<number | null>(rows.length).fill(null);
  const perType = new Map<FilingType, number>();
  const perYear = new Map<number, number>();
  for (const i of order) {
    const row = rows[i];
    const r = (perType.get(row.type) ?? 0) + 1;
    perType.set(row.type, r);
    rank[i] = r;
    if (row.type === 'W2G') {
      const year = toCivilDate(row.filingDay).year;
      const y = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, y);
      yearRank[i] = y;
    }
  }
  return { rank, yearRank };
}
