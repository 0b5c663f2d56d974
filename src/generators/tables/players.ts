/**
 * bronze_player_profile (SPEC 6, 11): one batch per chunk, players in sequence order. The world
 * holds the population; the payload stream (`payload`, `players`, k) adds the profile values, in
 * player order and, per player, in column order: points_balance, lifetime_points, last_visit_date
 * (only when the player has no visit in the window), total_theo, total_actual_win_loss,
 * preferred_game, communication_preference, marketing_opt_in, marketing_channel (only when opted
 * in), host_assigned (only Gold and above). No draw depends on the PII mode: it changes only how
 * five columns are presented, and tokens are computed only where the mode shows them.
 */
import { StringColumnBuilder, encodeVocabulary, mapTo, type ColumnBatch, type ColumnData } from '../columns';
import { chunkLength } from '../chunks';
import { CITIES } from '../data/geography';
import { FIRST_NAMES, LAST_NAMES } from '../data/names';
import { ACCOUNT_STATUSES, GOLD, PLATINUM, TIERS } from '../data/population';
import { KeyedPermutation, openStream, round, uniformPick, type Rng } from '../rng';
import { CHUNK_ROWS } from '../tables';
import { identity } from '../world/population';
import type { World } from '../world';
import { metadataColumns, repeatedColumn } from './common-columns';

const PREFERRED_GAMES = ['Video Slots', 'Blackjack', 'Craps', 'Roulette', 'Poker', 'Baccarat', 'Video Poker'] as const;
const COMMUNICATION_PREFERENCES = ['Email', 'SMS', 'Mail', 'Phone', 'None'] as const;
/** Opt-in channels, then `None` (the channel of everyone who did not opt in). */
const MARKETING_CHANNELS = ['Email', 'Direct Mail', 'SMS', 'App Push', 'None'] as const;
const NO_CHANNEL = MARKETING_CHANNELS.length - 1;
const OPT_IN = 0.7;

/** Bases by tier, Bronze…Diamond: points in points, theo in dollars. */
const POINTS_BASE = [1_000, 5_000, 25_000, 100_000, 500_000] as const;
const THEO_BASE = [500, 2_500, 15_000, 75_000, 500_000] as const;

const LOYALTY_SIZE = 900_000_000;
const LOYALTY_LO = 100_000_000;
const EMAIL_TOKEN_HEX = 16;

const TIER_BYTES = encodeVocabulary(TIERS);
const STATUS_BYTES = encodeVocabulary(ACCOUNT_STATUSES);
const GAME_BYTES = encodeVocabulary(PREFERRED_GAMES);
const COMMUNICATION_BYTES = encodeVocabulary(COMMUNICATION_PREFERENCES);
const CHANNEL_BYTES = encodeVocabulary(MARKETING_CHANNELS);
const CITY_BYTES = encodeVocabulary(CITIES.map((c) => c[0]));
const STATE_BYTES = encodeVocabulary(CITIES.map((c) => c[1]));
const FIRST_BYTES = encodeVocabulary(FIRST_NAMES);
const LAST_BYTES = encodeVocabulary(LAST_NAMES);
const FIRST_MASKED = encodeVocabulary(FIRST_NAMES.map(maskName));
const LAST_MASKED = encodeVocabulary(LAST_NAMES.map(maskName));
const [COUNTRY, PLAYER_PREFIX, CARD_PREFIX] = encodeVocabulary(['USA', 'P', 'LC']);

/**
 * Generates chunks [first, first + count) of the player table: chunk k holds players
 * k·65,536 + 1 … in sequence order.
 *
 * @example generatePlayerGroup(world, 0, 1)[0].length // min(P, 65,536)
 */
export function generatePlayerGroup(world: World, first: number, count: number): ColumnBatch[] {
  const total = world.scenario.counts.players ?? 0;
  if (total > world.population.size) throw new Error('the player table is larger than the population');
  const loyalty = new KeyedPermutation(world.scenario.seed, 'loyalty_number', LOYALTY_SIZE, LOYALTY_LO);
  const batches: ColumnBatch[] = [];
  for (let k = first; k < first + count; k++) {
    const base = k * CHUNK_ROWS;
    const n = chunkLength(total, k);
    const payload = drawPlayerPayload(world, base, n, openStream(world.scenario.seed, 'payload', 'players', k));
    batches.push(playerColumns(world, k, base, n, payload, loyalty));
  }
  return batches;
}

