/**
 * Security payloads (SPEC 8.2–8.4): everything but the type and the instant, drawn in row order
 * from the stream (`payload`, `security`, k) into typed arrays (−1 = null). Per row the draws
 * are: zone, location; then access (branch, employee, technical denial, reason), camera (camera,
 * description) or patrol (officer, route); then the incident fields (category, description,
 * escorted employee, officer, status); visitor; plate (chance, state, letters, digits); alarm;
 * excluded player. A list of one value is a constant and takes no draw.
 */
import { perWorld } from '../world/per-world';
import {
  ALARM_TYPES, CAMERA_DESCRIPTIONS, DENIED_NOT_ALLOWED, EMPLOYEE_ESCORT, INCIDENT_RULES, PATROL_ROUTES, PLATE_PROBABILITY,
  PLATE_TYPES, PLATE_ZONES, SECURITY_EVENT_TYPES, SWIPE_ALLOWED, SWIPE_TECHNICAL_DENIAL, SecurityEvent,
  TECHNICAL_REASONS, VISITOR_POOL, VISITOR_TYPES, ZONE_RULES, type IncidentRule,
} from '../data/security-events';
import { CITIES, CITY_WEIGHTS } from '../data/geography';
import { EMPLOYEE_COUNT } from '../data/roster';
import { SECURITY_ZONES } from '../data/security-zones';
import { WeightTable, uniformPick, type Rng } from '../rng';
import type { World } from '../world';

/** Drawn fields per row; indices are 0-based, −1 = null. */
export interface SecurityPayload {
  readonly zone: Uint8Array;
  /** Index into world.locations.all. */
  readonly location: Uint8Array;
  /** Employee number (1-based) or −1. */
  readonly employee: Int16Array;
  /** 1 granted, 0 denied, −1 not an access event. */
  readonly granted: Int8Array;
  /** 0 = Insufficient Access Level, 1.. = TECHNICAL_REASONS[reason − 1]. */
  readonly reason: Int8Array;
  /** Index into the zone's cameras. */
  readonly camera: Int16Array;
  /** Index into the type's category list. */
  readonly category: Int8Array;
  /** Index into the type's camera or incident description list. */
  readonly description: Int8Array;
  readonly officer: Int16Array;
  readonly status: Int8Array;
  readonly visitor: Int16Array;
  /** City index whose state starts the plate; code = letters (base 26) × 10,000 + digits. */
  readonly plateCity: Int8Array;
  readonly plateCode: Int32Array;
  readonly alarm: Int8Array;
  readonly route: Int8Array;
  /** Player index (sequence − 1). */
  readonly player: Int32Array;
}

const ZONE_INDEX = new Map<string, number>(SECURITY_ZONES.map((z, i) => [z.name, i]));
const ALL_ZONES = SECURITY_ZONES.map((_, i) => i);
const EMPLOYEE_LEVEL = 'Employee';
const LETTERS = 26;
const cityTable = new WeightTable(CITY_WEIGHTS);

interface TypeRule {
  readonly zones: readonly number[];
  readonly zoneTable: WeightTable | null;
  readonly cameraDescriptions: number;
  readonly incident: IncidentRule | null;
  readonly categoryTable: WeightTable | null;
  readonly descriptionTable: WeightTable | null;
  readonly statusTable: WeightTable | null;
  readonly employeeEscort: number;
  readonly visitor: boolean;
  readonly plate: boolean;
  readonly alarmTable: WeightTable | null;
  readonly alarms: number;
}

const table = (weights: readonly number[] | undefined): WeightTable | null => (weights ? new WeightTable(weights) : null);

