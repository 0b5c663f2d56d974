/** The 500-employee roster layout (SPEC 3.4): role, department, first and last employee number. */
export const ROLES = [
  { role: 'Dealer', department: 'Gaming', first: 1, last: 150 },
  { role: 'Cashier', department: 'Cage', first: 151, last: 250 },
  { role: 'Cage supervisor', department: 'Cage', first: 251, last: 270 },
  { role: 'Security officer', department: 'Security', first: 271, last: 320 },
  { role: 'Surveillance operator', department: 'Surveillance', first: 321, last: 350 },
  { role: 'Player host', department: 'Marketing', first: 351, last: 400 },
  { role: 'Compliance officer', department: 'Finance', first: 401, last: 410 },
  { role: 'Finance staff', department: 'Finance', first: 411, last: 420 },
  { role: 'IT', department: 'IT', first: 421, last: 440 },
  { role: 'Food & Beverage', department: 'Food & Beverage', first: 441, last: 470 },
  { role: 'Hotel', department: 'Hotel', first: 471, last: 490 },
  { role: 'Executive', department: 'Executive', first: 491, last: 500 },
] as const;

export const EMPLOYEE_COUNT = 500;

export type RoleName = (typeof ROLES)[number]['role'];

/** Restricted zones a department may enter beyond Public and Employee zones (SPEC 3.4). */
export const DEPARTMENT_ZONES: Record<string, readonly string[]> = {
  Cage: ['Cage', 'Count Room', 'Vault'],
  Finance: ['Cage', 'Count Room'],
  Surveillance: ['Surveillance Room', 'Cage', 'Count Room', 'Vault'],
  Security: [
    'Main Floor', 'Cage', 'Count Room', 'Vault', 'Surveillance Room', 'Server Room', 'Executive Offices',
    'Employee Entrance', 'Loading Dock', 'Parking Garage', 'Hotel Lobby', 'Restaurant', 'Bar', 'Retail',
  ],
  IT: ['Server Room'],
  Executive: ['Executive Offices', 'Cage', 'Count Room', 'Vault'],
  'Food & Beverage': ['Loading Dock'],
  Gaming: [],
  Marketing: [],
  Hotel: [],
};
