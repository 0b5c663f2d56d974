/**
 * What one work unit's rows leave for the integrity checks (see integrity-tally.ts, which computes it, and
 * integrity.ts, which merges the units in file order), and the filing rule checked row by row.
 */
import type { TableKey } from '../generators/tables';

/** A filing as the cross-table checks need it (hashes instead of strings). */
export interface FilingRow {
  readonly kind: string;
  readonly player: number;
  readonly day: number;
  /** Hashes of the ids in source_ids. */
  readonly sources: number[];
  readonly ssn: number;
  readonly dob: number;
  readonly token: number;
  readonly filingId: number;
  readonly inCents: number;
  readonly outCents: number;
  /** `player|machine|cents|day` of a slot or video poker W-2G, else null. */
  readonly w2gKey: string | null;
}

export interface IntegrityPart {
  readonly key: TableKey;
  readonly rows: number;
  /** Tables with a timestamp: the unit's first and last time, rows outside the window, rows out of order inside. */
  readonly times: { readonly first: number; readonly last: number; readonly outside: number; readonly unsorted: number } | null;
  /** Id hashes in row order (null for the players); slot and cage ids also resolve the filings' sources. */
  readonly ids: Float64Array | null;
  readonly carded: number;
  readonly unknownPlayers: number;
  /** Distinct player × 100,000 + day of carded activity and filings. */
  readonly activity: Float64Array;
  /** Player numbers, and five facts per player: eligible 0/1, enrollment day, last visit day, ssn hash, birth day. */
  readonly players: { readonly numbers: Float64Array; readonly facts: Float64Array } | null;
  readonly slots: {
    readonly playsOverThreshold: number;
    readonly handPayCount: number;
    /** `player|machine|cents|gaming day` of jackpots at or over the W-2G threshold, with multiplicity. */
    readonly handPays: [string, number][];
  } | null;
  readonly financial: {
    readonly payouts: Float64Array;
    readonly flagged: Float64Array;
    /** [player, first ID token, last ID token] of the unit, and the changes of token inside it. */
    readonly tokens: number[][];
    readonly tokenMismatches: number;
    readonly ctrRowsFlagged: number;
    readonly ctrRefsMissing: number;
    /** Distinct (`player|day`, reference hash) of rows marked ctr_required. */
    readonly ctrRefs: [string, number][];
    /** Counted cash [`player|day`, in, out, day] of the unit's first and last gaming days; [key, in, out] of the days between, over the CTR threshold. */
    readonly cash: { readonly edges: [string, number, number, number][]; readonly over: [string, number, number][] };
  } | null;
  readonly compliance: { readonly rows: FilingRow[]; readonly deadlinesMissed: number; readonly referenceRulesBroken: number } | null;
}

/** I36 deadlines and status against as_of; I37 which references a filing carries ([fincen, irs, amended] hashes, −1 null). */
export function checkFiling(
  kind: string, status: string, day: number, filing: number, due: number, detected: number, asOfDay: number, refs: number[],
): { inTime: boolean; references: boolean } {
  const [fincen, irs, amended] = refs.map((h) => h !== -1);
  const pending = status === 'Draft' || status === 'Pending Review';
  let inTime: boolean;
  if (kind === 'CTR') inTime = day + 1 <= filing && filing <= day + 15 && due === day + 15 && pending === filing > asOfDay;
  else if (kind === 'SAR') inTime = detected <= filing && filing <= due && due === detected + 30 && pending === filing > asOfDay;
  else inTime = filing === day && status === 'Filed';
  const filed = status === 'Filed' || status === 'Amended';
  const references = kind === 'W2G' ? irs && !fincen && !amended : !irs && fincen === filed && amended === (status === 'Amended');
  return { inTime, references };
}

/** The typed arrays of a part, for transfer between threads. */
export function integrityBuffers(part: IntegrityPart): ArrayBuffer[] {
  const arrays = [part.ids, part.activity, part.players?.numbers, part.players?.facts, part.financial?.payouts, part.financial?.flagged];
  return arrays.filter((a): a is Float64Array => a != null).map((a) => a.buffer as ArrayBuffer);
}
