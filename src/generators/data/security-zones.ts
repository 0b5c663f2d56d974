/** Security zones in registry order (SPEC 3.5): name, code, security level, number of locations. */
export const SECURITY_ZONES = [
  { name: 'Main Floor', code: 'MF', level: 'Public', locations: 12 },
  { name: 'Cage', code: 'CG', level: 'Restricted', locations: 4 },
  { name: 'Count Room', code: 'CR', level: 'High Security', locations: 2 },
  { name: 'Vault', code: 'VLT', level: 'High Security', locations: 2 },
  { name: 'Surveillance Room', code: 'SR', level: 'High Security', locations: 2 },
  { name: 'Server Room', code: 'SVR', level: 'High Security', locations: 2 },
  { name: 'Executive Offices', code: 'EXO', level: 'Restricted', locations: 3 },
  { name: 'Employee Entrance', code: 'ENT', level: 'Employee', locations: 2 },
  { name: 'Loading Dock', code: 'LD', level: 'Restricted', locations: 3 },
  { name: 'Parking Garage', code: 'PKG', level: 'Public', locations: 6 },
  { name: 'Hotel Lobby', code: 'HL', level: 'Public', locations: 3 },
  { name: 'Restaurant', code: 'RST', level: 'Public', locations: 4 },
  { name: 'Bar', code: 'BAR', level: 'Public', locations: 3 },
  { name: 'Retail', code: 'RTL', level: 'Public', locations: 3 },
] as const;

export type SecurityZoneName = (typeof SECURITY_ZONES)[number]['name'];

/** Location j (1-based) of a zone is `<zone> - <dir>`, dir cycling through these (SPEC 3.5). */
export const LOCATION_DIRECTIONS = ['North', 'South', 'East', 'West', 'Central'] as const;
