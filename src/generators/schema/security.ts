/** bronze_security_events columns, canonical order (SPEC 8.1). */
import { col, defineTable, mostlyDistinct } from './types';

export const SECURITY_SCHEMA = defineTable(
  { key: 'security', stem: 'bronze_security_events', source: 'SecurityGenerator', timestampColumn: 'event_timestamp' },
  [
    mostlyDistinct(col('event_id', 'string', 'required', 'Unique id of the security event (lowercase UUID).')),
    col('event_type', 'string', 'required', 'Kind of event, e.g. BADGE_SWIPE, ACCESS_DENIED, CAMERA_ALERT, EXCLUSION_VIOLATION, INCIDENT_REPORT or SECURITY_PATROL.'),
    mostlyDistinct(col('event_timestamp', 'timestamp', 'required', 'Instant the event occurred (UTC, microseconds).')),
    col('location_id', 'string', 'required', 'Location of the event (LOC- plus zone code and number).'),
    col('zone', 'string', 'required', 'Security zone of the location, e.g. Main Floor, Cage, Vault or Parking Garage.'),
    col('location_detail', 'string', 'required', 'Readable name of the location, such as Cage - North.'),
    col('security_level', 'string', 'required', 'Access level of the zone: Public, Employee, Restricted or High Security.'),
    col('severity_level', 'string', 'required', 'Severity of the event type: LOW, MEDIUM, HIGH or CRITICAL.'),
    col('shift', 'string', 'required', 'Shift of the event time: Day, Swing or Grave.'),
    col('employee_id', 'string', 'nullable', 'Employee involved: the badge holder on access events, the patrolling officer, or the escorted employee.'),
    col('badge_number', 'string', 'nullable', 'Badge of the employee on access events.'),
    col('visitor_id', 'string', 'nullable', 'Guest involved in a patron-related event (VIS- plus 6 digits).'),
    col('camera_id', 'string', 'nullable', 'Camera that raised a camera event.'),
    col('access_granted', 'bool', 'nullable', 'Whether access was granted, on access events only.'),
    col('access_denied_reason', 'string', 'nullable', 'Why access was denied, present exactly when access_granted is false.'),
    col('incident_number', 'string', 'nullable', 'Incident number (<prefix>-<YYYYMMDD>-<row number>) of events that open an incident.'),
    col('incident_category', 'string', 'nullable', 'Category of the incident, e.g. Theft, Disturbance, Medical or Self-Exclusion Violation.'),
    col('incident_severity', 'string', 'nullable', 'Severity of the incident in title case, matching severity_level.'),
    col('incident_description', 'string', 'nullable', 'Short description of what happened.'),
    col('responding_officer_id', 'string', 'nullable', 'Security officer who responded (employee id).'),
    col('resolution_status', 'string', 'nullable', 'State of the incident: Open, Investigating, Resolved or Closed.'),
    col('vehicle_license_plate', 'string', 'nullable', 'License plate of a vehicle involved, for some parking garage and loading dock events.'),
    col('alarm_type', 'string', 'nullable', 'Alarm system that raised the event, e.g. Video Analytics, Motion Sensor or Panic Button.'),
    col('patrol_route', 'string', 'nullable', 'Route walked on SECURITY_PATROL events (Route-A to Route-E).'),
    col('player_id', 'string', 'nullable', 'Self-excluded loyalty member detected on EXCLUSION_CHECK and EXCLUSION_VIOLATION events.'),
  ],
);