/** Per event type: its rules of SPEC 8.2–8.4 resolved to indices and weight tables. */
export const TYPE_RULES: readonly TypeRule[] = SECURITY_EVENT_TYPES.map((name, t): TypeRule => {
  const zoneRule = ZONE_RULES[t];
  const incident = INCIDENT_RULES[name] ?? null;
  const alarms = ALARM_TYPES[name];
  return {
    zones: zoneRule.zones ? zoneRule.zones.map((z) => ZONE_INDEX.get(z) ?? -1) : ALL_ZONES,
    zoneTable: table(zoneRule.weights),
    cameraDescriptions: CAMERA_DESCRIPTIONS[name]?.length ?? 0,
    incident,
    categoryTable: table(incident?.categoryWeights),
    descriptionTable: table(incident?.descriptionWeights),
    statusTable: table(incident?.status ?? undefined),
    employeeEscort: incident ? incident.descriptions.indexOf(EMPLOYEE_ESCORT) : -1,
    visitor: VISITOR_TYPES.includes(name),
    plate: PLATE_TYPES.includes(name),
    alarmTable: alarms && alarms.length > 1 ? new WeightTable(alarms.map((a) => a[1])) : null,
    alarms: alarms?.length ?? 0,
  };
});
const PLATE_ZONE_SET = new Set(PLATE_ZONES.map((z) => ZONE_INDEX.get(z)));

/** Employees allowed / not allowed in each zone, officers and self-excluded players of a world. */
export interface SecurityCast {
  readonly allowed: readonly Int16Array[];
  readonly notAllowed: readonly Int16Array[];
  readonly officers: Int16Array;
  readonly excluded: Int32Array;
}

/** Builds (once per world) the employee lists of SPEC 8.3 and the self-excluded players. */
export const securityCast = perWorld(buildCast);

function buildCast(world: World): SecurityCast {
  const allowed: Int16Array[] = [];
  const notAllowed: Int16Array[] = [];
  for (const zone of SECURITY_ZONES) {
    const yes: number[] = [];
    const no: number[] = [];
    for (let n = 1; n <= EMPLOYEE_COUNT; n++) {
      const ok = zone.level === EMPLOYEE_LEVEL || world.roster.allowedZones(n).includes(zone.name);
      (ok ? yes : no).push(n);
    }
    allowed.push(Int16Array.from(yes));
    notAllowed.push(Int16Array.from(no));
  }
  const excluded: number[] = [];
  const sel = world.population.selfExcluded;
  for (let i = 0; i < sel.length; i++) if (sel[i]) excluded.push(i);
  return {
    allowed, notAllowed, officers: Int16Array.from(world.roster.byRole('Security officer')), excluded: Int32Array.from(excluded),
  };
}

const pick = (rng: Rng, list: ArrayLike<number>): number => list[uniformPick(rng, list.length)];
const choose = (rng: Rng, weights: WeightTable | null, n: number): number =>
  weights ? weights.pick(rng) : n > 1 ? uniformPick(rng, n) : 0;

