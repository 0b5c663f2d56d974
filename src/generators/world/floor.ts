/** The slot floor (SPEC 3.6): 500 machines with fixed attributes, meters and paytables. */
import {
  DENOMINATION_CENTS, DENOMINATION_WEIGHTS, HOLD_RANGE, JACKPOT_SCALE, MACHINE_COUNT, MACHINE_TYPES, MANUFACTURERS,
  MAX_CREDITS, PAYTABLE_MULTIPLIERS, PAYTABLE_WEIGHTS, SLOT_ZONE_CODES, SLOT_ZONES, THEME_PREFIXES, THEME_SUFFIXES,
  VIDEO_POKER, VIDEO_POKER_HOLD, ZONE_BY_DENOMINATION,
} from '../data/slot-floor';
import { KeyedPermutation, WeightTable, assignApportioned, round, uniformPick, type Rng } from '../rng';
import { machineId, pad } from './ids';

export interface SlotMachine {
  /** 1-based machine number. */
  readonly num: number;
  readonly id: string;
  readonly asset: string;
  readonly locationId: string;
  /** Index into SLOT_ZONES. */
  readonly zone: number;
  /** Index into DENOMINATION_CENTS. */
  readonly denomIndex: number;
  readonly denomCents: number;
  readonly maxCredits: number;
  /** Index into MACHINE_TYPES. */
  readonly type: number;
  readonly manufacturer: number;
  readonly theme: string;
  /** Theoretical hold fraction, 4 dp. */
  readonly hold: number;
  readonly coinIn0Cents: number;
  readonly coinOut0Cents: number;
  readonly games0: number;
  /** Probability that a play hits, and the paytable restricted below the W-2G threshold (SPEC 4.3). */
  readonly hitProbability: number;
  readonly multipliers: readonly number[];
  readonly paytable: WeightTable;
  /** Machine-paid jackpots occur only where 0.9 × S < the slot threshold. */
  readonly machinePaidJackpots: boolean;
  readonly jackpotScale: number;
}

export interface SlotFloor {
  readonly machines: readonly SlotMachine[];
  /** Machine indices (0-based) by machine type. */
  readonly byType: readonly (readonly number[])[];
}

/** Builds the floor; `rng` is the floor stream (after the locations' camera draws). */
export function buildFloor(seed: number, rng: Rng, slotThreshold: number): SlotFloor {
  const assetPerm = new KeyedPermutation(seed, 'asset_number', 90_000_000, 10_000_000);
  const denoms = assignApportioned(rng, MACHINE_COUNT, DENOMINATION_WEIGHTS);
  const zones = assignZones(rng, denoms);
  const types = assignApportioned(rng, MACHINE_COUNT, MACHINE_TYPES.map(() => 1));
  const banks = bankIds(zones);
  const machines: SlotMachine[] = [];
  for (let i = 0; i < MACHINE_COUNT; i++) {
    const num = i + 1;
    const d = denoms[i];
    const manufacturer = uniformPick(rng, MANUFACTURERS.length);
    const theme = `${THEME_PREFIXES[uniformPick(rng, THEME_PREFIXES.length)]} ${THEME_SUFFIXES[uniformPick(rng, THEME_SUFFIXES.length)]}`;
    const [lo, hi] = types[i] === VIDEO_POKER ? VIDEO_POKER_HOLD : HOLD_RANGE[d];
    const hold = round(rng.between(lo, hi), 4);
    const coinIn0Cents = round(rng.between(10_000, 1_000_000) * 100);
    const delta = rng.between(-0.02, 0.02);
    const coinOut0Cents = round(coinIn0Cents * (1 - hold - delta));
    const denomCents = DENOMINATION_CENTS[d];
    const maxBetCents = denomCents * MAX_CREDITS[d];
    const allowed = PAYTABLE_MULTIPLIERS.map((m, k) => (m * maxBetCents < slotThreshold * 100 ? k : -1)).filter((k) => k >= 0);
    const weights = allowed.map((k) => PAYTABLE_WEIGHTS[k]);
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const expected = allowed.reduce((acc, k) => acc + PAYTABLE_MULTIPLIERS[k] * PAYTABLE_WEIGHTS[k], 0) / weightSum;
    machines.push({
      num,
      id: machineId(num),
      asset: `AST-${assetPerm.map(num)}`,
      locationId: banks[i],
      zone: zones[i],
      denomIndex: d,
      denomCents,
      maxCredits: MAX_CREDITS[d],
      type: types[i],
      manufacturer,
      theme,
      hold,
      coinIn0Cents,
      coinOut0Cents,
      games0: Math.floor(coinIn0Cents / (denomCents * 3)),
      hitProbability: (1 - hold) / expected,
      multipliers: allowed.map((k) => PAYTABLE_MULTIPLIERS[k]),
      paytable: new WeightTable(weights),
      machinePaidJackpots: 0.9 * JACKPOT_SCALE[d] < slotThreshold,
      jackpotScale: JACKPOT_SCALE[d],
    });
  }
  const byType = MACHINE_TYPES.map((_, t) => machines.filter((m) => m.type === t).map((m) => m.num - 1));
  return { machines, byType };
}

/** Zones apportioned within each denomination's machines, in machine order (SPEC 3.6). */
function assignZones(rng: Rng, denoms: Uint8Array): Uint8Array {
  const zones = new Uint8Array(denoms.length);
  for (let d = 0; d < DENOMINATION_CENTS.length; d++) {
    const members: number[] = [];
    denoms.forEach((v, i) => v === d && members.push(i));
    const assigned = assignApportioned(rng, members.length, ZONE_BY_DENOMINATION[d]);
    members.forEach((m, j) => (zones[m] = assigned[j]));
  }
  return zones;
}

/** Banks of 10 machines per zone in machine order: `LOC-<zone code><bbb>` (SPEC 3.5). */
function bankIds(zones: Uint8Array): string[] {
  const seen = new Array<number>(SLOT_ZONES.length).fill(0);
  return Array.from(zones, (z) => `LOC-${SLOT_ZONE_CODES[z]}${pad(Math.floor(seen[z]++ / 10) + 1, 3)}`);
}
