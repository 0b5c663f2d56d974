/**
 * Security event types and their rules as data (SPEC 8.2–8.4): weights, severity, allowed
 * zones, access reasons, camera and incident contents, alarm types and patrol routes.
 */
import type { SecurityZoneName } from './security-zones';

export const SECURITY_EVENT_TYPES = [
  'BADGE_SWIPE', 'DOOR_ENTRY', 'ACCESS_GRANTED', 'ACCESS_DENIED', 'CAMERA_ALERT', 'MOTION_DETECTED',
  'CAMERA_OBSTRUCTION', 'EXCLUSION_CHECK', 'EXCLUSION_VIOLATION', 'INCIDENT_REPORT', 'ALTERCATION',
  'MEDICAL_EMERGENCY', 'THREAT_DETECTED', 'WEAPON_DETECTED', 'TRESPASS', 'UNAUTHORIZED_ACCESS', 'SUSPICIOUS_ACTIVITY',
  'PATRON_COMPLAINT', 'ESCORT_REQUEST', 'SECURITY_PATROL',
] as const;
export type SecurityEventName = (typeof SECURITY_EVENT_TYPES)[number];

export const enum SecurityEvent {
  BadgeSwipe, DoorEntry, AccessGranted, AccessDenied, CameraAlert, MotionDetected, CameraObstruction,
  ExclusionCheck, ExclusionViolation, IncidentReport, Altercation, MedicalEmergency, ThreatDetected, WeaponDetected,
  Trespass, UnauthorizedAccess, SuspiciousActivity, PatronComplaint, EscortRequest, SecurityPatrol,
}

/** Event type weights, in the order of SECURITY_EVENT_TYPES (SPEC 8.2). */
export const SECURITY_EVENT_WEIGHTS = [
  0.2, 0.15, 0.1, 0.05, 0.08, 0.06, 0.02, 0.03, 0.01, 0.05, 0.02, 0.02, 0.01, 0.01, 0.02, 0.03, 0.04, 0.03, 0.02, 0.05,
] as const;

/** severity_level values; index = SEVERITY_OF_TYPE entry. Title Case forms for incident_severity. */
export const SEVERITY_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export const SEVERITY_TITLES = ['Low', 'Medium', 'High', 'Critical'] as const;
const [LOW, MEDIUM, HIGH, CRITICAL] = [0, 1, 2, 3];

/** The legacy severity mapping per event type (SPEC 8.2). */
export const SEVERITY_OF_TYPE: readonly number[] = [
  LOW, LOW, LOW, MEDIUM, LOW, LOW, MEDIUM, LOW, CRITICAL, MEDIUM, HIGH, HIGH, CRITICAL, CRITICAL, HIGH, HIGH, MEDIUM,
  LOW, LOW, LOW,
];

const PUBLIC_ZONES: readonly SecurityZoneName[] = [
  'Main Floor', 'Parking Garage', 'Hotel Lobby', 'Restaurant', 'Bar', 'Retail',
];
const NON_PUBLIC_ZONES: readonly SecurityZoneName[] = [
  'Cage', 'Count Room', 'Vault', 'Surveillance Room', 'Server Room', 'Executive Offices', 'Employee Entrance',
  'Loading Dock',
];
const ANY_ZONE = null;

/** Allowed zones of an event type; `null` = any zone. `weights` absent = uniform (SPEC 8.2). */
export interface ZoneRule {
  readonly zones: readonly SecurityZoneName[] | null;
  readonly weights?: readonly number[];
}

const EXCLUSION_ZONES: ZoneRule = { zones: ['Main Floor', 'Cage', 'Hotel Lobby'], weights: [0.7, 0.15, 0.15] };
const uniform = (zones: readonly SecurityZoneName[] | null): ZoneRule => ({ zones });