/** Draws the payload of `types.length` rows from the chunk's payload stream. */
export function drawSecurityPayload(world: World, types: Uint8Array, rng: Rng): SecurityPayload {
  const n = types.length;
  const filled = <T extends Int8Array | Int16Array | Int32Array>(a: T): T => a.fill(-1) as T;
  const p: SecurityPayload = {
    zone: new Uint8Array(n), location: new Uint8Array(n), employee: filled(new Int16Array(n)),
    granted: filled(new Int8Array(n)), reason: filled(new Int8Array(n)), camera: filled(new Int16Array(n)),
    category: filled(new Int8Array(n)), description: filled(new Int8Array(n)), officer: filled(new Int16Array(n)),
    status: filled(new Int8Array(n)), visitor: filled(new Int16Array(n)), plateCity: filled(new Int8Array(n)),
    plateCode: filled(new Int32Array(n)), alarm: filled(new Int8Array(n)), route: filled(new Int8Array(n)),
    player: filled(new Int32Array(n)),
  };
  const cast = securityCast(world);
  const { byZone, cameras } = world.locations;
  for (let r = 0; r < n; r++) {
    const type = types[r] as SecurityEvent;
    const rule = TYPE_RULES[type];
    const zone = rule.zones[choose(rng, rule.zoneTable, rule.zones.length)];
    p.zone[r] = zone;
    p.location[r] = pick(rng, byZone[zone]);
    // The four access types come first in SECURITY_EVENT_TYPES.
    if (type <= SecurityEvent.AccessDenied) drawAccess(rng, type, cast, zone, p, r);
    else if (rule.cameraDescriptions > 0) {
      p.camera[r] = uniformPick(rng, cameras[zone].length);
      p.description[r] = choose(rng, null, rule.cameraDescriptions);
    } else if (type === SecurityEvent.SecurityPatrol) {
      p.employee[r] = pick(rng, cast.officers);
      p.route[r] = uniformPick(rng, PATROL_ROUTES.length);
    }
    let escort = false;
    if (rule.incident) {
      const inc = rule.incident;
      if (inc.categories) p.category[r] = choose(rng, rule.categoryTable, inc.categories.length);
      p.description[r] = choose(rng, rule.descriptionTable, inc.descriptions.length);
      escort = p.description[r] === rule.employeeEscort;
      if (escort) p.employee[r] = 1 + uniformPick(rng, EMPLOYEE_COUNT);
      p.officer[r] = pick(rng, cast.officers);
      if (rule.statusTable) p.status[r] = rule.statusTable.pick(rng);
    }
    if (rule.visitor && !escort) p.visitor[r] = uniformPick(rng, VISITOR_POOL);
    if (rule.plate && PLATE_ZONE_SET.has(zone) && rng.chance(PLATE_PROBABILITY)) {
      p.plateCity[r] = cityTable.pick(rng);
      let letters = 0;
      for (let j = 0; j < 3; j++) letters = letters * LETTERS + uniformPick(rng, LETTERS);
      p.plateCode[r] = letters * 10_000 + rng.int(0, 9999);
    }
    if (rule.alarms > 0) p.alarm[r] = rule.alarmTable ? rule.alarmTable.pick(rng) : 0;
    if (type === SecurityEvent.ExclusionCheck || type === SecurityEvent.ExclusionViolation) {
      if (cast.excluded.length === 0) throw new Error('the population has no self-excluded player');
      p.player[r] = pick(rng, cast.excluded);
    }
  }
  return p;
}

/**
 * Access events (SPEC 8.3). The branch is always drawn; a zone without not-allowed employees
 * (Employee Entrance) then uses the allowed-employee branch.
 */
function drawAccess(rng: Rng, type: SecurityEvent, cast: SecurityCast, zone: number, p: SecurityPayload, r: number): void {
  const notAllowed = cast.notAllowed[zone];
  if (type === SecurityEvent.AccessGranted) {
    p.employee[r] = pick(rng, cast.allowed[zone]);
    p.granted[r] = 1;
    return;
  }
  const branchNotAllowed = type === SecurityEvent.AccessDenied
    ? rng.uniform() < DENIED_NOT_ALLOWED
    : rng.uniform() >= SWIPE_ALLOWED;
  if (branchNotAllowed && notAllowed.length > 0) {
    p.employee[r] = pick(rng, notAllowed);
    p.granted[r] = 0;
    p.reason[r] = 0;
    return;
  }
  p.employee[r] = pick(rng, cast.allowed[zone]);
  const denied = type === SecurityEvent.AccessDenied || rng.chance(SWIPE_TECHNICAL_DENIAL);
  p.granted[r] = denied ? 0 : 1;
  if (denied) p.reason[r] = 1 + uniformPick(rng, TECHNICAL_REASONS.length);
}

/** A license plate `<ST>-<3 letters><4 digits>` (SPEC 8.4). */
export function formatPlate(city: number, code: number): string {
  let letters = Math.floor(code / 10_000);
  const digits = code - letters * 10_000;
  let text = '';
  for (let j = 0; j < 3; j++) {
    text = String.fromCharCode(65 + (letters % LETTERS)) + text;
    letters = Math.floor(letters / LETTERS);
  }
  return `${CITIES[city][1]}-${text}${String(digits).padStart(4, '0')}`;
}
