/**
 * The compliance book: every planned filing completed from the rows that back it (SPEC 9.2, 10),
 * ranked for its ids (3.3) and sorted by filing_timestamp (ties: plan order). CTR totals, trigger
 * instants and sources come from the cage ledger; W-2G slot sources from the slot skeletons.
 * Built once per world; the financial table reads CTR references and payout notes from it.
 */
import { chunkLength, owningChunk } from '../chunks';
import { TXN_TYPES, countedSide } from '../data/financial';
import { KeyedPermutation } from '../rng';
import { FincenReferences, filingId, irsReference, rankFilings, type FilingType } from '../rules/filing-ids';
import { carriesFincenReference, reviewNotes, type FilingStatus } from '../rules/filing-status';
import { sarNarrative, type SarCategory } from '../rules/sar-narrative';
import { withholding } from '../rules/w2g';
import { toCivilDate } from '../scenario/instant';
import type { W2gGameType } from '../scenario/jurisdictions';
import { dayOf } from '../time/units';
import type { World } from '../world';
import { employeeId, playerId } from '../world/ids';
import type { PlannedFiling } from '../world/plan';
import { eventIdsAt } from './common-columns';
import { financialLedger, type Ledger } from './financial-ledger';
import { CTR_LIMIT_CENTS } from './financial-rows';
import { buildSlotSkeleton } from './slot-skeleton';

export interface FilingRecord {
  readonly type: FilingType;
  readonly player: number;
  readonly day: number;
  readonly filingT: number;
  readonly filingDay: number;
  readonly dueDay: number;
  readonly status: FilingStatus;
  readonly reviewNote: string | null;
  readonly officer: number;
  readonly amountCents: number;
  readonly cashInCents: number;
  readonly cashOutCents: number;
  readonly sourceIds: string;
  readonly sourceCount: number;
  readonly game: W2gGameType | null;
  readonly machine: number;
  readonly table: number;
  readonly jackpotCents: number;
  readonly wagerCents: number;
  readonly withholdingRate: number;
  readonly withholdingCents: number;
  readonly category: SarCategory | null;
  readonly narrative: string | null;
  readonly filingId: string;
  readonly fincenReference: string | null;
  readonly amendedFrom: string | null;
  readonly irsReference: string | null;
}

export interface ComplianceBook {
  /** File order (by filing_timestamp, ties plan order). */
  readonly records: readonly FilingRecord[];
  /** The same records in plan order (index = plan filing). */
  readonly byFiling: readonly FilingRecord[];
}

type Draft = Omit<FilingRecord, 'filingId' | 'fincenReference' | 'amendedFrom' | 'irsReference' | 'reviewNote'> & { note: string | null };

const cache = new WeakMap<World, ComplianceBook>();

export function complianceBook(world: World): ComplianceBook {
  let book = cache.get(world);
  if (!book) cache.set(world, (book = buildBook(world)));
  return book;
}

/** `TXN-` + 12 uppercase hex: a keyed 48-bit permutation of the row index (3.3). */
export function transactionIds(seed: number): (row: number) => string {
  const perm = new KeyedPermutation(seed, 'transaction_id', 2 ** 48);
  return (row) => `TXN-${perm.map(row).toString(16).toUpperCase().padStart(12, '0')}`;
}