/** Zone rule per event type, in the order of SECURITY_EVENT_TYPES (SPEC 8.2). */
export const ZONE_RULES: readonly ZoneRule[] = [
  uniform(NON_PUBLIC_ZONES), uniform(NON_PUBLIC_ZONES), uniform(NON_PUBLIC_ZONES), uniform(NON_PUBLIC_ZONES),
  uniform(ANY_ZONE), uniform(ANY_ZONE), uniform(ANY_ZONE),
  EXCLUSION_ZONES, EXCLUSION_ZONES,
  uniform(ANY_ZONE),
  uniform(PUBLIC_ZONES), uniform(PUBLIC_ZONES),
  uniform([...PUBLIC_ZONES, 'Cage']),
  uniform(['Main Floor', 'Hotel Lobby', 'Employee Entrance']),
  uniform([...PUBLIC_ZONES, 'Loading Dock']),
  uniform(NON_PUBLIC_ZONES),
  uniform([...PUBLIC_ZONES, 'Cage']),
  uniform(PUBLIC_ZONES),
  uniform(['Cage', 'Main Floor', 'Parking Garage', 'Hotel Lobby']),
  uniform(ANY_ZONE),
];

/** Access outcomes (SPEC 8.3). */
export const INSUFFICIENT_ACCESS = 'Insufficient Access Level';
export const TECHNICAL_REASONS = ['Badge Read Error', 'Door Sensor Malfunction', 'Expired Badge'] as const;
/** ACCESS_DENIED: share of denials drawn from a not-allowed employee. */
export const DENIED_NOT_ALLOWED = 0.7;
/** BADGE_SWIPE / DOOR_ENTRY: share of allowed employees, and their technical-denial rate. */
export const SWIPE_ALLOWED = 0.95;
export const SWIPE_TECHNICAL_DENIAL = 0.05;

/** Camera descriptions (SPEC 8.3), stored in incident_description. */
export const CAMERA_DESCRIPTIONS: Partial<Record<SecurityEventName, readonly string[]>> = {
  CAMERA_ALERT: ['Loitering', 'Unusual Activity', 'Line Crossing', 'Object Left Behind', 'Face Detection'],
  MOTION_DETECTED: ['Motion Detected'],
  CAMERA_OBSTRUCTION: ['Camera View Obstructed', 'Lens Covered', 'Camera Signal Lost'],
};

export const RESOLUTION_STATUSES = ['Open', 'Investigating', 'Resolved', 'Closed'] as const;

/**
 * An incident-table row of SPEC 8.3. Lists of one value are constants (no draw). A template's
 * `{category}`, `{location}` and `{officer}` are the row's category, location_detail and
 * responding officer's EMP id.
 */
export interface IncidentRule {
  readonly prefix: string | null;
  readonly categories: readonly string[] | null;
  readonly categoryWeights?: readonly number[];
  readonly descriptions: readonly string[];
  readonly descriptionWeights?: readonly number[];
  readonly template?: boolean;
  /** Weights of Open, Investigating, Resolved, Closed; null = no status. */
  readonly status: readonly number[] | null;
}

const INC_STATUS = [0.2, 0.3, 0.25, 0.25];
const EXC_STATUS = [0.3, 0.3, 0.2, 0.2];
const THR_STATUS = [0.4, 0.3, 0.15, 0.15];
const MED_STATUS = [0.2, 0.2, 0.3, 0.3];
const EXCLUSION: IncidentRule = {
  prefix: 'EXC',
  categories: ['Self-Exclusion Violation'],
  descriptions: [
    'Self-exclusion list match detected', 'State exclusion list match', 'Gaming commission exclusion match',
    'Casino exclusion match - previous incident',
  ],
  descriptionWeights: [0.7, 0.15, 0.1, 0.05],
  status: EXC_STATUS,
};
export const EMPLOYEE_ESCORT = 'Employee escort to parking';

