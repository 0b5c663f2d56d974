/**
 * The cash-in distribution (SPEC 10.2): counted cash-in rows (payment_method Cash and a cash-in type) binned by
 * amount on a 1-2-5 log scale, and the same for each patron's counted cash-in per gaming day, which is what the CTR
 * threshold applies to. The threshold is always a bin edge, so the chart can mark it between two bars.
 */
import { toCents } from '../generators/rng';
import { CASH_IN_TYPES, COUNTED_PAYMENT_METHOD } from '../generators/rules/ctr';
import { ByteVocabulary } from './byte-vocabulary';
import { playerNumber, type Columns } from './batch-columns';

export interface CashInBin {
  /** Dollars: the bin is (low, high]; high is null for the last, open bin. */
  readonly low: number;
  readonly high: number | null;
  readonly transactions: number;
  readonly patronDays: number;
}

export interface CashInDistribution {
  /** The jurisdiction's CTR threshold in dollars (more than this per patron and gaming day needs a CTR). */
  readonly threshold: number;
  readonly bins: CashInBin[];
  readonly transactions: number;
  readonly patronDays: number;
  readonly patronDaysOverThreshold: number;
}

/** Bin edges in dollars (1-2-5 steps); the threshold is added when it is not one of them. */
const BASE_EDGES = [100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000];

/** A unit's cash-in sums (see CashInChart.part): its first and last gaming days stay open, as the units around may continue them. */
export interface CashInPart {
  readonly transactions: number;
  readonly transactionBins: number[];
  /** Patron-days of the gaming days strictly inside the unit, binned. */
  readonly dayBins: number[];
  readonly patronDays: number;
  readonly over: number;
  /** [gaming day, [player, counted cash-in cents][]] of the unit's first day (when it has several) and of its last. */
  readonly head: [number, [number, number][]] | null;
  readonly tail: [number, [number, number][]] | null;
}

export class CashInChart {
  private readonly edgeCents: number[];
  private readonly transactionBins: number[];
  private readonly dayBins: number[];
  private readonly types = new ByteVocabulary(CASH_IN_TYPES, false);
  private readonly methods = new ByteVocabulary([COUNTED_PAYMENT_METHOD], false);
  private transactions = 0;
  private patronDays = 0;
  private over = 0;
  /** Counted cash-in cents per player of the gaming day being read (rows come in time order, so days in order). */
  private day = -Infinity;
  private readonly dayTotals = new Map<number, number>();
  /** The first gaming day read, once closed: not binned until the result, as a previous unit may have begun it. */
  private head: [number, Map<number, number>] | null = null;

  private readonly thresholdCents: number;

  constructor(thresholdDollars: number) {
    this.thresholdCents = toCents(thresholdDollars);
    this.edgeCents = [...new Set([...BASE_EDGES, thresholdDollars])].sort((a, b) => a - b).map(toCents);
    this.transactionBins = new Array<number>(this.edgeCents.length + 1).fill(0);
    this.dayBins = new Array<number>(this.edgeCents.length + 1).fill(0);
  }

  add(cols: Columns, rows: number): void {
    const type = cols.str('transaction_type');
    const method = cols.str('payment_method');
    const amount = cols.f64('amount').values;
    const day = cols.date('business_date').values;
    const player = cols.str('player_id');
    for (let r = 0; r < rows; r++) {
      if (day[r] !== this.day) this.startDay(day[r]);
      if (this.methods.indexOf(method, r) !== 0 || this.types.indexOf(type, r) < 0) continue;
      const cents = toCents(amount[r]);
      this.transactions++;
      this.transactionBins[this.binOf(cents)]++;
      const p = playerNumber(player, r);
      this.dayTotals.set(p, (this.dayTotals.get(p) ?? 0) + cents);
    }
  }

  /** The sums so far, to be merged in file order into another CashInChart (a unit's rows tallied where they are generated). */
  part(): CashInPart {
    const open = (day: number, totals: Map<number, number>): [number, [number, number][]] => [day, [...totals]];
    return {
      transactions: this.transactions, transactionBins: [...this.transactionBins], dayBins: [...this.dayBins],
      patronDays: this.patronDays, over: this.over,
      head: this.head && open(...this.head), tail: this.day === -Infinity ? null : open(this.day, this.dayTotals),
    };
  }

  /** Adds the sums of the next unit in file order: its first day may continue the day being read. */
  merge(part: CashInPart): void {
    this.transactions += part.transactions;
    part.transactionBins.forEach((n, b) => (this.transactionBins[b] += n));
    part.dayBins.forEach((n, b) => (this.dayBins[b] += n));
    this.patronDays += part.patronDays;
    this.over += part.over;
    for (const open of [part.head, part.tail]) {
      if (open === null) continue;
      const [day, totals] = open;
      if (day !== this.day) this.startDay(day);
      for (const [p, cents] of totals) this.dayTotals.set(p, (this.dayTotals.get(p) ?? 0) + cents);
    }
  }

  /** The distribution so far; the gaming days still open count as closed (the accumulator keeps going). */
  result(): CashInDistribution {
    const dayBins = [...this.dayBins];
    const open = this.addDays(dayBins, this.dayTotals);
    const head = this.head ? this.addDays(dayBins, this.head[1]) : { days: 0, over: 0 };
    const patronDays = this.patronDays + open.days + head.days;
    const over = this.over + open.over + head.over;
    const thresholdBin = this.edgeCents.indexOf(this.thresholdCents);
    // Always show the bin above the threshold, so the threshold line has a bar on each side.
    let last = thresholdBin + 1;
    for (let b = 0; b < dayBins.length; b++) if (this.transactionBins[b] + dayBins[b] > 0) last = Math.max(last, b);
    const bins = this.transactionBins.slice(0, last + 1).map((transactions, b) => ({
      low: b === 0 ? 0 : this.edgeCents[b - 1] / 100,
      high: b < this.edgeCents.length ? this.edgeCents[b] / 100 : null,
      transactions, patronDays: dayBins[b],
    }));
    return { threshold: this.thresholdCents / 100, bins, transactions: this.transactions, patronDays, patronDaysOverThreshold: over };
  }

  /** Puts each patron's total of a gaming day into `bins`; its patron-days and those over the threshold. */
  private addDays(bins: number[], totals: Map<number, number>): { days: number; over: number } {
    let days = 0;
    let over = 0;
    for (const cents of totals.values()) {
      days++;
      if (cents > this.thresholdCents) over++;
      bins[this.binOf(cents)]++;
    }
    return { days, over };
  }

  /** Closes the gaming day being read (its patron totals go into the bins) and opens `day`. */
  private startDay(day: number): void {
    if (day < this.day) throw new Error('The cage transactions are not in time order (SPEC 3.2), so the cash-in chart cannot be drawn.');
    if (this.head === null && this.day !== -Infinity) this.head = [this.day, new Map(this.dayTotals)];
    else {
      const closed = this.addDays(this.dayBins, this.dayTotals);
      this.patronDays += closed.days;
      this.over += closed.over;
    }
    this.dayTotals.clear();
    this.day = day;
  }

  /** The bin (low, high] holding `cents`. */
  private binOf(cents: number): number {
    let b = 0;
    while (b < this.edgeCents.length && cents > this.edgeCents[b]) b++;
    return b;
  }
}
