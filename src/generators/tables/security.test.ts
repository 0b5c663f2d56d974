import { beforeAll, describe, expect, it } from 'vitest';
import { readString, type ColumnBatch, type ColumnData } from '../columns';
import { chunkCount } from '../chunks';
import { CITIES } from '../data/geography';
import { SECURITY_EVENT_TYPES, SECURITY_EVENT_WEIGHTS } from '../data/security-events';
import { SECURITY_ZONES } from '../data/security-zones';
import { createWorld } from '../engine';
import { SCHEMAS } from '../schema';
import type { Scenario } from '../scenario/types';
import { CHUNK_ROWS } from '../tables';
import { toDayNumber } from '../scenario/instant';
import { formatDayCompact } from '../time/format';
import { DAY_US, HOUR_US } from '../time/units';
import type { World } from '../world';
import { generateSecurityGroup } from './security';

const ROWS = 140_000;
const START = toDayNumber(2025, 3, 1) * DAY_US;
const END = START + 30 * DAY_US;
const scenario: Scenario = {
  spec_version: 1, seed: 7, start: START, end: END, as_of: END,
  counts: { slots: null, tables: null, players: 2000, financial: null, security: ROWS, compliance: null },
  pii: 'masked', pii_key: 'seed', format: 'parquet', compression: 'snappy', jurisdiction: 'US-2025', bundle: 'files',
};
const schema = SCHEMAS.security;
const names = schema.columns.map((c) => c.name);

type Rows = Record<string, (string | null)[]> & { ts: number[]; granted: (boolean | null)[]; ingested: number[] };

function generateAll(world: World): ColumnBatch[] {
  const out: ColumnBatch[] = [];
  for (let k = 0; k < chunkCount(ROWS); k++) out.push(...generateSecurityGroup(world, k, 1));
  return out;
}

function readRows(batches: ColumnBatch[]): Rows {
  const rows = { ts: [] as number[], granted: [] as (boolean | null)[], ingested: [] as number[] } as Rows;
  for (const name of names) rows[name] ??= [];
  for (const b of batches) {
    b.columns.forEach((c, j) => {
      const name = names[j];
      for (let i = 0; i < b.length; i++) {
        if (c.type === 'string') rows[name].push(readString(c, i));
        else if (c.type === 'bool') rows.granted.push(c.valid && !c.valid[i] ? null : c.values[i] === 1);
        else if (name === 'event_timestamp') rows.ts.push(c.values[i] as number);
        else if (name === '_ingested_at') rows.ingested.push(c.values[i] as number);
      }
    });
  }
  return rows;
}

const byType = (rows: Rows, type: string): number[] =>
  rows.event_type.flatMap((t, i) => (t === type ? [i] : []));
/** Row indices (at most 5) where `ok` fails: one assertion per rule instead of one per row. */
function failing(n: number, ok: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < n && out.length < 5; i++) if (!ok(i)) out.push(i);
  return out;
}
const bytesOf = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const share = (idx: number[], pred: (i: number) => boolean): number => idx.filter(pred).length / idx.length;
const empNum = (id: string | null): number => Number(id?.slice(4));
const ACCESS = ['BADGE_SWIPE', 'DOOR_ENTRY', 'ACCESS_GRANTED', 'ACCESS_DENIED'];
const INCIDENT_PREFIX: Record<string, string> = {
  INCIDENT_REPORT: 'INC', ALTERCATION: 'INC', PATRON_COMPLAINT: 'INC', EXCLUSION_CHECK: 'EXC', EXCLUSION_VIOLATION: 'EXC',
  THREAT_DETECTED: 'THR', WEAPON_DETECTED: 'THR', TRESPASS: 'THR', UNAUTHORIZED_ACCESS: 'THR', SUSPICIOUS_ACTIVITY: 'SUS',
  MEDICAL_EMERGENCY: 'MED',
};
const OFFICER_TYPES = [...Object.keys(INCIDENT_PREFIX), 'ESCORT_REQUEST'];
const SEVERITY: Record<string, string> = {
  WEAPON_DETECTED: 'CRITICAL', THREAT_DETECTED: 'CRITICAL', EXCLUSION_VIOLATION: 'CRITICAL', ALTERCATION: 'HIGH',
  MEDICAL_EMERGENCY: 'HIGH', TRESPASS: 'HIGH', UNAUTHORIZED_ACCESS: 'HIGH', INCIDENT_REPORT: 'MEDIUM',
  SUSPICIOUS_ACTIVITY: 'MEDIUM', ACCESS_DENIED: 'MEDIUM', CAMERA_OBSTRUCTION: 'MEDIUM',
};

