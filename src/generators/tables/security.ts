/**
 * bronze_security_events (SPEC 8): per chunk, event types and quantile instants from the
 * skeleton stream (`skeleton`, `security`, k), the payload from (`payload`, `security`, k).
 * There are no planned rows, so quantile order is already time order.
 */
import { perWorld } from '../world/per-world';
import { StringColumnBuilder, encodeVocabulary, vocabularyColumn, type ColumnBatch, type ColumnData } from '../columns';
import { chunkLength, quantileInstants } from '../chunks';
import {
  ALARM_TYPES, CAMERA_DESCRIPTIONS, INCIDENT_RULES, INSUFFICIENT_ACCESS, PATROL_ROUTES, RESOLUTION_STATUSES,
  SECURITY_EVENT_TYPES, SECURITY_EVENT_WEIGHTS, SEVERITY_LEVELS, SEVERITY_OF_TYPE, SEVERITY_TITLES, TECHNICAL_REASONS,
  VISITOR_POOL,
} from '../data/security-events';
import { SECURITY_ZONES } from '../data/security-zones';
import { WeightTable, openStream } from '../rng';
import { CHUNK_ROWS } from '../tables';
import { formatDayCompact } from '../time/format';
import { SHIFTS, shiftOf } from '../time/intensity';
import { dayOf } from '../time/units';
import { pad } from '../world/ids';
import type { World } from '../world';
import { eventIdColumn, metadataColumns } from './common-columns';
import { drawSecurityPayload, formatPlate, type SecurityPayload } from './security-payload';

const typeTable = new WeightTable(SECURITY_EVENT_WEIGHTS);

/** Event types and quantile instants of chunk k (SPEC 3.2, 8.2): per row one type, then u_i. */
export function buildSecuritySkeleton(world: World, k: number): { types: Uint8Array; instants: Float64Array } {
  const total = world.scenario.counts.security ?? 0;
  const n = chunkLength(total, k);
  const rng = openStream(world.scenario.seed, 'skeleton', 'security', k);
  const types = new Uint8Array(n);
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    types[i] = typeTable.pick(rng);
    u[i] = rng.uniform();
  }
  return { types, instants: quantileInstants(world.securityAxis, total, k, u) };
}

/**
 * Generates chunks [first, first + count) of the security table, one batch per chunk.
 * @example generateSecurityGroup(createWorld(scenario), 0, 1)[0].length // rows of chunk 0
 */
export function generateSecurityGroup(world: World, first: number, count: number): ColumnBatch[] {
  const batches: ColumnBatch[] = [];
  for (let k = first; k < first + count; k++) {
    const { types, instants } = buildSecuritySkeleton(world, k);
    const payload = drawSecurityPayload(world, types, openStream(world.scenario.seed, 'payload', 'security', k));
    batches.push(securityColumns(world, k, types, instants, payload));
  }
  return batches;
}

const TYPE_BYTES = encodeVocabulary(SECURITY_EVENT_TYPES);
const ZONE_BYTES = encodeVocabulary(SECURITY_ZONES.map((z) => z.name));
const LEVEL_BYTES = encodeVocabulary(SECURITY_ZONES.map((z) => z.level));
const SEVERITY_BYTES = encodeVocabulary(SEVERITY_OF_TYPE.map((s) => SEVERITY_LEVELS[s]));
const TITLE_BYTES = encodeVocabulary(SEVERITY_OF_TYPE.map((s) => SEVERITY_TITLES[s]));
const SHIFT_BYTES = encodeVocabulary(SHIFTS);
const REASON_BYTES = encodeVocabulary([INSUFFICIENT_ACCESS, ...TECHNICAL_REASONS]);
const STATUS_BYTES = encodeVocabulary(RESOLUTION_STATUSES);
const ROUTE_BYTES = encodeVocabulary(PATROL_ROUTES);
const perType = <T>(f: (name: (typeof SECURITY_EVENT_TYPES)[number]) => T): T[] => SECURITY_EVENT_TYPES.map(f);
const CATEGORY_TEXT = perType((name) => INCIDENT_RULES[name]?.categories ?? []);
const CATEGORY_BYTES = CATEGORY_TEXT.map((c) => encodeVocabulary(c));
const DESCRIPTION_BYTES = perType((name) =>
  encodeVocabulary(CAMERA_DESCRIPTIONS[name] ?? (INCIDENT_RULES[name]?.template ? [] : INCIDENT_RULES[name]?.descriptions ?? [])));
