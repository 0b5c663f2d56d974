/**
 * A set of non-negative integers below 2^53 (the integrity checks' 52-bit id hashes) in one Float64Array with
 * open addressing: 8 bytes per slot at most 3/4 full, where a `Set<number>` of such values (heap numbers)
 * took about 40 bytes per entry — 200 MB for the production preset's 5 million slot event ids.
 */
const EMPTY = -1;
const MAX_LOAD = 0.75;

export class HashSet53 {
  private slots = new Float64Array(1 << 10).fill(EMPTY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `value`; false when it was already there. */
  add(value: number): boolean {
    if (!(value >= 0 && value <= Number.MAX_SAFE_INTEGER && Number.isInteger(value))) throw new RangeError(`HashSet53 holds integers in [0, 2^53): got ${value}`);
    if ((this.count + 1) > this.slots.length * MAX_LOAD) this.grow();
    const at = this.find(this.slots, value);
    if (this.slots[at] === value) return false;
    this.slots[at] = value;
    this.count++;
    return true;
  }

  /** The values, in slot order (a set's order is not meaningful). */
  values(): Float64Array {
    const out = new Float64Array(this.count);
    let n = 0;
    for (const value of this.slots) if (value !== EMPTY) out[n++] = value;
    return out;
  }

  has(value: number): boolean {
    return this.slots[this.find(this.slots, value)] === value;
  }

  /** The slot holding `value`, or the empty slot where it would go (linear probing). */
  private find(slots: Float64Array, value: number): number {
    const mask = slots.length - 1;
    // Mix the low 32 bits with the high ones: ids differ anywhere in their 53 bits.
    let at = Math.imul((value % 0x100000000) ^ Math.floor(value / 0x100000000), 0x9e3779b1) & mask;
    while (slots[at] !== EMPTY && slots[at] !== value) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Float64Array(old.length * 2).fill(EMPTY);
    for (const value of old) if (value !== EMPTY) slots[this.find(slots, value)] = value;
    this.slots = slots;
  }
}