interface PlayerPayload {
  readonly pointsBalance: Float64Array;
  readonly lifetimePoints: Float64Array;
  readonly tierCredits: Float64Array;
  readonly lastVisitDay: Int32Array;
  readonly totalVisits: Int32Array;
  /** Money in integer cents. */
  readonly theoCents: Float64Array;
  readonly winLossCents: Float64Array;
  readonly averageTheoCents: Float64Array;
  readonly game: Uint8Array;
  readonly communication: Uint8Array;
  readonly optIn: Uint8Array;
  /** Index into MARKETING_CHANNELS. */
  readonly channel: Uint8Array;
  /** Employee number of the player host, or −1. */
  readonly host: Int16Array;
}

/** Draws the payload of players [base, base + n) (0-based indices) from `rng`. */
function drawPlayerPayload(world: World, base: number, n: number, rng: Rng): PlayerPayload {
  const p: PlayerPayload = {
    pointsBalance: new Float64Array(n), lifetimePoints: new Float64Array(n), tierCredits: new Float64Array(n),
    lastVisitDay: new Int32Array(n), totalVisits: new Int32Array(n), theoCents: new Float64Array(n),
    winLossCents: new Float64Array(n), averageTheoCents: new Float64Array(n), game: new Uint8Array(n),
    communication: new Uint8Array(n), optIn: new Uint8Array(n), channel: new Uint8Array(n), host: new Int16Array(n).fill(-1),
  };
  const pop = world.population;
  const cal = world.calendar;
  const hosts = world.roster.byRole('Player host');
  for (let r = 0; r < n; r++) {
    const i = base + r;
    const tier = pop.tier[i];
    const enrolled = pop.enrollmentDay[i];
    p.pointsBalance[r] = Math.floor(rng.between(0.1, 2.0) * POINTS_BASE[tier]);
    p.lifetimePoints[r] = Math.floor(p.pointsBalance[r] * rng.between(3, 20));
    p.tierCredits[r] = Math.floor(p.lifetimePoints[r] * 0.1);
    const visits = cal.visitCount[i];
    const last = visits > 0 ? cal.lastVisitDay[i] : rng.int(enrolled, Math.max(enrolled, world.dStart - 1));
    p.lastVisitDay[r] = last;
    p.totalVisits[r] = totalVisits(visits, pop.visitProbability[i], enrolled, last, world.dStart);
    const theo = round(rng.between(0.5, 2.0) * THEO_BASE[tier] * 100);
    p.theoCents[r] = theo;
    p.winLossCents[r] = round((theo / 100) * rng.between(-0.25, 2.25) * 100);
    p.averageTheoCents[r] = round((theo / 100 / p.totalVisits[r]) * 100);
    p.game[r] = uniformPick(rng, PREFERRED_GAMES.length);
    p.communication[r] = uniformPick(rng, COMMUNICATION_PREFERENCES.length);
    const optIn = rng.chance(OPT_IN);
    p.optIn[r] = optIn ? 1 : 0;
    p.channel[r] = optIn ? uniformPick(rng, NO_CHANNEL) : NO_CHANNEL;
    if (tier >= GOLD) p.host[r] = hosts[uniformPick(rng, hosts.length)];
  }
  return p;
}

/**
 * total_visits (SPEC 6.2): the window's visits plus round(p × days from enrollment to D_start),
 * at least 1 and at most the days from enrollment to the last visit, both included.
 */
function totalVisits(visits: number, p: number, enrolled: number, last: number, dStart: number): number {
  const before = round(p * Math.max(0, dStart - enrolled));
  return Math.min(Math.max(1, visits + before), last - enrolled + 1);
}

