/**
 * SPEC facts the invariant tests compare output against, restated from the SPEC text (not
 * imported from the engine's data files, so a wrong data file cannot vouch for itself), and
 * loaded into DuckDB as small `spec_*` tables.
 */

/** SPEC 3.9, verbatim: city, state, ZIP3, area code. */
const GEOGRAPHY = `Las Vegas,NV,891,702; Reno,NV,895,775; Los Angeles,CA,900,213; San Diego,CA,921,619; San Francisco,CA,941,415;
Sacramento,CA,958,916; Phoenix,AZ,850,602; Salt Lake City,UT,841,801; Denver,CO,802,303; New York,NY,100,212;
Buffalo,NY,142,716; Chicago,IL,606,312; Houston,TX,770,713; San Antonio,TX,782,210; Dallas,TX,752,214;
Philadelphia,PA,191,215; Pittsburgh,PA,152,412; Atlantic City,NJ,084,609; Newark,NJ,071,973; Boston,MA,021,617;
Detroit,MI,482,313; Seattle,WA,981,206; Atlanta,GA,303,404; Miami,FL,331,305; Tampa,FL,336,813;
Orlando,FL,328,407; Jacksonville,FL,322,904; New Orleans,LA,701,504; Biloxi,MS,395,228; Jackson,MS,392,601;
Memphis,TN,381,901; Nashville,TN,372,615; St. Louis,MO,631,314; Kansas City,MO,641,816; Minneapolis,MN,554,612;
Milwaukee,WI,532,414; Cleveland,OH,441,216; Columbus,OH,432,614; Cincinnati,OH,452,513; Baltimore,MD,212,410;
Washington,DC,200,202; Richmond,VA,232,804; Charlotte,NC,282,704; Charleston,SC,294,843; Birmingham,AL,352,205;
Louisville,KY,402,502; Indianapolis,IN,462,317; Oklahoma City,OK,731,405; Tulsa,OK,741,918; Little Rock,AR,722,501;
Albuquerque,NM,871,505; Boise,ID,837,208; Portland,OR,972,503; Honolulu,HI,968,808; Anchorage,AK,995,907;
Omaha,NE,681,402; Des Moines,IA,503,515; Sioux Falls,SD,571,605; Fargo,ND,581,701; Billings,MT,591,406;
Cheyenne,WY,820,307; Hartford,CT,061,860; Providence,RI,029,401; Burlington,VT,054,802; Manchester,NH,031,603;
Portland,ME,041,207; Wilmington,DE,198,302; Charleston,WV,253,304; Wichita,KS,672,316`;

/** The 50 states and DC (I11). */
const US_STATES = `AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND
OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY`.split(/\s+/);

/** SPEC 3.8 tier weights. */
export const TIER_WEIGHTS: Readonly<Record<string, number>> = { Bronze: 0.4, Silver: 0.3, Gold: 0.18, Platinum: 0.09, Diamond: 0.03 };

/** SPEC 3.4 roster: role, department, first and last employee number. */
const ROSTER: [string, string, number, number][] = [
  ['Dealer', 'Gaming', 1, 150], ['Cashier', 'Cage', 151, 250], ['Cage supervisor', 'Cage', 251, 270],
  ['Security officer', 'Security', 271, 320], ['Surveillance operator', 'Surveillance', 321, 350],
  ['Player host', 'Marketing', 351, 400], ['Compliance officer', 'Finance', 401, 410], ['Finance staff', 'Finance', 411, 420],
  ['IT', 'IT', 421, 440], ['Food & Beverage', 'Food & Beverage', 441, 470], ['Hotel', 'Hotel', 471, 490], ['Executive', 'Executive', 491, 500],
];

/** SPEC 3.5 security zones: name, code, security_level, number of locations. */
const SECURITY_ZONES: [string, string, string, number][] = [
  ['Main Floor', 'MF', 'Public', 12], ['Cage', 'CG', 'Restricted', 4], ['Count Room', 'CR', 'High Security', 2],
  ['Vault', 'VLT', 'High Security', 2], ['Surveillance Room', 'SR', 'High Security', 2], ['Server Room', 'SVR', 'High Security', 2],
  ['Executive Offices', 'EXO', 'Restricted', 3], ['Employee Entrance', 'ENT', 'Employee', 2], ['Loading Dock', 'LD', 'Restricted', 3],
  ['Parking Garage', 'PKG', 'Public', 6], ['Hotel Lobby', 'HL', 'Public', 3], ['Restaurant', 'RST', 'Public', 4],
  ['Bar', 'BAR', 'Public', 3], ['Retail', 'RTL', 'Public', 3],
];

/** SPEC 3.4 restricted zones per department beyond Public and Employee zones (Security: every zone). */
const DEPARTMENT_ZONES: Record<string, string[]> = {
  Cage: ['Cage', 'Count Room', 'Vault'],
  Finance: ['Cage', 'Count Room'],
  Surveillance: ['Surveillance Room', 'Cage', 'Count Room', 'Vault'],
  Security: SECURITY_ZONES.map(([zone]) => zone),
  IT: ['Server Room'],
  Executive: ['Executive Offices', 'Cage', 'Count Room', 'Vault'],
  'Food & Beverage': ['Loading Dock'],
};

