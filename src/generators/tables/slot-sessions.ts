/**
 * session_id of the slot table (SPEC 4.3): `SES-` + the keyed hash of `<player id>|<machine id>|<gaming day>`.
 * The hash is computed once per session and chunk; later rows of the same session copy the 20 bytes
 * already written (rows drawn from the calendar are keyed by their session index, the few planned
 * jackpot rows are hashed directly). The hashed text is assembled as bytes, with no strings per row.
 */
import { perWorld } from '../world/per-world';
import { encodeVocabulary, type ColumnData } from '../columns';
import { gamingDay } from '../time/intensity';
import { formatDay } from '../time/format';
import type { World } from '../world';
import type { SlotPayload } from './slot-payload';
import { unitInt32, unitUint8 } from '../unit-arena';

const WIDTH = 20;
const [PREFIX] = encodeVocabulary(['SES-']);
const PLAYER = 'P'.charCodeAt(0);
const BAR = '|'.charCodeAt(0);
const PLAYER_DIGITS = 6;

/** Per world: for each calendar session, 1 + the byte offset of its id in the chunk being built (0 = not yet). */
const writtenAtOf = perWorld((world) => new Int32Array(world.calendar.sessionMachines.length));

/** `machineIds`: the encoded id of each machine. */
export function sessionColumn(world: World, instants: Float64Array, p: SlotPayload, machineIds: readonly Uint8Array[]): ColumnData {
  const n = instants.length;
  const written = writtenAtOf(world);
  const offsets = unitInt32(n + 1);
  let valid: Uint8Array | null = null;
  let carded = 0;
  for (let r = 0; r < n; r++) {
    if (p.player[r] < 0) {
      valid ??= unitUint8(n).fill(1);
      valid[r] = 0;
    } else carded++;
    offsets[r + 1] = carded * WIDTH;
  }
  const bytes = unitUint8(carded * WIDTH);
  // Every id starts at a multiple of 20 bytes, so a repeated id is copied as five 32-bit words.
  const words = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const text = new Uint8Array(64);
  let lastDay = NaN;
  let dayText: Uint8Array = new Uint8Array(0);
  for (let r = 0; r < n; r++) {
    if (p.player[r] < 0) continue;
    const at = offsets[r];
    const s = p.session[r];
    if (s >= 0 && written[s] > 0) {
      const from = (written[s] - 1) / 4;
      for (let i = 0; i < WIDTH / 4; i++) words[at / 4 + i] = words[from + i];
      continue;
    }
    const day = gamingDay(instants[r]);
    if (day !== lastDay) [lastDay, dayText] = [day, encodeVocabulary([formatDay(day)])[0]];
    let length = writePlayerId(text, p.player[r] + 1);
    text[length++] = BAR;
    length = append(text, length, machineIds[p.machine[r]]);
    text[length++] = BAR;
    length = append(text, length, dayText);
    bytes.set(PREFIX, at);
    world.idHashInto(text, length, bytes, at + PREFIX.length);
    if (s >= 0) written[s] = at + 1;
  }
  for (let r = 0; r < n; r++) if (p.session[r] >= 0) written[p.session[r]] = 0;
  return { type: 'string', offsets, bytes, valid };
}

/** Writes `P` + seq zero-padded to at least 6 digits (playerId) at the start of out; returns its length. */
function writePlayerId(out: Uint8Array, seq: number): number {
  let digits = 1;
  for (let v = seq; v >= 10; v = Math.floor(v / 10)) digits++;
  const length = 1 + Math.max(PLAYER_DIGITS, digits);
  out[0] = PLAYER;
  for (let i = length - 1, v = seq; i >= 1; i--, v = Math.floor(v / 10)) out[i] = 48 + (v % 10);
  return length;
}

function append(out: Uint8Array, at: number, value: Uint8Array): number {
  for (let i = 0; i < value.length; i++) out[at + i] = value[i];
  return at + value.length;
}
