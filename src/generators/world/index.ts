/**
 * The world: everything derived from the scenario before any row is written (SPEC 3). Its costly parts (the
 * population, the visit calendar, the slot pairs and the plan: about a second at the production preset) are
 * drawn once per run and handed to the other threads as plain data (WorldParts); each thread rebuilds the cheap
 * rest (roster, floor, tables, keyed hashes), which is identical everywhere.
 */
import type { Scenario } from '../scenario/types';
import type { Jurisdiction } from '../scenario/jurisdictions';
import { openStream, createKeyedHasher, createKeyedHexWriter, createTokenizer, type KeyedHexWriter } from '../rng';
import { TimeAxis, casinoIntensity, gamingDay, securityIntensity } from '../time/intensity';
import { dayOf } from '../time/units';
import { buildCalendar, type VisitCalendar } from './calendar';
import { buildFloor, type SlotFloor } from './floor';
import { buildLocations, type Locations } from './locations';
import { assignDealers, buildTables, type GameTable } from './pits';
import { buildPairs, type PlannedSlotRows } from './pairs';
import { buildPlan, type Plan } from './plan';
import { buildPopulation, type Population } from './population';
import { buildRoster, type Roster } from './roster';

/** Population size when the player table is not generated (SPEC 3.8). */
export const DEFAULT_POPULATION = 10_000;

export interface WorldRules {
  /** The user's PII secret when `pii_key` is `secret` (never stored; SPEC 11.2). */
  readonly piiSecret?: string;
  /** Slot / video-poker W-2G threshold in dollars (jurisdiction preset, SPEC 2.4). */
  readonly slotThreshold: number;
  /** Every threshold and rate of the jurisdiction preset (SPEC 2.4). */
  readonly jurisdiction: Jurisdiction;
}

export interface World {
  readonly scenario: Scenario;
  readonly rules: WorldRules;
  readonly axis: TimeAxis;
  readonly securityAxis: TimeAxis;
  /** D_start and D_end (SPEC 1). */
  readonly dStart: number;
  readonly dEnd: number;
  readonly firstGamingDay: number;
  readonly lastGamingDay: number;
  readonly roster: Roster;
  readonly locations: Locations;
  readonly floor: SlotFloor;
  readonly tables: readonly GameTable[];
  /** Dealer employee number per (gaming day, shift, table): see assignDealers. */
  readonly dealers: Uint16Array;
  readonly population: Population;
  readonly calendar: VisitCalendar;
  /** The keyed hash of SPEC 1.1 (session ids): 16 hex characters. */
  readonly idHash: (value: string) => string;
  /** The same hash from UTF-8 bytes, written as 16 hex bytes (the slot table's session ids). */
  readonly idHashInto: KeyedHexWriter;
  /** token(kind, value) of SPEC 11.2: 64 lowercase hex. */
  readonly token: (kind: string, value: string) => string;
  /** Door and power pairs for the slot table (empty when slots are not generated). */
  readonly slotPairs: PlannedSlotRows;
  /** The filings and their backing activity (SPEC 3.10); empty without compliance rows. */
  readonly plan: Plan;
}

/** The costly parts of a world, as data a thread can send to another (typed arrays, maps, sets and strings). */
export interface WorldParts {
  /** The scenario they were drawn for, as JSON: parts are only ever used for that same scenario. */
  readonly scenario: string;
  readonly population: Population;
  readonly calendar: VisitCalendar;
  readonly slotPairs: PlannedSlotRows;
  readonly plan: Plan;
}

/** The parts of a world another thread can build its own copy from (buildWorld's `parts`). */
export function worldParts(world: World): WorldParts {
  const { population, calendar, slotPairs, plan } = world;
  return { scenario: JSON.stringify(world.scenario), population, calendar, slotPairs, plan };
}

/** Builds a world; with `parts` (drawn for this scenario by worldParts elsewhere), only its cheap rest is built here. */
export function buildWorld(scenario: Scenario, rules: WorldRules, parts?: WorldParts): World {
  if (parts && parts.scenario !== JSON.stringify(scenario)) throw new Error('world parts of another scenario');
  const { seed, start, end } = scenario;
  const axis = new TimeAxis(start, end, casinoIntensity);
  const dStart = dayOf(start);
  const dEnd = dayOf(end - 1);
  const firstGamingDay = gamingDay(start);
  const lastGamingDay = gamingDay(end - 1);
  const roster = buildRoster(seed);
  const floorRng = openStream(seed, 'world', 'floor', 0);
  const locations = buildLocations(floorRng);
  const floor = buildFloor(seed, floorRng, rules.slotThreshold);
  const pitsRng = openStream(seed, 'world', 'pits', 0);
  const tables = buildTables(pitsRng);
  const dealers = assignDealers(pitsRng, tables, roster.certifiedDealers, lastGamingDay - firstGamingDay + 1);
  const population = parts?.population ?? buildPopulation(seed, scenario.counts.players ?? DEFAULT_POPULATION, dStart, dEnd);
  const calendar = parts?.calendar ?? buildCalendar(seed, population, firstGamingDay, lastGamingDay);
  const slotPairs = parts?.slotPairs ?? buildPairs(seed, axis, scenario.counts.slots ?? 0);
  const plan = parts?.plan ?? buildPlan({
    scenario, jurisdiction: rules.jurisdiction, axis, calendar, population, floor, tables, slotPairs,
    complianceOfficers: roster.byRole('Compliance officer'), cashiers: roster.byRole('Cashier'),
  });
  return {
    scenario, rules, axis, securityAxis: new TimeAxis(start, end, securityIntensity),
    dStart, dEnd, firstGamingDay, lastGamingDay, roster, locations, floor, tables, dealers, population, calendar,
    idHash: createKeyedHasher(seed),
    idHashInto: createKeyedHexWriter(seed),
    token: createTokenizer(piiKeyMaterial(scenario, rules)),
    slotPairs,
    plan,
  };
}

/** The seed as text, or the user's secret when `pii_key` is `secret` (SPEC 11.2). */
function piiKeyMaterial(scenario: Scenario, rules: WorldRules): string {
  if (scenario.pii_key !== 'secret') return String(scenario.seed);
  if (!rules.piiSecret) throw new Error('pii_key is "secret" but no secret was given (set CDS_PII_SECRET)');
  return rules.piiSecret;
}