describe('bronze_security_events (SPEC 8)', () => {
  let world: World;
  let batches: ColumnBatch[];
  let rows: Rows;
  beforeAll(() => {
    world = createWorld(scenario);
    batches = generateAll(world);
    rows = readRows(batches);
  });

  it('I1 has exactly the requested rows, one batch per 65,536-row chunk', () => {
    expect(batches.map((b) => b.length)).toEqual([CHUNK_ROWS, CHUNK_ROWS, ROWS - 2 * CHUNK_ROWS]);
    expect(rows.event_id).toHaveLength(ROWS);
  });

  it('I2 columns follow SCHEMAS.security in order and type; required columns have no nulls', () => {
    for (const b of batches) {
      expect(b.columns.map((c) => c.type)).toEqual(schema.columns.map((c) => c.type));
      b.columns.forEach((c: ColumnData, j) => {
        if (!schema.columns[j].nullable) expect(c.valid === null || c.valid.every((v) => v === 1), names[j]).toBe(true);
      });
    }
  });

  it('I5 I6 timestamps lie in the window and never decrease, across chunk boundaries too', () => {
    expect(rows.ts.every((t, i) => Number.isInteger(t) && t >= START && t < END && (i === 0 || t >= rows.ts[i - 1]))).toBe(true);
  });

  it('I7 _ingested_at, _source and _batch_id', () => {
    expect(rows.ingested.every((t) => t === END)).toBe(true);
    expect(new Set(rows._source)).toEqual(new Set(['SecurityGenerator']));
    const perChunk = [0, 1, 2].map((k) => new Set(rows._batch_id.slice(k * CHUNK_ROWS, (k + 1) * CHUNK_ROWS)));
    expect(perChunk.map((s) => s.size)).toEqual([1, 1, 1]);
    const ids = perChunk.map((s) => [...s][0]);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}$/);
  });

  it('I3 I4 event_id is a unique lowercase UUID v4', () => {
    expect(new Set(rows.event_id).size).toBe(ROWS);
    expect(rows.event_id.every((e) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(e ?? ''))).toBe(true);
  });

  it('8.2 event type mix is within 4 sigma of the weights', () => {
    SECURITY_EVENT_TYPES.forEach((type, t) => {
      const w = SECURITY_EVENT_WEIGHTS[t];
      const sigma = Math.sqrt((w * (1 - w)) / ROWS);
      expect(Math.abs(byType(rows, type).length / ROWS - w), type).toBeLessThan(4 * sigma);
    });
  });

  it('8.2 zones are among the allowed zones of the type; exclusions .70/.15/.15', () => {
    const pub = ['Main Floor', 'Parking Garage', 'Hotel Lobby', 'Restaurant', 'Bar', 'Retail'];
    const nonPub = SECURITY_ZONES.map((z) => z.name as string).filter((z) => !pub.includes(z));
    const allowed: Record<string, string[]> = {
      UNAUTHORIZED_ACCESS: nonPub, EXCLUSION_CHECK: ['Main Floor', 'Cage', 'Hotel Lobby'],
      EXCLUSION_VIOLATION: ['Main Floor', 'Cage', 'Hotel Lobby'], ALTERCATION: pub, MEDICAL_EMERGENCY: pub,
      PATRON_COMPLAINT: pub, THREAT_DETECTED: [...pub, 'Cage'], SUSPICIOUS_ACTIVITY: [...pub, 'Cage'],
      TRESPASS: [...pub, 'Loading Dock'], WEAPON_DETECTED: ['Main Floor', 'Hotel Lobby', 'Employee Entrance'],
      ESCORT_REQUEST: ['Cage', 'Main Floor', 'Parking Garage', 'Hotel Lobby'],
      ...Object.fromEntries(ACCESS.map((a) => [a, nonPub])),
    };
    for (const [type, zones] of Object.entries(allowed)) {
      const seen = new Set(byType(rows, type).map((i) => rows.zone[i]));
      expect([...seen].sort(), type).toEqual([...zones].sort());
    }
    const anyZone = new Set(byType(rows, 'CAMERA_ALERT').map((i) => rows.zone[i]));
    expect(anyZone.size).toBe(SECURITY_ZONES.length);
    const excl = [...byType(rows, 'EXCLUSION_CHECK'), ...byType(rows, 'EXCLUSION_VIOLATION')];
    expect(share(excl, (i) => rows.zone[i] === 'Main Floor')).toBeCloseTo(0.7, 1);
  });

  it('I27 location_id determines zone, detail and level (registry of 3.5); at most 60 locations', () => {
    const seen = new Map<string, string>();
    const bad = failing(ROWS, (i) => {
      const id = rows.location_id[i] ?? '';
      const value = `${rows.zone[i]}|${rows.location_detail[i]}|${rows.security_level[i]}`;
      if (!seen.has(id)) seen.set(id, value);
      return seen.get(id) === value;
    });
    expect(bad).toEqual([]);
    expect(seen.size).toBeLessThanOrEqual(60);
    for (const [id, value] of seen) {
      const [zone, detail, level] = value.split('|');
      const z = SECURITY_ZONES.find((s) => s.name === zone);
      expect(z?.level).toBe(level);
      const j = Number(id.slice(-3)) - 100;
      expect(id).toBe(`LOC-${z?.code}${100 + j}`);
      expect(detail).toBe(`${zone} - ${['North', 'South', 'East', 'West', 'Central'][(j - 1) % 5]}`);
    }
  });

  it('shift follows the UTC hour', () => {
    const shiftOfHour = (h: number): string => (h >= 6 && h < 14 ? 'Day' : h >= 14 && h < 22 ? 'Swing' : 'Grave');
    expect(failing(ROWS, (i) => rows.shift[i] === shiftOfHour(Math.floor((rows.ts[i] % DAY_US) / HOUR_US)))).toEqual([]);
  });

  it('I24 access_granted matches the event type; a reason exactly on denials', () => {
    const bad = failing(ROWS, (i) => {
      const type = rows.event_type[i] ?? '';
      const g = rows.granted[i];
      return (type !== 'ACCESS_GRANTED' || g === true) && (type !== 'ACCESS_DENIED' || g === false)
        && (g !== null) === ACCESS.includes(type) && (rows.access_denied_reason[i] !== null) === (g === false)
        && (rows.badge_number[i] !== null) === (g !== null);
    });
    expect(bad).toEqual([]);
  });

  it('8.3 access outcomes follow the zone permissions of each employee', () => {
    const allowedIn = (emp: number, zone: string): boolean =>
      SECURITY_ZONES.find((z) => z.name === zone)?.level === 'Employee' || world.roster.allowedZones(emp).includes(zone);
    const insufficient = (i: number): boolean => rows.access_denied_reason[i] === 'Insufficient Access Level';
    const bad = failing(ROWS, (i) => {
      if (!ACCESS.includes(rows.event_type[i] ?? '')) return true;
      const emp = empNum(rows.employee_id[i]);
      return emp >= 1 && emp <= 500 && rows.badge_number[i] === world.roster.badges[emp]
        && allowedIn(emp, rows.zone[i] ?? '') === !insufficient(i);
    });
    expect(bad).toEqual([]);
    const notEntrance = (type: string): number[] => byType(rows, type).filter((i) => rows.zone[i] !== 'Employee Entrance');
    expect(share(notEntrance('ACCESS_DENIED'), insufficient)).toBeCloseTo(0.7, 1);
    const technical = new Set(byType(rows, 'ACCESS_DENIED').filter((i) => !insufficient(i)).map((i) => rows.access_denied_reason[i]));
    expect([...technical].sort()).toEqual(['Badge Read Error', 'Door Sensor Malfunction', 'Expired Badge']);
    const swipes = [...notEntrance('BADGE_SWIPE'), ...notEntrance('DOOR_ENTRY')];
    expect(share(swipes, insufficient)).toBeCloseTo(0.05, 2);
    expect(share(swipes, (i) => rows.granted[i] === true)).toBeCloseTo(0.95 * 0.95, 2);
    const entrance = byType(rows, 'ACCESS_DENIED').filter((i) => rows.zone[i] === 'Employee Entrance');
    expect(entrance.length).toBeGreaterThan(0);
    expect(entrance.some(insufficient)).toBe(false);
  });

  it('I25 severity follows 8.2; incident_severity is its Title Case exactly where incident_number is set', () => {
    const bad = failing(ROWS, (i) => {
      const level = SEVERITY[rows.event_type[i] ?? ''] ?? 'LOW';
      const title = rows.incident_number[i] === null ? null : level[0] + level.slice(1).toLowerCase();
      return rows.severity_level[i] === level && rows.incident_severity[i] === title;
    });
    expect(bad).toEqual([]);
  });

  it('I3 I4 incident_number: prefix by type, event date, 7-digit 1-based file row; unique', () => {
    const bad = failing(ROWS, (i) => {
      const prefix = INCIDENT_PREFIX[rows.event_type[i] ?? ''];
      const date = formatDayCompact(Math.floor(rows.ts[i] / DAY_US));
      return rows.incident_number[i] === (prefix ? `${prefix}-${date}-${String(i + 1).padStart(7, '0')}` : null);
    });
    expect(bad).toEqual([]);
    const numbers = rows.incident_number.filter((n) => n !== null);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length / ROWS).toBeCloseTo(0.27, 2);
  });

  it('I4 officers and patrols: responding_officer_id on the 8.3 table types, employee ids in roster ranges', () => {
    const isOfficer = (id: string | null): boolean => /^EMP-\d{5}$/.test(id ?? '') && empNum(id) >= 271 && empNum(id) <= 320;
    const bad = failing(ROWS, (i) => {
      const type = rows.event_type[i] ?? '';
      const officer = rows.responding_officer_id[i];
      const emp = rows.employee_id[i];
      const escort = rows.incident_description[i] === 'Employee escort to parking';
      const hasEmployee = ACCESS.includes(type) || type === 'SECURITY_PATROL' || escort;
      const patrol = type === 'SECURITY_PATROL';
      return (officer !== null) === OFFICER_TYPES.includes(type) && (officer === null || isOfficer(officer))
        && (emp !== null) === hasEmployee && (emp === null || (/^EMP-\d{5}$/.test(emp) && empNum(emp) >= 1 && empNum(emp) <= 500))
        && (!patrol || isOfficer(emp)) && (patrol ? /^Route-[A-E]$/.test(rows.patrol_route[i] ?? '') : rows.patrol_route[i] === null);
    });
    expect(bad).toEqual([]);
    const escorts = byType(rows, 'ESCORT_REQUEST');
    expect(share(escorts, (i) => rows.employee_id[i] !== null)).toBeCloseTo(0.25, 1);
  });

  it('8.3 incident contents: categories, templates and statuses per type', () => {
    const statuses = ['Open', 'Investigating', 'Resolved', 'Closed'];
    const fixedCategory: Record<string, string> = {
      ALTERCATION: 'Disturbance', EXCLUSION_CHECK: 'Self-Exclusion Violation', EXCLUSION_VIOLATION: 'Self-Exclusion Violation',
      MEDICAL_EMERGENCY: 'Medical', TRESPASS: 'Trespass',
    };
    const noCategory = ['THREAT_DETECTED', 'WEAPON_DETECTED', 'UNAUTHORIZED_ACCESS', 'SUSPICIOUS_ACTIVITY', 'ESCORT_REQUEST'];
    const bad = failing(ROWS, (i) => {
      const type = rows.event_type[i] ?? '';
      const detail = rows.location_detail[i];
      const desc = rows.incident_description[i];
      const cat = rows.incident_category[i];
      const status = rows.resolution_status[i];
      const template: Record<string, string> = {
        INCIDENT_REPORT: `${cat} reported at ${detail}; officer ${rows.responding_officer_id[i]} responded.`,
        ALTERCATION: `Physical altercation between patrons at ${detail}.`,
        PATRON_COMPLAINT: `Patron complaint (${cat}) at ${detail}.`,
      };
      const hasStatus = OFFICER_TYPES.includes(type) && type !== 'SUSPICIOUS_ACTIVITY' && type !== 'ESCORT_REQUEST';
      return (template[type] === undefined || desc === template[type])
        && (fixedCategory[type] === undefined || cat === fixedCategory[type])
        && (!noCategory.includes(type) || cat === null)
        && (OFFICER_TYPES.includes(type) ? desc !== null : true)
        && (status !== null) === hasStatus && (status === null || statuses.includes(status));
    });
    expect(bad).toEqual([]);
    const reports = byType(rows, 'INCIDENT_REPORT');
    expect(share(reports, (i) => rows.incident_category[i] === 'Theft')).toBeCloseTo(0.25, 1);
    const excl = byType(rows, 'EXCLUSION_CHECK');
    expect(share(excl, (i) => rows.incident_description[i] === 'Self-exclusion list match detected')).toBeCloseTo(0.7, 1);
  });

  it('8.3 camera events carry a camera of their zone and a camera description', () => {
    const cams: Record<string, string[]> = {
      CAMERA_ALERT: ['Loitering', 'Unusual Activity', 'Line Crossing', 'Object Left Behind', 'Face Detection'],
      MOTION_DETECTED: ['Motion Detected'],
      CAMERA_OBSTRUCTION: ['Camera View Obstructed', 'Lens Covered', 'Camera Signal Lost'],
    };
    const bad = failing(ROWS, (i) => {
      const camera = rows.camera_id[i];
      const list = cams[rows.event_type[i] ?? ''];
      if (!list) return camera === null;
      const z = SECURITY_ZONES.findIndex((s) => s.name === rows.zone[i]);
      return world.locations.cameras[z].includes(camera ?? '') && list.includes(rows.incident_description[i] ?? '');
    });
    expect(bad).toEqual([]);
  });

  it('8.4 visitor_id, license plates and alarm types', () => {
    const visitorTypes = ['ALTERCATION', 'MEDICAL_EMERGENCY', 'TRESPASS', 'SUSPICIOUS_ACTIVITY', 'PATRON_COMPLAINT', 'ESCORT_REQUEST'];
    const plateTypes = ['CAMERA_ALERT', 'MOTION_DETECTED', 'SUSPICIOUS_ACTIVITY', 'TRESPASS', 'SECURITY_PATROL'];
    const alarms: Record<string, string[]> = {
      CAMERA_ALERT: ['Video Analytics'], MOTION_DETECTED: ['Motion Sensor'], CAMERA_OBSTRUCTION: ['Camera Tamper'],
      WEAPON_DETECTED: ['Weapons Screening'], THREAT_DETECTED: ['Panic Button'],
      UNAUTHORIZED_ACCESS: ['Door Forced Open', 'Door Held Open'],
    };
    const states = new Set(CITIES.map((c) => c[1]));
    const eligible: number[] = [];
    const bad = failing(ROWS, (i) => {
      const t = rows.event_type[i] ?? '';
      const employeeEscort = rows.incident_description[i] === 'Employee escort to parking';
      const visitor = rows.visitor_id[i];
      const visitorOk = visitor === null
        ? !visitorTypes.includes(t) || employeeEscort
        : visitorTypes.includes(t) && !employeeEscort && /^VIS-\d{6}$/.test(visitor)
          && Number(visitor.slice(4)) >= 1 && Number(visitor.slice(4)) <= 2000;
      const plate = rows.vehicle_license_plate[i];
      const canPlate = plateTypes.includes(t) && ['Parking Garage', 'Loading Dock'].includes(rows.zone[i] ?? '');
      if (canPlate) eligible.push(i);
      const plateOk = plate === null || (canPlate && /^[A-Z]{2}-[A-Z]{3}\d{4}$/.test(plate) && states.has(plate.slice(0, 2)));
      const alarm = rows.alarm_type[i];
      const alarmOk = alarm === null ? alarms[t] === undefined : (alarms[t] ?? []).includes(alarm);
      return visitorOk && plateOk && alarmOk;
    });
    expect(bad).toEqual([]);
    expect(share(eligible, (i) => rows.vehicle_license_plate[i] !== null)).toBeCloseTo(0.6, 1);
    const nv = eligible.filter((i) => rows.vehicle_license_plate[i]?.startsWith('NV-')).length;
    expect(nv / eligible.filter((i) => rows.vehicle_license_plate[i] !== null).length).toBeCloseTo(0.33, 1);
    const forced = byType(rows, 'UNAUTHORIZED_ACCESS');
    expect(share(forced, (i) => rows.alarm_type[i] === 'Door Forced Open')).toBeCloseTo(0.6, 1);
  });

  it('I26 player_id exactly on EXCLUSION_* rows, always a self-excluded player', () => {
    const excluded = world.population.selfExcluded;
    const bad = failing(ROWS, (i) => {
      const pid = rows.player_id[i];
      const exclusion = rows.event_type[i] === 'EXCLUSION_CHECK' || rows.event_type[i] === 'EXCLUSION_VIOLATION';
      return pid === null ? !exclusion : exclusion && /^P\d{6}$/.test(pid) && excluded[Number(pid.slice(1)) - 1] === 1;
    });
    expect(bad).toEqual([]);
    expect(new Set(rows.player_id.filter((p) => p !== null)).size).toBe(20);
  });

  it('is deterministic: a second world gives the same bytes; groups do not change chunks', () => {
    const again = generateAll(createWorld(scenario));
    const grouped = generateSecurityGroup(world, 0, chunkCount(ROWS));
    for (const other of [again, grouped]) {
      other.forEach((b, k) => {
        b.columns.forEach((c, j) => {
          const a = batches[k].columns[j];
          const parts = (x: ColumnData): ArrayBufferView[] =>
            [...(x.type === 'string' ? [x.bytes, x.offsets] : [x.values]), ...(x.valid ? [x.valid] : [])];
          const [pa, pc] = [parts(a), parts(c)];
          expect(pc.length, names[j]).toBe(pa.length);
          pc.forEach((v, m) => expect(bytesOf(v).equals(bytesOf(pa[m])), names[j]).toBe(true));
        });
      });
    }
  });
});