function buildBook(world: World): ComplianceBook {
  const { plan, scenario } = world;
  const ledger = financialLedger(world);
  const txnId = transactionIds(scenario.seed);
  const jackpotEvents = slotJackpotEventIds(world);
  const drafts = plan.filings.map((f, i): Draft => {
    const base = {
      type: f.type, player: f.player, day: f.day, filingDay: f.filingDay, dueDay: f.dueDay, status: f.status, note: f.note,
      officer: f.officer, cashInCents: NaN, cashOutCents: NaN, game: f.game, machine: f.machine, table: f.table,
      jackpotCents: NaN, wagerCents: NaN, withholdingRate: NaN, withholdingCents: NaN, category: f.category, narrative: null,
    };
    if (f.type === 'CTR') return { ...base, ...ctrFacts(world, ledger, f, txnId) };
    const rows = f.txns.map((t) => ledger.plannedRow[t]).sort((a, b) => a - b);
    const amountCents = rows.reduce((s, r) => s + ledger.amountCents[r], 0);
    if (f.type === 'SAR') {
      const narrative = sarNarrative({
        category: f.category!, playerId: playerId(f.player + 1), gamingDay: f.day,
        transactions: rows.map((r) => ({ timestamp: ledger.t[r], amountCents: ledger.amountCents[r], type: TXN_TYPES[ledger.type[r]] })),
      }, world.rules.jurisdiction);
      return { ...base, filingT: f.filingT, amountCents, narrative, sourceIds: rows.map(txnId).join(';'), sourceCount: rows.length };
    }
    const held = withholding(world.rules.jurisdiction, f.game!, f.jackpotCents, f.wagerCents, world.population.hasTin[f.player] === 1);
    const sources = [...(jackpotEvents.has(i) ? [jackpotEvents.get(i)!] : []), txnId(rows[0])];
    return {
      ...base, filingT: f.filingT, amountCents: f.jackpotCents, jackpotCents: f.jackpotCents, wagerCents: f.wagerCents,
      withholdingRate: held.rate, withholdingCents: held.amountCents, sourceIds: sources.join(';'), sourceCount: sources.length,
    };
  });
  const ranks = rankFilings(drafts.map((d) => ({ type: d.type, filingTimestamp: d.filingT, playerId: playerId(d.player + 1), filingDay: d.filingDay })));
  const refs = new FincenReferences(scenario.seed);
  const byFiling = drafts.map(({ note, ...d }, i): FilingRecord => {
    const rank = ranks.rank[i];
    const fincen = d.type !== 'W2G' && carriesFincenReference(d.status);
    return {
      ...d,
      reviewNote: d.status === 'Pending Review' ? reviewNotes(d.status, employeeId(d.officer), dayOf(d.filingT), null) : note,
      filingId: filingId(d.type, d.filingDay, rank),
      fincenReference: fincen ? refs.fincenReference(d.type as 'CTR' | 'SAR', rank) : null,
      amendedFrom: d.status === 'Amended' ? refs.amendedFrom(d.type as 'CTR' | 'SAR', rank) : null,
      irsReference: d.type === 'W2G' ? irsReference(toCivilDate(d.filingDay).year, ranks.yearRank[i]!) : null,
    };
  });
  const order = byFiling.map((_, i) => i).sort((a, b) => byFiling[a].filingT - byFiling[b].filingT || a - b);
  return { records: order.map((i) => byFiling[i]), byFiling };
}

/** A CTR from its day's counted rows (9.2, 10.2): totals, sources, and trigger + delay. */
function ctrFacts(world: World, ledger: Ledger, f: PlannedFiling, txnId: (row: number) => string) {
  const rows = ledger.ctrRows.get(f.visit) ?? [];
  let inCents = 0;
  let outCents = 0;
  let trigger = NaN;
  for (const r of rows) {
    const side = countedSide(ledger.type[r], ledger.method[r]);
    if (side > 0) inCents += ledger.amountCents[r];
    else outCents += ledger.amountCents[r];
    if (Number.isNaN(trigger) && (inCents > CTR_LIMIT_CENTS || outCents > CTR_LIMIT_CENTS)) trigger = ledger.t[r];
  }
  if (Number.isNaN(trigger)) throw new Error(`CTR of visit ${f.visit} has no cash over the threshold`);
  const { end } = world.scenario;
  let filingT = trigger + f.filingT;
  if (filingT >= end) filingT = trigger + Math.floor((end - trigger) / 2);
  return {
    filingT, amountCents: inCents + outCents, cashInCents: inCents, cashOutCents: outCents,
    sourceIds: rows.map(txnId).join(';'), sourceCount: rows.length,
  };
}

/** event_id of each W-2G's slot jackpot row, by plan filing: one skeleton per chunk holding any. */
function slotJackpotEventIds(world: World): Map<number, string> {
  const jackpots = world.plan.slotJackpots;
  const total = world.scenario.counts.slots ?? 0;
  const byChunk = new Map<number, number[]>();
  jackpots.instants.forEach((t, i) => {
    const k = owningChunk(world.axis, t, total);
    const list = byChunk.get(k) ?? [];
    list.push(i);
    byChunk.set(k, list);
  });
  const ids = new Map<number, string>();
  for (const [k, list] of byChunk) {
    const skeleton = buildSlotSkeleton(world, k, chunkLength(total, k));
    const rows: number[] = [];
    skeleton.plannedJackpots.forEach((j, r) => j >= 0 && rows.push(r));
    const events = eventIdsAt(world.scenario.seed, 'slots', k, rows);
    rows.forEach((r, i) => ids.set(jackpots.filings[skeleton.plannedJackpots[r]], events[i]));
    if (list.some((j) => !ids.has(jackpots.filings[j]))) throw new Error(`slot chunk ${k} lost a planned jackpot`);
  }
  return ids;
}
