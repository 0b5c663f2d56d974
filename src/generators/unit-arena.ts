/**
 * Where a work unit's typed arrays come from. Outside an arena each array is allocated on its own and belongs to
 * whoever receives it (the CLI's single worker transfers a unit's columns to the writer). A worker that encodes its
 * own units generates each one inside `inUnitArena`: the unit's columns and scratch arrays are then carved out of
 * buffers that the next unit reuses. A thread so holds about one unit's arrays, instead of several units' dead ones
 * waiting for the collector (about 200 MB per worker at the production preset), and the collector has less to do.
 *
 * Only arrays that die with their unit may come from here: values kept per world are derived outside any arena
 * (`perWorld`). The values written are the same either way; only where the bytes live differs.
 */

/** Bytes of a new buffer (a larger request gets one of its own size); buffers are merged between units. */
const SLAB_BYTES = 8 << 20;
const MIB = 1 << 20;

export class UnitArena {
  private slabs: ArrayBuffer[] = [];
  private slab = 0;
  private used = 0;
  /** Bytes taken since the last reset. */
  private taken = 0;

  /** `bytes` zeroed bytes, 8-byte aligned, valid until `reset`. */
  take(bytes: number): { buffer: ArrayBuffer; offset: number } {
    const size = (bytes + 7) & ~7;
    while (this.slab < this.slabs.length && this.slabs[this.slab].byteLength - this.used < size) {
      this.slab++;
      this.used = 0;
    }
    if (this.slab === this.slabs.length) this.slabs.push(new ArrayBuffer(Math.max(SLAB_BYTES, size)));
    const buffer = this.slabs[this.slab];
    const offset = this.used;
    this.used += size;
    this.taken += size;
    new Uint8Array(buffer, offset, size).fill(0);
    return { buffer, offset };
  }

  /**
   * Every array taken so far is free again: call once nothing reads them any more. A unit that needed several
   * buffers leaves one buffer of its whole size, so the next unit's arrays fit without gaps between buffers; one
   * that needed under half the buffer leaves a buffer of its own size.
   */
  reset(): void {
    // Sized to this unit: a table's units are alike, so a large one (players) does not keep its size for the rest.
    const fits = Math.ceil(this.taken / MIB) * MIB;
    if (this.slabs.length > 1 || (fits > 0 && fits < this.capacity / 2)) this.slabs = [new ArrayBuffer(Math.max(fits, SLAB_BYTES))];
    this.slab = 0;
    this.used = 0;
    this.taken = 0;
  }

  /** Bytes held (tests). */
  get capacity(): number {
    return this.slabs.reduce((n, s) => n + s.byteLength, 0);
  }
}

let active: UnitArena | null = null;

/** Runs `generate` with its unit arrays taken from `arena`. */
export function inUnitArena<T>(arena: UnitArena, generate: () => T): T {
  return withArena(arena, generate);
}

/** Runs `derive` with its arrays allocated on their own (values that outlive the unit). */
export function outsideUnitArena<T>(derive: () => T): T {
  return active === null ? derive() : withArena(null, derive);
}

function withArena<T>(arena: UnitArena | null, run: () => T): T {
  const previous = active;
  active = arena;
  try {
    return run();
  } finally {
    active = previous;
  }
}

/* One function per element type keeps each call site monomorphic. */

export function unitFloat64(length: number): Float64Array {
  if (active === null) return new Float64Array(length);
  const { buffer, offset } = active.take(length * 8);
  return new Float64Array(buffer, offset, length);
}

export function unitInt32(length: number): Int32Array {
  if (active === null) return new Int32Array(length);
  const { buffer, offset } = active.take(length * 4);
  return new Int32Array(buffer, offset, length);
}

export function unitInt16(length: number): Int16Array {
  if (active === null) return new Int16Array(length);
  const { buffer, offset } = active.take(length * 2);
  return new Int16Array(buffer, offset, length);
}

export function unitUint8(length: number): Uint8Array {
  if (active === null) return new Uint8Array(length);
  const { buffer, offset } = active.take(length);
  return new Uint8Array(buffer, offset, length);
}
