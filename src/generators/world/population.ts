/**
 * The player population (SPEC 3.8, 3.9, 11.3): every attribute another table or a token needs,
 * drawn once from the world stream (`world`, `players`, 0) into typed arrays indexed by
 * player sequence − 1.
 */
import { CITIES, CITY_WEIGHTS } from '../data/geography';
import { FIRST_NAMES, LAST_NAMES, STREET_NAMES } from '../data/names';
import {
  ID_TYPES, ID_TYPE_WEIGHTS, STATUS_WEIGHTS, SUSPENDED, TIER_WEIGHTS, VISIT_RATE, EMAIL_DOMAINS,
} from '../data/population';
import { WeightTable, assignApportioned, openStream, uniformPick } from '../rng';
import { addYears } from '../time/civil';
import { pad } from './ids';

export interface Population {
  readonly size: number;
  readonly tier: Uint8Array;
  readonly status: Uint8Array;
  readonly selfExcluded: Uint8Array;
  /** 1 when the player has an SSN (TIN) on file. */
  readonly hasTin: Uint8Array;
  readonly idType: Uint8Array;
  readonly idNumber: Int32Array;
  readonly firstName: Uint16Array;
  readonly lastName: Uint16Array;
  readonly emailNumber: Uint8Array;
  readonly emailDomain: Uint8Array;
  readonly city: Uint8Array;
  readonly zipSuffix: Uint8Array;
  readonly phoneNumber: Uint8Array;
  readonly house: Uint16Array;
  readonly street: Uint8Array;
  /** Apartment number, 0 = none. */
  readonly apartment: Uint16Array;
  /** SSN as area × 1e6 + group × 1e4 + serial. */
  readonly ssn: Int32Array;
  readonly birthDay: Int32Array;
  readonly enrollmentDay: Int32Array;
  /** Daily visit probability. */
  readonly visitProbability: Float64Array;
  readonly checkNumber: Uint16Array;
}

const cityTable = new WeightTable(CITY_WEIGHTS);
const statusTable = new WeightTable(STATUS_WEIGHTS);
const idTypeTable = new WeightTable(ID_TYPE_WEIGHTS);

/** Draws the population of `size` players; dStart and dEnd are D_start and D_end (SPEC 1). */
export function buildPopulation(seed: number, size: number, dStart: number, dEnd: number): Population {
  const rng = openStream(seed, 'world', 'players', 0);
  const tier = assignApportioned(rng, size, TIER_WEIGHTS);
  const noTin = assignApportioned(rng, size, [0.02, 0.98]);
  const selfExcluded = new Uint8Array(size);
  if (size > 0) {
    const order = new Int32Array(size);
    for (let i = 0; i < size; i++) order[i] = i;
    rng.shuffle(order);
    const excluded = Math.max(1, Math.round(0.01 * size));
    for (let i = 0; i < excluded; i++) selfExcluded[order[i]] = 1;
  }
  const pop = {
    size, tier, status: new Uint8Array(size), selfExcluded, hasTin: noTin.map((c) => (c === 0 ? 0 : 1)),
    idType: new Uint8Array(size), idNumber: new Int32Array(size), firstName: new Uint16Array(size),
    lastName: new Uint16Array(size), emailNumber: new Uint8Array(size), emailDomain: new Uint8Array(size),
    city: new Uint8Array(size), zipSuffix: new Uint8Array(size), phoneNumber: new Uint8Array(size),
    house: new Uint16Array(size), street: new Uint8Array(size), apartment: new Uint16Array(size),
    ssn: new Int32Array(size), birthDay: new Int32Array(size), enrollmentDay: new Int32Array(size),
    visitProbability: new Float64Array(size), checkNumber: new Uint16Array(size),
  };
  const dobLo = addYears(dStart, -85) + 1;
  const dobHi = addYears(dStart, -21);
  for (let i = 0; i < size; i++) {
    pop.status[i] = selfExcluded[i] ? SUSPENDED : statusTable.pick(rng);
    pop.idType[i] = idTypeTable.pick(rng);
    pop.idNumber[i] = rng.int(100_000_000, 999_999_999);
    pop.firstName[i] = uniformPick(rng, FIRST_NAMES.length);
    pop.lastName[i] = uniformPick(rng, LAST_NAMES.length);
    pop.emailNumber[i] = rng.int(0, 99);
    pop.emailDomain[i] = uniformPick(rng, EMAIL_DOMAINS.length);
    pop.city[i] = cityTable.pick(rng);
    pop.zipSuffix[i] = rng.int(1, 30);
    pop.phoneNumber[i] = rng.int(0, 99);
    pop.house[i] = rng.int(100, 9999);
    pop.street[i] = uniformPick(rng, STREET_NAMES.length);
    pop.apartment[i] = rng.chance(0.15) ? rng.int(1, 999) : 0;
    pop.ssn[i] = rng.int(900, 999) * 1_000_000 + rng.int(1, 49) * 10_000 + rng.int(1, 9999);
    const dob = rng.int(dobLo, dobHi);
    pop.birthDay[i] = dob;
    const enrollLo = Math.max(addYears(dob, 21), dEnd - 3650);
    const enrollHi = dEnd - 30;
    pop.enrollmentDay[i] = enrollLo <= enrollHi ? rng.int(enrollLo, enrollHi) : addYears(dob, 21);
    pop.visitProbability[i] = VISIT_RATE[tier[i]] * rng.between(0.5, 1.5);
    pop.checkNumber[i] = rng.int(1000, 9999);
  }
  return pop;
}

/** The presented identity of player index i (SPEC 11.3), used by the player table and tokens. */
export const identity = {
  firstName: (p: Population, i: number): string => FIRST_NAMES[p.firstName[i]],
  lastName: (p: Population, i: number): string => LAST_NAMES[p.lastName[i]],
  fullName: (p: Population, i: number): string => `${FIRST_NAMES[p.firstName[i]]} ${LAST_NAMES[p.lastName[i]]}`,
  email: (p: Population, i: number): string =>
    `${FIRST_NAMES[p.firstName[i]]}.${LAST_NAMES[p.lastName[i]]}${pad(p.emailNumber[i], 2)}@${EMAIL_DOMAINS[p.emailDomain[i]]}`.toLowerCase(),
  phone: (p: Population, i: number): string => `${CITIES[p.city[i]][3]}-555-01${pad(p.phoneNumber[i], 2)}`,
  streetLine: (p: Population, i: number): string =>
    `${p.house[i]} ${STREET_NAMES[p.street[i]]}${p.apartment[i] ? ` Apt ${p.apartment[i]}` : ''}`,
  zipCode: (p: Population, i: number): string => `${CITIES[p.city[i]][2]}${pad(p.zipSuffix[i], 2)}`,
  fullAddress: (p: Population, i: number): string => {
    const [city, state] = CITIES[p.city[i]];
    return `${identity.streetLine(p, i)}, ${city}, ${state} ${identity.zipCode(p, i)}`;
  },
  /** The ID document as tokenised (SPEC 11.2 kind `id`): `<id_type>|<number>`. */
  idDocument: (p: Population, i: number): string => `${ID_TYPES[p.idType[i]]}|${p.idNumber[i]}`,
  ssnText: (p: Population, i: number): string => {
    const v = p.ssn[i];
    return `${Math.floor(v / 1_000_000)}-${pad(Math.floor(v / 10_000) % 100, 2)}-${pad(v % 10_000, 4)}`;
  },
};