const TEMPLATES = perType((name) => (INCIDENT_RULES[name]?.template ? INCIDENT_RULES[name].descriptions[0] : null));
const PREFIXES = perType((name) => INCIDENT_RULES[name]?.prefix ?? null);
const ALARM_BYTES = perType((name) => encodeVocabulary((ALARM_TYPES[name] ?? []).map((a) => a[0])));
const [PLAYER_PREFIX] = encodeVocabulary(['P']);
const VISITOR_BYTES = encodeVocabulary(Array.from({ length: VISITOR_POOL }, (_, i) => `VIS-${pad(i + 1, 6)}`));

interface WorldVocabulary {
  readonly locationIds: Uint8Array[];
  readonly details: Uint8Array[];
  /** Every zone's cameras, zone after zone: camera c of zone z is cameras[cameraStart[z] + c]. */
  readonly cameras: Uint8Array[];
  readonly cameraStart: Int32Array;
  readonly employees: Uint8Array[];
  readonly badges: Uint8Array[];
}
const worldVocabulary = perWorld((world): WorldVocabulary => {
  const { all, cameras } = world.locations;
  return {
    locationIds: encodeVocabulary(all.map((l) => l.id)),
    details: encodeVocabulary(all.map((l) => l.detail)),
    cameras: encodeVocabulary(cameras.flat()),
    cameraStart: Int32Array.from(cameras, (_, z) => cameras.slice(0, z).reduce((sum, c) => sum + c.length, 0)),
    employees: encodeVocabulary(world.roster.ids),
    badges: encodeVocabulary(world.roster.badges),
  };
});

/** `<category> reported at <location_detail>; officer <EMP id> responded.` and the like (SPEC 8.3). */
function renderTemplate(template: string, category: string, detail: string, officer: string): string {
  return template.replace('{category}', category).replace('{location}', detail).replace('{officer}', officer);
}

function securityColumns(world: World, k: number, types: Uint8Array, instants: Float64Array, p: SecurityPayload): ColumnBatch {
  const n = types.length;
  if (n > CHUNK_ROWS) throw new Error('a security batch exceeds one chunk');
  const voc = worldVocabulary(world);
  const { seed, as_of: asOf } = world.scenario;
  const [eventType, ...place] = placeColumns(voc, types, instants, p);
  const columns: ColumnData[] = [
    eventIdColumn(seed, 'security', k, n),
    eventType,
    { type: 'timestamp', values: instants, valid: null },
    ...place,
    ...peopleColumns(voc, p),
    ...incidentColumns(world, k, types, instants, p),
    ...detailColumns(types, p),
    ...metadataColumns(seed, asOf, 'security', k, n),
  ];
  return { length: n, columns };
}

const builders = (n: number, averages: number[]): StringColumnBuilder[] => averages.map((a) => new StringColumnBuilder(n, a));

/** event_type, location_id, zone, location_detail, security_level, severity_level, shift. */
function placeColumns(voc: WorldVocabulary, types: Uint8Array, instants: Float64Array, p: SecurityPayload): ColumnData[] {
  const location = Int32Array.from(p.location);
  const zone = Int32Array.from(p.zone);
  const shift = new Int32Array(types.length);
  for (let r = 0; r < types.length; r++) shift[r] = shiftOf(instants[r]);
  return [
    vocabularyColumn(types, TYPE_BYTES), vocabularyColumn(location, voc.locationIds), vocabularyColumn(zone, ZONE_BYTES),
    vocabularyColumn(location, voc.details), vocabularyColumn(zone, LEVEL_BYTES), vocabularyColumn(types, SEVERITY_BYTES),
    vocabularyColumn(shift, SHIFT_BYTES),
  ];
}

