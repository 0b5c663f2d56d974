/**
 * session_id of the slot table (SPEC 4.3): `SES-` + the keyed hash of `<player id>|<machine id>|<gaming day>`.
 * The hash is computed once per session and chunk; later rows of the same session copy the 20 bytes
 * already written (rows drawn from the calendar are keyed by their session index, the few planned
 * jackpot rows are hashed directly).
 */
import type { ColumnData } from '../columns';
import { gamingDay } from '../time/intensity';
import { formatDay } from '../time/format';
import { playerId } from '../world/ids';
import type { World } from '../world';
import type { SlotPayload } from './slot-payload';

const WIDTH = 20;
const PREFIX = 'SES-';

/** Per world: for each calendar session, 1 + the byte offset of its id in the chunk being built (0 = not yet). */
const writtenAt = new WeakMap<World, Int32Array>();

export function sessionColumn(world: World, instants: Float64Array, p: SlotPayload): ColumnData {
  const n = instants.length;
  let written = writtenAt.get(world);
  if (!written) writtenAt.set(world, (written = new Int32Array(world.calendar.sessionMachines.length)));
  const offsets = new Int32Array(n + 1);
  let valid: Uint8Array | null = null;
  let carded = 0;
  for (let r = 0; r < n; r++) {
    if (p.player[r] < 0) {
      valid ??= new Uint8Array(n).fill(1);
      valid[r] = 0;
    } else carded++;
    offsets[r + 1] = carded * WIDTH;
  }
  const bytes = new Uint8Array(carded * WIDTH);
  let lastDay = NaN;
  let dayText = '';
  for (let r = 0; r < n; r++) {
    if (p.player[r] < 0) continue;
    const at = offsets[r];
    const s = p.session[r];
    if (s >= 0 && written[s] > 0) {
      const from = written[s] - 1;
      for (let i = 0; i < WIDTH; i++) bytes[at + i] = bytes[from + i];
      continue;
    }
    const day = gamingDay(instants[r]);
    if (day !== lastDay) [lastDay, dayText] = [day, formatDay(day)];
    writeAscii(bytes, at, PREFIX + world.idHash(`${playerId(p.player[r] + 1)}|${world.floor.machines[p.machine[r]].id}|${dayText}`));
    if (s >= 0) written[s] = at + 1;
  }
  for (let r = 0; r < n; r++) if (p.session[r] >= 0) written[p.session[r]] = 0;
  return { type: 'string', offsets, bytes, valid };
}

function writeAscii(out: Uint8Array, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
}