/** SPEC 3.5 slot zone codes and 3.7 pit zone codes. */
const SLOT_ZONES: [string, string][] = [['North', 'NTH'], ['South', 'STH'], ['East', 'EST'], ['West', 'WST'], ['VIP', 'VIP'], ['High Limit', 'HLM'], ['Penny', 'PNY']];
const PIT_ZONES: [string, string][] = [['Main Pit', 'MP'], ['High Limit', 'HL'], ['VIP Salon', 'VI'], ['Poker Room', 'PR'], ['Asian Gaming', 'AG']];

/** SPEC 3.7 house edge per game. */
const HOUSE_EDGE: [string, number][] = [['Blackjack', 0.005], ['Craps', 0.014], ['Roulette', 0.053], ['Baccarat', 0.0106], ['Poker', 0.025], ['Pai Gow', 0.026]];

/** SPEC 8.2 severity by event type (LOW: all others). */
const SEVERITY: [string, string][] = [
  ['WEAPON_DETECTED', 'CRITICAL'], ['THREAT_DETECTED', 'CRITICAL'], ['EXCLUSION_VIOLATION', 'CRITICAL'],
  ['ALTERCATION', 'HIGH'], ['MEDICAL_EMERGENCY', 'HIGH'], ['TRESPASS', 'HIGH'], ['UNAUTHORIZED_ACCESS', 'HIGH'],
  ['INCIDENT_REPORT', 'MEDIUM'], ['SUSPICIOUS_ACTIVITY', 'MEDIUM'], ['ACCESS_DENIED', 'MEDIUM'], ['CAMERA_OBSTRUCTION', 'MEDIUM'],
  ['BADGE_SWIPE', 'LOW'], ['DOOR_ENTRY', 'LOW'], ['ACCESS_GRANTED', 'LOW'], ['CAMERA_ALERT', 'LOW'], ['MOTION_DETECTED', 'LOW'],
  ['EXCLUSION_CHECK', 'LOW'], ['PATRON_COMPLAINT', 'LOW'], ['ESCORT_REQUEST', 'LOW'], ['SECURITY_PATROL', 'LOW'],
];

/** SPEC 8.3 incident-number prefix per event type (ESCORT_REQUEST and the rest: none). */
const INCIDENT_PREFIX: [string, string][] = [
  ['INCIDENT_REPORT', 'INC'], ['ALTERCATION', 'INC'], ['PATRON_COMPLAINT', 'INC'], ['EXCLUSION_CHECK', 'EXC'],
  ['EXCLUSION_VIOLATION', 'EXC'], ['THREAT_DETECTED', 'THR'], ['WEAPON_DETECTED', 'THR'], ['TRESPASS', 'THR'],
  ['UNAUTHORIZED_ACCESS', 'THR'], ['SUSPICIOUS_ACTIVITY', 'SUS'], ['MEDICAL_EMERGENCY', 'MED'],
];

/** SPEC 4.2 slot error codes. */
const ERROR_CODES: [string, string][] = [
  ['E001', 'Door Open Tilt'], ['E002', 'Bill Jam'], ['E003', 'Coin Hopper Empty'], ['E004', 'Communication Error'],
  ['E005', 'Power Fluctuation'], ['E006', 'Reel Error'], ['E007', 'Touch Screen Error'],
];

/** SPEC 1: `_source` per table key. */
export const SOURCES: Readonly<Record<string, string>> = {
  slots: 'SlotMachineGenerator', tables: 'TableGamesGenerator', players: 'PlayerGenerator', security: 'SecurityGenerator',
};

/** Slot W-2G threshold of the default jurisdiction (SPEC 2.4, US-2025). */
export const SLOT_W2G_THRESHOLD = 1200;

const literal = (v: string | number): string => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

function table(name: string, columns: string[], rows: (string | number)[][]): string {
  const values = rows.map((r) => `(${r.map(literal).join(', ')})`).join(', ');
  return `CREATE TABLE ${name} AS SELECT * FROM (VALUES ${values}) AS t(${columns.join(', ')})`;
}

/** CREATE TABLE statements for the spec_* tables. */
export function specTableStatements(): string[] {
  const geography = GEOGRAPHY.split(';').map((t) => t.trim().split(','));
  const roster = ROSTER.flatMap(([role, dept, first, last]) => Array.from({ length: last - first + 1 }, (_, i) => [`EMP-${String(first + i).padStart(5, '0')}`, role, dept]));
  const zoneAccess = Object.entries(DEPARTMENT_ZONES).flatMap(([dept, zones]) => zones.map((z) => [dept, z]));
  return [
    table('spec_geography', ['city', 'state', 'zip3', 'area_code'], geography),
    table('spec_states', ['state'], US_STATES.map((s) => [s])),
    table('spec_tiers', ['tier', 'weight'], Object.entries(TIER_WEIGHTS)),
    table('spec_roster', ['employee_id', 'role', 'department'], roster),
    table('spec_department_zones', ['department', 'zone'], zoneAccess),
    table('spec_security_zones', ['zone', 'code', 'security_level', 'locations'], SECURITY_ZONES),
    table('spec_slot_zones', ['zone', 'code'], SLOT_ZONES),
    table('spec_pit_zones', ['zone', 'code'], PIT_ZONES),
    table('spec_house_edge', ['game_type', 'house_edge'], HOUSE_EDGE),
    table('spec_severity', ['event_type', 'severity_level'], SEVERITY),
    table('spec_incident_prefix', ['event_type', 'prefix'], INCIDENT_PREFIX),
    table('spec_error_codes', ['error_code', 'error_message'], ERROR_CODES),
  ];
}
