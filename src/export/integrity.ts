/**
 * The coherence checks of SPEC 12 on the rows a run writes (no second generation pass): each check says pass or
 * fail with the counts behind it, e.g. "W-2G: 412 filings, 412 matching jackpots". Each work unit is tallied where
 * its rows are generated (integrity-tally.ts); this merges the tallies in file order and joins them across units
 * and tables. Ids are kept as 52-bit hashes of their bytes, so memory stays small.
 */
import type { ColumnBatch } from '../generators/columns';
import type { Scenario } from '../generators/scenario/types';
import { SCHEMAS } from '../generators/schema';
import type { TableKey } from '../generators/tables';
import { SortedIds } from './sorted-ids';
import { tallyIntegrity, thresholdsOf } from './integrity-tally';
import type { IntegrityPart } from './integrity-part';

export interface IntegrityCheck {
  /** SPEC 12 invariant ids, e.g. `I31`. */
  readonly id: string;
  readonly title: string;
  readonly pass: boolean;
  readonly detail: string;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export class IntegrityCollector {
  private readonly rows = new Map<TableKey, number>();
  /** Id hashes per table: repeats are duplicate ids; slot and cage ids also resolve the filings' sources. */
  private readonly ids = new Map<TableKey, SortedIds>();
  private readonly outOfWindow = new Map<TableKey, number>();
  private readonly unsorted = new Map<TableKey, number>();
  private readonly lastTime = new Map<TableKey, number>();
  private readonly playerIds = new Set<number>();
  private unknownPlayers = 0;
  private carded = 0;
  private readonly ctrThresholdCents: number;
  /** (player|machine|cents|day) of slot jackpots at or above the W-2G threshold, with multiplicity. */
  private readonly handPays = new Map<string, number>();
  private handPayCount = 0;
  private playsOverThreshold = 0;
  /** Counted cash [in, out, day] of the patron-days that may continue in the next unit (the last gaming days seen). */
  private readonly openCash = new Map<string, [number, number, number]>();
  /** Counted cash [in, out] of the complete patron-days over the CTR threshold. */
  private readonly overCash = new Map<string, [number, number]>();
  private readonly payouts = new Set<number>();
  private readonly flagged = new Set<number>();
  private readonly ctrs: { key: string; inCents: number; outCents: number }[] = [];
  private readonly w2gKeys = new Map<string, number>();
  private w2g = 0;
  private w2gSlot = 0;
  private w2gPayoutsFound = 0;
  private readonly payoutsNamed = new Set<number>();
  private sar = 0;
  private sarSources = 0;
  private sarSourcesFlagged = 0;
  private sources = 0;
  private sourcesResolved = 0;
  /** Per player (from the players file): [eligible 0/1, enrollment day, last visit day, ssn hash, birth day]. */
  private readonly playerFacts = new Map<number, number[]>();
  /** Distinct (player, gaming day) of carded activity rows, and compliance (player, transaction_date). */
  private readonly activity = new SortedIds();
  /** Financial rows: counted cash of a CTR day should carry its CTR's filing id. */
  private readonly ctrRefs = new Map<string, Set<number>>();
  private ctrRefsMissing = 0;
  private ctrRowsFlagged = 0;
  /** ID-document tokens per player, seen in financial rows. */
  private readonly idTokens = new Map<number, number>();
  private readonly ctrFilingIds = new Map<string, number>();
  private compliance = 0;
  private deadlinesMissed = 0;
  private referenceRulesBroken = 0;
  private identityMismatches = 0;

  constructor(private readonly scenario: Scenario) {
    this.ctrThresholdCents = thresholdsOf(scenario).ctrCents;
  }

  /** Tallies and merges one batch here (the run's rows are in this thread). */
  add(key: TableKey, batch: ColumnBatch): void {
    this.merge(tallyIntegrity(this.scenario, key, [batch]));
  }

  /** Merges a unit's tally; the units of a table in file order, the tables in the run's order. */
  merge(part: IntegrityPart): void {
    const { key } = part;
    this.rows.set(key, (this.rows.get(key) ?? 0) + part.rows);
    if (part.times) {
      const { first, last, outside, unsorted } = part.times;
      const before = this.lastTime.get(key) ?? -Infinity;
      this.lastTime.set(key, last);
      this.outOfWindow.set(key, (this.outOfWindow.get(key) ?? 0) + outside);
      this.unsorted.set(key, (this.unsorted.get(key) ?? 0) + unsorted + (first < before ? 1 : 0));
    }
    if (part.ids) {
      const ids = this.ids.get(key) ?? new SortedIds(this.scenario.counts[key] ?? 0);
      this.ids.set(key, ids);
      ids.add(part.ids);
    }
    this.carded += part.carded;
    this.unknownPlayers += part.unknownPlayers;
    this.activity.add(part.activity);
    if (part.players) this.mergePlayers(part.players);
    if (part.slots) this.mergeSlots(part.slots);
    if (part.financial) this.mergeFinancial(part.financial);
    if (part.compliance) this.mergeCompliance(part.compliance);
  }

  private mergePlayers({ numbers, facts }: NonNullable<IntegrityPart['players']>): void {
    numbers.forEach((n, i) => {
      this.playerIds.add(n);
      this.playerFacts.set(n, Array.from(facts.subarray(5 * i, 5 * i + 5)));
    });
  }

  private mergeSlots(slots: NonNullable<IntegrityPart['slots']>): void {
    this.playsOverThreshold += slots.playsOverThreshold;
    this.handPayCount += slots.handPayCount;
    for (const [key, n] of slots.handPays) this.handPays.set(key, (this.handPays.get(key) ?? 0) + n);
  }

  private mergeFinancial(f: NonNullable<IntegrityPart['financial']>): void {
    for (const [p, first, last] of f.tokens) {
      if ((this.idTokens.get(p) ?? first) !== first) this.identityMismatches++;
      this.idTokens.set(p, last);
    }
    this.identityMismatches += f.tokenMismatches;
    this.ctrRowsFlagged += f.ctrRowsFlagged;
    this.ctrRefsMissing += f.ctrRefsMissing;
    for (const [key, ref] of f.ctrRefs) this.ctrRefs.set(key, (this.ctrRefs.get(key) ?? new Set<number>()).add(ref));
    for (const h of f.payouts) this.payouts.add(h);
    for (const h of f.flagged) this.flagged.add(h);
    // Rows come in time order: a patron-day open before this unit's first gaming day is complete.
    if (f.cash.edges.length > 0) this.closeCashDays(Math.min(...f.cash.edges.map(([, , , day]) => day)));
    for (const [key, inCents, outCents, day] of f.cash.edges) {
      const sums = this.openCash.get(key) ?? [0, 0, day];
      sums[0] += inCents;
      sums[1] += outCents;
      this.openCash.set(key, sums);
    }
    for (const [key, inCents, outCents] of f.cash.over) this.overCash.set(key, [inCents, outCents]);
  }

  /** Moves the open patron-days before `day` to the complete ones, keeping those over the threshold. */
  private closeCashDays(day: number): void {
    for (const [key, [inCents, outCents, d]] of this.openCash) {
      if (d >= day) continue;
      this.openCash.delete(key);
      if (this.overThreshold(inCents, outCents)) this.overCash.set(key, [inCents, outCents]);
    }
  }

  private overThreshold(inCents: number, outCents: number): boolean {
    return inCents > this.ctrThresholdCents || outCents > this.ctrThresholdCents;
  }

  private mergeCompliance(c: NonNullable<IntegrityPart['compliance']>): void {
    this.deadlinesMissed += c.deadlinesMissed;
    this.referenceRulesBroken += c.referenceRulesBroken;
    const slotIds = this.ids.get('slots');
    const txnIds = this.ids.get('financial');
    for (const row of c.rows) {
      const { kind, player: p, day, sources: ids } = row;
      this.compliance++;
      const facts = this.playerFacts.get(p);
      if (facts && (facts[3] !== row.ssn || facts[4] !== row.dob)) this.identityMismatches++;
      if ((this.idTokens.get(p) ?? row.token) !== row.token) this.identityMismatches++;
      if (kind === 'CTR') this.ctrFilingIds.set(`${p}|${day}`, row.filingId);
      this.sources += ids.length;
      this.sourcesResolved += ids.filter((h) => slotIds?.has(h) || txnIds?.has(h)).length;
      if (kind === 'CTR') {
        this.ctrs.push({ key: `${p}|${day}`, inCents: row.inCents, outCents: row.outCents });
      } else if (kind === 'SAR') {
        this.sar++;
        this.sarSources += ids.length;
        this.sarSourcesFlagged += ids.filter((h) => this.flagged.has(h)).length;
      } else {
        this.w2g++;
        const payout = ids.filter((h) => this.payouts.has(h));
        if (payout.length === 1 && !this.payoutsNamed.has(payout[0])) {
          this.w2gPayoutsFound++;
          this.payoutsNamed.add(payout[0]);
        }
        if (row.w2gKey !== null) {
          this.w2gSlot++;
          this.w2gKeys.set(row.w2gKey, (this.w2gKeys.get(row.w2gKey) ?? 0) + 1);
        }
      }
    }
  }

  /** The checks that apply to the tables written. */
  result(): IntegrityCheck[] {
    const checks: IntegrityCheck[] = [];
    const has = (key: TableKey) => this.scenario.counts[key] !== null;
    const written = [...this.rows.keys()];
    const wrongCounts = written.filter((k) => this.rows.get(k) !== this.scenario.counts[k]);
    checks.push({ id: 'I1', title: 'Row counts', pass: wrongCounts.length === 0, detail: written.map((k) => `${SCHEMAS[k].stem} ${fmt(this.rows.get(k) ?? 0)}`).join(', ') });
    const dups = [...this.ids].map(([k, s]) => [k, s.repeats] as const);
    checks.push({ id: 'I3', title: 'Unique ids', pass: dups.every(([, d]) => d === 0), detail: dups.map(([k, d]) => `${SCHEMAS[k].stem}: ${fmt(this.ids.get(k)!.size)} distinct, ${fmt(d)} repeated`).join('; ') || 'no id column written' });
    const outside = [...this.outOfWindow.values()].reduce((a, b) => a + b, 0);
    const unsorted = [...this.unsorted.values()].reduce((a, b) => a + b, 0);
    checks.push({ id: 'I5 I6', title: 'Timestamps in the window and in order', pass: outside === 0 && unsorted === 0, detail: `${fmt(outside)} outside the window, ${fmt(unsorted)} out of order` });
    const players = this.scenario.counts.players;
    const roster = players === null || (this.playerIds.size === players && [...this.playerIds].every((n) => n >= 1 && n <= players));
    checks.push({ id: 'I8', title: 'Every player id joins the players', pass: this.unknownPlayers === 0 && roster, detail: `${fmt(this.carded)} carded rows, ${fmt(this.unknownPlayers)} unknown players${players === null ? '' : `; players P000001…P${String(players).padStart(6, '0')} all present: ${roster ? 'yes' : 'no'}`}` });
    if (has('slots')) {
      const cap = Math.floor(0.05 * (this.rows.get('slots') ?? 0));
      checks.push({ id: 'I17', title: 'Slot payouts below the W-2G threshold except hand pays (≤ 5 %)', pass: this.playsOverThreshold === 0 && this.handPayCount <= cap, detail: `${fmt(this.playsOverThreshold)} plays at or over the threshold; ${fmt(this.handPayCount)} hand-pay jackpots (cap ${fmt(cap)})` });
    }
    if (has('compliance')) {
      let matched = 0;
      for (const [key, n] of this.w2gKeys) matched += Math.min(n, this.handPays.get(key) ?? 0);
      checks.push({ id: 'I28', title: 'W-2G ↔ slot jackpots', pass: matched === this.w2gSlot && matched === this.handPayCount, detail: `W-2G: ${fmt(this.w2gSlot)} slot filings, ${fmt(matched)} matching jackpots, ${fmt(this.handPayCount)} jackpots at or over the threshold` });
      checks.push({ id: 'I29', title: 'W-2G ↔ jackpot payouts', pass: this.w2gPayoutsFound === this.w2g && this.payouts.size === this.w2g, detail: `${fmt(this.w2g)} W-2Gs, ${fmt(this.w2gPayoutsFound)} with their own payout, ${fmt(this.payouts.size)} payouts in the cage` });
      const stillOpen = [...this.openCash].filter(([, [i, o]]) => this.overThreshold(i, o)).map(([key, [i, o]]) => [key, [i, o]] as const);
      const over = [...this.overCash, ...stillOpen];
      const ctrByKey = new Map(this.ctrs.map((c) => [c.key, c]));
      const exact = over.filter(([key, [i, o]]) => {
        const c = ctrByKey.get(key);
        return c !== undefined && c.inCents === i && c.outCents === o;
      }).length;
      checks.push({ id: 'I31', title: 'CTR ↔ counted cash', pass: exact === over.length && this.ctrs.length === over.length && ctrByKey.size === this.ctrs.length, detail: `CTR: ${fmt(this.ctrs.length)} filings, ${fmt(over.length)} patron-days over ${fmtDollars(this.ctrThresholdCents)}, ${fmt(exact)} with equal totals` });
      const ctrDays = [...this.ctrRefs].filter(([key, refs]) => refs.size === 1 && this.ctrFilingIds.get(key) === [...refs][0]).length;
      checks.push({ id: 'I32', title: 'Cage rows carry their CTR', pass: this.ctrRefsMissing === 0 && ctrDays === this.ctrs.length && this.ctrRefs.size === this.ctrs.length, detail: `${fmt(this.ctrRowsFlagged)} rows marked ctr_required over ${fmt(this.ctrRefs.size)} patron-days, ${fmt(ctrDays)} naming their CTR` });
      checks.push({ id: 'I34', title: 'SAR sources are flagged cage rows', pass: this.sarSourcesFlagged === this.sarSources, detail: `SAR: ${fmt(this.sar)} filings citing ${fmt(this.sarSources)} transactions, ${fmt(this.sarSourcesFlagged)} flagged suspicious` });
      checks.push({ id: 'I35', title: 'Every source id resolves', pass: this.sourcesResolved === this.sources, detail: `${fmt(this.sources)} source ids, ${fmt(this.sourcesResolved)} found in slots or financial` });
    }
    if (has('compliance')) {
      checks.push({ id: 'I36', title: 'Filing deadlines and status', pass: this.deadlinesMissed === 0, detail: `${fmt(this.compliance)} filings, ${fmt(this.deadlinesMissed)} outside their deadlines or with a status that contradicts as_of` });
      checks.push({ id: 'I37', title: 'FinCEN and IRS references', pass: this.referenceRulesBroken === 0, detail: `${fmt(this.referenceRulesBroken)} filings with a reference their status or type does not allow` });
    }
    if (has('players') && (has('financial') || has('compliance'))) {
      checks.push({ id: 'I38', title: 'Identity tokens join across tables', pass: this.identityMismatches === 0, detail: `${fmt(this.identityMismatches)} SSN, birth date or ID-document tokens that differ from the player's` });
    }
    if (has('players')) {
      let ineligible = 0;
      for (const key of this.activity.distinct()) {
        const facts = this.playerFacts.get(Math.floor(key / 100_000));
        const d = key % 100_000;
        if (!facts || !facts[0] || d < facts[1] || d > facts[2]) ineligible++;
      }
      checks.push({ id: 'I9', title: 'Activity only by eligible players on visit days', pass: ineligible === 0, detail: `${fmt(this.activity.size)} player-days of carded activity and filings, ${fmt(ineligible)} by an inactive or excluded player or outside enrollment … last visit` });
    }
    return checks;
  }
}

const fmtDollars = (cents: number) => `$${fmt(cents / 100)}`;