/** employee_id, badge_number, visitor_id, camera_id, access_granted, access_denied_reason. */
function peopleColumns(voc: WorldVocabulary, p: SecurityPayload): ColumnData[] {
  const n = p.zone.length;
  const badge = new Int32Array(n);
  const camera = new Int32Array(n);
  const granted = new Uint8Array(n);
  const grantedValid = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const g = p.granted[r];
    badge[r] = g < 0 ? -1 : p.employee[r];
    if (g >= 0) {
      granted[r] = g;
      grantedValid[r] = 1;
    }
    camera[r] = p.camera[r] < 0 ? -1 : voc.cameraStart[p.zone[r]] + p.camera[r];
  }
  const bool: ColumnData = { type: 'bool', values: granted, valid: grantedValid };
  return [
    vocabularyColumn(p.employee, voc.employees), vocabularyColumn(badge, voc.badges), vocabularyColumn(p.visitor, VISITOR_BYTES),
    vocabularyColumn(camera, voc.cameras), bool, vocabularyColumn(p.reason, REASON_BYTES),
  ];
}

/**
 * incident_number, incident_category, incident_severity, incident_description,
 * responding_officer_id, resolution_status. The number's row part is the 1-based file row.
 */
function incidentColumns(world: World, k: number, types: Uint8Array, instants: Float64Array, p: SecurityPayload): ColumnData[] {
  const n = types.length;
  const voc = worldVocabulary(world);
  const { all } = world.locations;
  const [incident, category, title, description, officer, status] = builders(n, [9, 3, 2, 12, 4, 3]);
  let lastDay = NaN;
  let dayText = '';
  for (let r = 0; r < n; r++) {
    const t = types[r];
    const prefix = PREFIXES[t];
    if (prefix === null) {
      incident.pushNull();
      title.pushNull();
    } else {
      const day = dayOf(instants[r]);
      if (day !== lastDay) [lastDay, dayText] = [day, formatDayCompact(day)];
      incident.push(`${prefix}-${dayText}-${pad(k * CHUNK_ROWS + r + 1, 7)}`);
      title.pushBytes(TITLE_BYTES[t]);
    }
    const c = p.category[r];
    if (c < 0) category.pushNull();
    else category.pushBytes(CATEGORY_BYTES[t][c]);
    const o = p.officer[r];
    if (o < 0) officer.pushNull();
    else officer.pushBytes(voc.employees[o]);
    const template = TEMPLATES[t];
    if (template !== null) {
      description.push(renderTemplate(template, CATEGORY_TEXT[t][c] ?? '', all[p.location[r]].detail, world.roster.ids[o]));
    } else if (p.description[r] < 0) description.pushNull();
    else description.pushBytes(DESCRIPTION_BYTES[t][p.description[r]]);
    if (p.status[r] < 0) status.pushNull();
    else status.pushBytes(STATUS_BYTES[p.status[r]]);
  }
  return [incident, category, title, description, officer, status].map((b) => b.finish());
}

/** vehicle_license_plate, alarm_type, patrol_route, player_id. */
function detailColumns(types: Uint8Array, p: SecurityPayload): ColumnData[] {
  const n = types.length;
  const [plate, alarm, route, player] = builders(n, [1, 4, 2, 1]);
  for (let r = 0; r < n; r++) {
    if (p.plateCity[r] < 0) plate.pushNull();
    else plate.push(formatPlate(p.plateCity[r], p.plateCode[r]));
    if (p.alarm[r] < 0) alarm.pushNull();
    else alarm.pushBytes(ALARM_BYTES[types[r]][p.alarm[r]]);
    if (p.route[r] < 0) route.pushNull();
    else route.pushBytes(ROUTE_BYTES[p.route[r]]);
    if (p.player[r] < 0) player.pushNull();
    else player.pushPrefixedNumber(PLAYER_PREFIX, p.player[r] + 1, 6);
  }
  return [plate, alarm, route, player].map((b) => b.finish());
}