/** The incident table of SPEC 8.3, by event type. */
export const INCIDENT_RULES: Partial<Record<SecurityEventName, IncidentRule>> = {
  INCIDENT_REPORT: {
    prefix: 'INC',
    categories: [
      'Theft', 'Property Damage', 'Fraud Attempt', 'Counterfeit Currency', 'Underage Gaming', 'Disturbance',
      'Employee Issue', 'Trespass',
    ],
    categoryWeights: [0.25, 0.15, 0.15, 0.1, 0.1, 0.1, 0.1, 0.05],
    descriptions: ['{category} reported at {location}; officer {officer} responded.'],
    template: true,
    status: INC_STATUS,
  },
  ALTERCATION: {
    prefix: 'INC',
    categories: ['Disturbance'],
    descriptions: ['Physical altercation between patrons at {location}.'],
    template: true,
    status: INC_STATUS,
  },
  PATRON_COMPLAINT: {
    prefix: 'INC',
    categories: ['Employee Issue', 'Disturbance', 'Property Damage'],
    categoryWeights: [0.5, 0.3, 0.2],
    descriptions: ['Patron complaint ({category}) at {location}.'],
    template: true,
    status: INC_STATUS,
  },
  EXCLUSION_CHECK: EXCLUSION,
  EXCLUSION_VIOLATION: EXCLUSION,
  THREAT_DETECTED: {
    prefix: 'THR',
    categories: null,
    descriptions: ['Verbal threat made toward staff', 'Suspicious package reported'],
    status: THR_STATUS,
  },
  WEAPON_DETECTED: {
    prefix: 'THR', categories: null, descriptions: ['Weapon detected at entrance screening'], status: THR_STATUS,
  },
  TRESPASS: {
    prefix: 'THR',
    categories: ['Trespass'],
    descriptions: ['Trespass warning violation - previously banned individual'],
    status: THR_STATUS,
  },
  UNAUTHORIZED_ACCESS: {
    prefix: 'THR', categories: null, descriptions: ['Unauthorized individual in restricted area'], status: THR_STATUS,
  },
  SUSPICIOUS_ACTIVITY: {
    prefix: 'SUS',
    categories: null,
    descriptions: [
      'Individual photographing gaming equipment', 'Possible card counting observed',
      'Pattern of small cash transactions observed', 'Suspected advantage player', 'Chip passing between patrons observed',
      'Possible excluded person look-alike',
    ],
    status: null,
  },
  MEDICAL_EMERGENCY: {
    prefix: 'MED',
    categories: ['Medical'],
    descriptions: [
      'Patron fainted on gaming floor', 'Slip and fall reported', 'Chest pains reported',
      'Intoxicated patron requiring assistance', 'Allergic reaction reported',
    ],
    status: MED_STATUS,
  },
  ESCORT_REQUEST: {
    prefix: null,
    categories: null,
    descriptions: ['VIP escort to vehicle', 'Large cash-out escort to vehicle', 'Patron requested escort', EMPLOYEE_ESCORT],
    status: null,
  },
};

/** Event types whose row names a guest (SPEC 8.4); the employee escort names an employee instead. */
export const VISITOR_TYPES: readonly SecurityEventName[] = [
  'ALTERCATION', 'MEDICAL_EMERGENCY', 'TRESPASS', 'SUSPICIOUS_ACTIVITY', 'PATRON_COMPLAINT', 'ESCORT_REQUEST',
];
export const VISITOR_POOL = 2000;

/** License plates: these types in these zones carry a plate with this probability (SPEC 8.4). */
export const PLATE_TYPES: readonly SecurityEventName[] = [
  'CAMERA_ALERT', 'MOTION_DETECTED', 'SUSPICIOUS_ACTIVITY', 'TRESPASS', 'SECURITY_PATROL',
];
export const PLATE_ZONES: readonly SecurityZoneName[] = ['Parking Garage', 'Loading Dock'];
export const PLATE_PROBABILITY = 0.6;

/** alarm_type per event type; a list with weights is drawn (SPEC 8.4). */
export const ALARM_TYPES: Partial<Record<SecurityEventName, readonly (readonly [string, number])[]>> = {
  CAMERA_ALERT: [['Video Analytics', 1]],
  MOTION_DETECTED: [['Motion Sensor', 1]],
  CAMERA_OBSTRUCTION: [['Camera Tamper', 1]],
  WEAPON_DETECTED: [['Weapons Screening', 1]],
  THREAT_DETECTED: [['Panic Button', 1]],
  UNAUTHORIZED_ACCESS: [['Door Forced Open', 0.6], ['Door Held Open', 0.4]],
};

export const PATROL_ROUTES = ['Route-A', 'Route-B', 'Route-C', 'Route-D', 'Route-E'] as const;
