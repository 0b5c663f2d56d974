/** The employee roster (SPEC 3.4): 500 employees in a fixed layout, dealer certifications, badges. */
import { DEPARTMENT_ZONES, EMPLOYEE_COUNT, ROLES, type RoleName } from '../data/roster';
import { GAMES } from '../data/pits';
import { KeyedPermutation, openStream, type Rng } from '../rng';
import { employeeId } from './ids';

export interface Roster {
  /** Employee number (1-based) → id, badge, department. */
  readonly ids: readonly string[];
  readonly badges: readonly string[];
  readonly departments: readonly string[];
  /** Employee numbers of a role, ascending. */
  byRole(role: RoleName): readonly number[];
  /** Dealers (employee numbers) certified for each game index. */
  readonly certifiedDealers: readonly (readonly number[])[];
  /** Restricted zones an employee may enter beyond Public and Employee zones. */
  allowedZones(num: number): readonly string[];
}

const DEALERS = ROLES[0];
const MIN_CERTIFIED = 10;

export function buildRoster(seed: number): Roster {
  const rng = openStream(seed, 'world', 'roster', 0);
  const badgePerm = new KeyedPermutation(seed, 'badge_number', 90_000, 10_000);
  const ids = [''];
  const badges = [''];
  const departments = [''];
  const roleMembers = new Map<string, number[]>();
  for (const r of ROLES) {
    const members: number[] = [];
    for (let n = r.first; n <= r.last; n++) {
      ids[n] = employeeId(n);
      badges[n] = `BDG-${badgePerm.map(n)}`;
      departments[n] = r.department;
      members.push(n);
    }
    roleMembers.set(r.role, members);
  }
  if (ids.length !== EMPLOYEE_COUNT + 1) throw new Error('roster layout does not cover 500 employees');
  const certifiedDealers = certifyDealers(rng);
  return {
    ids,
    badges,
    departments,
    byRole: (role) => roleMembers.get(role) ?? [],
    certifiedDealers,
    allowedZones: (num) => DEPARTMENT_ZONES[departments[num]] ?? [],
  };
}

/** Each dealer gets U{1..3} distinct games, then games below 10 dealers get more (SPEC 3.4). */
function certifyDealers(rng: Rng): number[][] {
  const byGame: number[][] = GAMES.map(() => []);
  const holds = new Set<string>();
  for (let n = DEALERS.first; n <= DEALERS.last; n++) {
    const k = rng.int(1, 3);
    const games = [0, 1, 2, 3, 4, 5];
    rng.shuffle(games);
    for (const g of games.slice(0, k)) holds.add(`${n}|${g}`);
  }
  for (let g = 0; g < GAMES.length; g++) {
    const without: number[] = [];
    for (let n = DEALERS.first; n <= DEALERS.last; n++) if (!holds.has(`${n}|${g}`)) without.push(n);
    const have = DEALERS.last - DEALERS.first + 1 - without.length;
    if (have < MIN_CERTIFIED) {
      rng.shuffle(without);
      for (const n of without.slice(0, MIN_CERTIFIED - have)) holds.add(`${n}|${g}`);
    }
    for (let n = DEALERS.first; n <= DEALERS.last; n++) if (holds.has(`${n}|${g}`)) byGame[g].push(n);
  }
  return byGame;
}
