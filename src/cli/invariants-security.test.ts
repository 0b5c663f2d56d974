/**
 * SPEC 12 security invariants (I24–I27) and the security parts of I3/I4, as SQL over the CLI's
 * Parquet files; the multi-chunk run also carries the ACCESS_DENIED reason mix (8.3). Employee
 * departments and the zones they may enter come from SPEC 3.4 (spec_* tables). Runs:
 * src/testing/invariant-runs.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInvariantDb, type InvariantDb } from '../testing/invariant-db';
import { ROW_RUNS, generateRuns, type RunName } from '../testing/invariant-runs';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const ACCESS = `('BADGE_SWIPE', 'DOOR_ENTRY', 'ACCESS_GRANTED', 'ACCESS_DENIED')`;
const TECHNICAL = `('Badge Read Error', 'Door Sensor Malfunction', 'Expired Badge')`;
const PATRONS = `('ALTERCATION', 'MEDICAL_EMERGENCY', 'TRESPASS', 'SUSPICIOUS_ACTIVITY', 'PATRON_COMPLAINT', 'ESCORT_REQUEST')`;

let db: InvariantDb;
beforeAll(async () => {
  db = await openInvariantDb(await generateRuns(ROW_RUNS));
});
afterAll(() => db?.close());

/** Access rows with whether the employee may enter the zone: Employee-level zone or one of the department's (3.4, 8.3). */
const access = (run: RunName) => `
  SELECT s.file_row_number, s.event_type, s.zone, s.employee_id, r.department, s.access_granted, s.access_denied_reason,
    z.security_level = 'Employee' OR EXISTS (SELECT 1 FROM spec_department_zones d WHERE d.department = r.department AND d.zone = s.zone) AS allowed
  FROM ${run}_security s LEFT JOIN spec_roster r USING (employee_id) LEFT JOIN spec_security_zones z ON z.zone = s.zone
  WHERE s.event_type IN ${ACCESS}`;

describe('multi-chunk run', () => {
  it('8.3 ACCESS_DENIED: ≈ .70 "Insufficient Access Level" outside Employee Entrance (±2.5 pp), none inside it', async () => {
    const [r] = await db.all(`SELECT count(*) FILTER (WHERE zone <> 'Employee Entrance') AS n,
        count(*) FILTER (WHERE zone <> 'Employee Entrance' AND access_denied_reason = 'Insufficient Access Level') AS insufficient,
        count(*) FILTER (WHERE zone = 'Employee Entrance' AND access_denied_reason = 'Insufficient Access Level') AS at_entrance
      FROM multi_security WHERE event_type = 'ACCESS_DENIED'`);
    // Employee Entrance has no not-allowed employee, so its denials are technical (8.3): the overall share is
    // .70 × 7/8 non-Public zones. Outside it, n ≈ 6,000 gives a binomial s.d. of ≈ 0.6 pp; 2.5 pp is > 4 s.d.
    expect(Number(r.n)).toBeGreaterThanOrEqual(5_000);
    expect(Math.abs(Number(r.insufficient) / Number(r.n) - 0.7)).toBeLessThanOrEqual(0.025);
    expect(Number(r.at_entrance)).toBe(0);
  });
});