function playerColumns(world: World, k: number, base: number, n: number, p: PlayerPayload, loyalty: KeyedPermutation): ColumnBatch {
  const pop = world.population;
  const ids = new StringColumnBuilder(n, 8);
  const cards = new StringColumnBuilder(n, 11);
  const zip = new StringColumnBuilder(n, 5);
  const hostIds = encodeVocabulary(world.roster.ids);
  const host = new StringColumnBuilder(n, 9);
  for (let r = 0; r < n; r++) {
    const seq = base + r + 1;
    ids.pushPrefixedNumber(PLAYER_PREFIX, seq, 6);
    cards.pushPrefixedNumber(CARD_PREFIX, loyalty.map(seq), 1);
    zip.push(identity.zipCode(pop, base + r));
    if (p.host[r] < 0) host.pushNull();
    else host.pushBytes(hostIds[p.host[r]]);
  }
  const [firstName, lastName, email, phone, address] = presentedColumns(world, base, n);
  const [ssnHash, ssnMasked] = ssnColumns(world, base, n);
  const columns: ColumnData[] = [
    ids.finish(), cards.finish(), firstName, lastName, email, phone,
    { type: 'date', values: pop.birthDay.slice(base, base + n), valid: null },
    ssnHash, ssnMasked, address,
    vocabularyColumn(n, CITY_BYTES, (r) => pop.city[base + r], 12),
    vocabularyColumn(n, STATE_BYTES, (r) => pop.city[base + r], 2),
    zip.finish(),
    repeatedColumn(n, COUNTRY),
    vocabularyColumn(n, TIER_BYTES, (r) => pop.tier[base + r], 6),
    { type: 'int64', values: p.pointsBalance, valid: null },
    { type: 'int64', values: p.lifetimePoints, valid: null },
    { type: 'int64', values: p.tierCredits, valid: null },
    { type: 'date', values: pop.enrollmentDay.slice(base, base + n), valid: null },
    { type: 'date', values: p.lastVisitDay, valid: null },
    { type: 'int32', values: p.totalVisits, valid: null },
    dollars(p.theoCents), dollars(p.winLossCents), dollars(p.averageTheoCents),
    vocabularyColumn(n, GAME_BYTES, (r) => p.game[r], 10),
    vocabularyColumn(n, COMMUNICATION_BYTES, (r) => p.communication[r], 5),
    { type: 'bool', values: p.optIn, valid: null },
    vocabularyColumn(n, CHANNEL_BYTES, (r) => p.channel[r], 6),
    host.finish(),
    { type: 'bool', values: mapTo(Uint8Array, pop.tier.subarray(base, base + n), (t) => (t >= PLATINUM ? 1 : 0)), valid: null },
    { type: 'bool', values: pop.selfExcluded.slice(base, base + n), valid: null },
    vocabularyColumn(n, STATUS_BYTES, (r) => pop.status[base + r], 6),
    ...metadataColumns(world.scenario.seed, world.scenario.as_of, 'players', k, n),
  ];
  return { length: n, columns };
}

/**
 * first_name, last_name, email, phone, address as SPEC 11.1 presents them in the scenario's mode.
 * Masked: initial + `***`, 16 hex of the email token @masked.com, `***-***-` + the last 4 digits,
 * the address token. Raw: the values, the street line for the address.
 */
function presentedColumns(world: World, base: number, n: number): ColumnData[] {
  const pop = world.population;
  const raw = world.scenario.pii === 'raw';
  const firstName = new StringColumnBuilder(n, raw ? 7 : 4);
  const lastName = new StringColumnBuilder(n, raw ? 8 : 4);
  const email = new StringColumnBuilder(n, raw ? 28 : 27);
  const phone = new StringColumnBuilder(n, 12);
  const address = new StringColumnBuilder(n, raw ? 18 : 64);
  for (let r = 0; r < n; r++) {
    const i = base + r;
    if (raw) {
      firstName.pushBytes(FIRST_BYTES[pop.firstName[i]]);
      lastName.pushBytes(LAST_BYTES[pop.lastName[i]]);
      email.push(identity.email(pop, i));
      phone.push(identity.phone(pop, i));
      address.push(identity.streetLine(pop, i));
    } else {
      firstName.pushBytes(FIRST_MASKED[pop.firstName[i]]);
      lastName.pushBytes(LAST_MASKED[pop.lastName[i]]);
      email.push(`${world.token('email', identity.email(pop, i)).slice(0, EMAIL_TOKEN_HEX)}@masked.com`);
      phone.push(`***-***-${identity.phone(pop, i).slice(-4)}`);
      address.push(world.token('address', identity.fullAddress(pop, i)));
    }
  }
  return [firstName.finish(), lastName.finish(), email.finish(), phone.finish(), address.finish()];
}

/** ssn_hash = token('ssn', NNN-NN-NNNN) and ssn_masked = XXX-XX-NNNN; both null without a TIN. */
function ssnColumns(world: World, base: number, n: number): ColumnData[] {
  const pop = world.population;
  const hash = new StringColumnBuilder(n, 64);
  const masked = new StringColumnBuilder(n, 11);
  for (let r = 0; r < n; r++) {
    const i = base + r;
    if (!pop.hasTin[i]) {
      hash.pushNull();
      masked.pushNull();
      continue;
    }
    const ssn = identity.ssnText(pop, i);
    hash.push(world.token('ssn', ssn));
    masked.push(`XXX-XX-${ssn.slice(-4)}`);
  }
  return [hash.finish(), masked.finish()];
}

function maskName(name: string): string {
  return `${name[0]}***`;
}

function vocabularyColumn(n: number, vocabulary: readonly Uint8Array[], index: (r: number) => number, averageBytes: number): ColumnData {
  const b = new StringColumnBuilder(n, averageBytes);
  for (let r = 0; r < n; r++) b.pushBytes(vocabulary[index(r)]);
  return b.finish();
}

/** Cents → dollars in place (the payload's array becomes the column). */
function dollars(cents: Float64Array): ColumnData {
  for (let i = 0; i < cents.length; i++) cents[i] /= 100;
  return { type: 'float64', values: cents, valid: null };
}