describe.each(ROW_RUNS)('run %s', (run) => {
  it('I3 incident_number is unique; badge_number and employee_id are one-to-one', async () => {
    expect(await db.violations(`SELECT incident_number FROM ${run}_security WHERE incident_number IS NOT NULL GROUP BY 1 HAVING count(*) > 1`)).toEqual([]);
    expect(await db.violations(`SELECT employee_id, list(DISTINCT badge_number) FROM ${run}_security WHERE employee_id IS NOT NULL GROUP BY 1 HAVING count(DISTINCT badge_number) > 1`)).toEqual([]);
    expect(await db.violations(`SELECT badge_number, list(DISTINCT employee_id) FROM ${run}_security WHERE badge_number IS NOT NULL GROUP BY 1 HAVING count(DISTINCT employee_id) > 1`)).toEqual([]);
  });

  it('I4 security ids: UUID v4, roster employees, officers EMP-00271–00320, BDG-/VIS-/CAM- formats, <PFX>-<event date>-<1-based row>', async () => {
    const officers = `(SELECT employee_id FROM spec_roster WHERE role = 'Security officer')`;
    const bad = `SELECT s.file_row_number, event_type, employee_id, badge_number, visitor_id, camera_id, responding_officer_id, incident_number
      FROM ${run}_security s LEFT JOIN spec_incident_prefix p USING (event_type) WHERE
        NOT regexp_full_match(event_id, '${UUID}')
        OR (employee_id IS NOT NULL AND employee_id NOT IN (SELECT employee_id FROM spec_roster))
        OR (event_type = 'SECURITY_PATROL' AND employee_id NOT IN ${officers})
        OR responding_officer_id NOT IN ${officers}
        OR (badge_number IS NOT NULL) <> (event_type IN ${ACCESS}) OR (event_type IN ${ACCESS} AND employee_id IS NULL) OR NOT regexp_full_match(badge_number, 'BDG-[1-9][0-9]{4}')
        OR NOT regexp_full_match(visitor_id, 'VIS-[0-9]{6}') OR CAST(substr(visitor_id, 5) AS INTEGER) NOT BETWEEN 1 AND 2000
        OR NOT regexp_full_match(camera_id, 'CAM-[0-9]{4}')
        OR incident_number IS DISTINCT FROM (p.prefix || '-' || strftime(event_timestamp, '%Y%m%d') || '-' || seqno(file_row_number + 1, 7))
        OR (player_id IS NOT NULL AND NOT regexp_full_match(player_id, 'P[0-9]{6,}'))`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I24 ACCESS_GRANTED ⇒ granted, ACCESS_DENIED ⇒ denied, access_granted only (and always) on access types, reason ⇔ denied', async () => {
    const bad = `SELECT file_row_number, event_type, access_granted, access_denied_reason FROM ${run}_security WHERE
        (event_type = 'ACCESS_GRANTED' AND access_granted IS DISTINCT FROM true)
        OR (event_type = 'ACCESS_DENIED' AND access_granted IS DISTINCT FROM false)
        OR (access_granted IS NOT NULL) <> (event_type IN ${ACCESS})
        OR (access_denied_reason IS NOT NULL) <> (access_granted IS NOT DISTINCT FROM false)`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('8.3 access outcomes follow the roster: granted ⇒ allowed, "Insufficient Access Level" ⇒ not allowed, technical reason ⇒ allowed', async () => {
    expect(await db.num(`SELECT count(*) FROM (${access(run)})`)).toBeGreaterThan(0);
    const bad = `SELECT * FROM (${access(run)}) WHERE department IS NULL OR zone IN (SELECT zone FROM spec_security_zones WHERE security_level = 'Public')
      OR (access_granted AND NOT allowed)
      OR (access_denied_reason = 'Insufficient Access Level' AND allowed)
      OR (access_denied_reason IN ${TECHNICAL} AND NOT allowed)
      OR (access_denied_reason NOT IN ${TECHNICAL} AND access_denied_reason <> 'Insufficient Access Level')`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I25 severity_level follows 8.2; incident_severity = initcap(severity_level), present with incident_number', async () => {
    const bad = `SELECT s.file_row_number, s.event_type, s.severity_level, v.severity_level AS expected, s.incident_number, s.incident_severity
      FROM ${run}_security s LEFT JOIN spec_severity v USING (event_type) WHERE
        s.severity_level IS DISTINCT FROM v.severity_level
        OR (s.incident_severity IS NOT NULL AND s.incident_severity <> upper(left(s.severity_level, 1)) || lower(substr(s.severity_level, 2)))
        OR (s.incident_severity IS NOT NULL) <> (s.incident_number IS NOT NULL)`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I26 player_id non-null ⇔ EXCLUSION_CHECK/EXCLUSION_VIOLATION, and that player is self-excluded', async () => {
    expect(await db.num(`SELECT count(*) FROM ${run}_security WHERE event_type LIKE 'EXCLUSION_%'`)).toBeGreaterThan(0);
    const bad = `SELECT s.file_row_number, s.event_type, s.player_id, p.self_excluded FROM ${run}_security s LEFT JOIN ${run}_players p USING (player_id)
      WHERE (s.player_id IS NOT NULL) <> (s.event_type IN ('EXCLUSION_CHECK', 'EXCLUSION_VIOLATION'))
         OR (s.player_id IS NOT NULL AND p.self_excluded IS DISTINCT FROM true)`;
    expect(await db.violations(bad)).toEqual([]);
  });

  it('I27 location_id → (zone, location_detail, security_level) is a function of the 3.5 registry; ≤ 60 location_ids', async () => {
    const varying = `SELECT location_id FROM ${run}_security GROUP BY 1
      HAVING count(DISTINCT zone) > 1 OR count(DISTINCT location_detail) > 1 OR count(DISTINCT security_level) > 1`;
    expect(await db.violations(varying)).toEqual([]);
    expect(await db.num(`SELECT count(DISTINCT location_id) FROM ${run}_security`)).toBeLessThanOrEqual(60);
    const registry = `SELECT DISTINCT s.location_id, s.zone, s.location_detail, s.security_level FROM ${run}_security s
      LEFT JOIN spec_security_zones z USING (zone) WHERE z.zone IS NULL
        OR NOT regexp_full_match(s.location_id, 'LOC-' || z.code || '1[0-9]{2}')
        OR CAST(right(s.location_id, 3) AS INTEGER) - 100 NOT BETWEEN 1 AND z.locations
        OR s.security_level <> z.security_level
        OR s.location_detail <> s.zone || ' - ' || ['North', 'South', 'East', 'West', 'Central'][(CAST(right(s.location_id, 3) AS INTEGER) - 101) % 5 + 1]`;
    expect(await db.violations(registry)).toEqual([]);
  });

  it('8.3–8.4 incident, camera, visitor, alarm, plate and patrol columns follow the event type', async () => {
    const incidents = `(SELECT event_type FROM spec_incident_prefix)`;
    const bad = `SELECT file_row_number, event_type, zone, camera_id, visitor_id, alarm_type, vehicle_license_plate, patrol_route,
        incident_category, resolution_status, responding_officer_id, shift
      FROM ${run}_security WHERE
        (camera_id IS NOT NULL) <> (event_type IN ('CAMERA_ALERT', 'MOTION_DETECTED', 'CAMERA_OBSTRUCTION'))
        OR (responding_officer_id IS NOT NULL) <> (event_type IN ${incidents} OR event_type = 'ESCORT_REQUEST')
        OR (resolution_status IS NOT NULL) <> (event_type IN ${incidents} AND event_type <> 'SUSPICIOUS_ACTIVITY')
        OR resolution_status NOT IN ('Open', 'Investigating', 'Resolved', 'Closed')
        OR (visitor_id IS NOT NULL) <> (event_type IN ${PATRONS} AND incident_description IS DISTINCT FROM 'Employee escort to parking')
        OR (employee_id IS NOT NULL) <> (event_type IN ${ACCESS} OR event_type = 'SECURITY_PATROL'
          OR (event_type = 'ESCORT_REQUEST' AND incident_description = 'Employee escort to parking'))
        OR (patrol_route IS NOT NULL) <> (event_type = 'SECURITY_PATROL') OR NOT regexp_full_match(patrol_route, 'Route-[A-E]')
        OR alarm_type IS DISTINCT FROM CASE event_type WHEN 'CAMERA_ALERT' THEN 'Video Analytics' WHEN 'MOTION_DETECTED' THEN 'Motion Sensor'
          WHEN 'CAMERA_OBSTRUCTION' THEN 'Camera Tamper' WHEN 'WEAPON_DETECTED' THEN 'Weapons Screening'
          WHEN 'THREAT_DETECTED' THEN 'Panic Button' WHEN 'UNAUTHORIZED_ACCESS' THEN
            (CASE WHEN alarm_type IN ('Door Forced Open', 'Door Held Open') THEN alarm_type END) END
        OR (vehicle_license_plate IS NOT NULL AND NOT (zone IN ('Parking Garage', 'Loading Dock')
          AND event_type IN ('CAMERA_ALERT', 'MOTION_DETECTED', 'SUSPICIOUS_ACTIVITY', 'TRESPASS', 'SECURITY_PATROL')
          AND regexp_full_match(vehicle_license_plate, '[A-Z]{2}-[A-Z]{3}[0-9]{4}')
          AND left(vehicle_license_plate, 2) IN (SELECT state FROM spec_states)))
        OR incident_category IS DISTINCT FROM CASE event_type
          WHEN 'ALTERCATION' THEN 'Disturbance' WHEN 'EXCLUSION_CHECK' THEN 'Self-Exclusion Violation'
          WHEN 'EXCLUSION_VIOLATION' THEN 'Self-Exclusion Violation' WHEN 'TRESPASS' THEN 'Trespass' WHEN 'MEDICAL_EMERGENCY' THEN 'Medical'
          WHEN 'PATRON_COMPLAINT' THEN (CASE WHEN incident_category IN ('Employee Issue', 'Disturbance', 'Property Damage') THEN incident_category END)
          WHEN 'INCIDENT_REPORT' THEN (CASE WHEN incident_category IN ('Theft', 'Property Damage', 'Fraud Attempt', 'Counterfeit Currency',
            'Underage Gaming', 'Disturbance', 'Employee Issue', 'Trespass') THEN incident_category END) END
        OR (event_type = 'MOTION_DETECTED' AND incident_description <> 'Motion Detected')
        OR (event_type = 'CAMERA_ALERT' AND incident_description NOT IN
          ('Loitering', 'Unusual Activity', 'Line Crossing', 'Object Left Behind', 'Face Detection'))
        OR (event_type = 'CAMERA_OBSTRUCTION' AND incident_description NOT IN ('Camera View Obstructed', 'Lens Covered', 'Camera Signal Lost'))
        OR shift <> shift_of(event_timestamp)`;
    expect(await db.violations(bad)).toEqual([]);
    // 3.5: cameras are fixed per zone, numbered upward in registry zone order.
    const cameras = `SELECT camera_id, list(DISTINCT zone) FROM ${run}_security WHERE camera_id IS NOT NULL GROUP BY 1 HAVING count(DISTINCT zone) > 1`;
    expect(await db.violations(cameras)).toEqual([]);
  });

  it('8.2 zones allowed per event type', async () => {
    const publicZones = `('Main Floor', 'Parking Garage', 'Hotel Lobby', 'Restaurant', 'Bar', 'Retail')`;
    const bad = `SELECT DISTINCT event_type, zone FROM ${run}_security WHERE
        (event_type IN ${ACCESS} OR event_type = 'UNAUTHORIZED_ACCESS') AND zone IN ${publicZones}
        OR event_type IN ('EXCLUSION_CHECK', 'EXCLUSION_VIOLATION') AND zone NOT IN ('Main Floor', 'Cage', 'Hotel Lobby')
        OR event_type IN ('ALTERCATION', 'MEDICAL_EMERGENCY', 'PATRON_COMPLAINT') AND zone NOT IN ${publicZones}
        OR event_type IN ('THREAT_DETECTED', 'SUSPICIOUS_ACTIVITY') AND zone NOT IN ${publicZones} AND zone <> 'Cage'
        OR event_type = 'TRESPASS' AND zone NOT IN ${publicZones} AND zone <> 'Loading Dock'
        OR event_type = 'WEAPON_DETECTED' AND zone NOT IN ('Main Floor', 'Hotel Lobby', 'Employee Entrance')
        OR event_type = 'ESCORT_REQUEST' AND zone NOT IN ('Cage', 'Main Floor', 'Parking Garage', 'Hotel Lobby')`;
    expect(await db.violations(bad)).toEqual([]);
  });
});
