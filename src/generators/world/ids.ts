/** Identifier formatting shared by every table (SPEC 3.3). */

/** Zero-pads a non-negative integer to at least `width` digits (the width grows past it). */
export function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

export const playerId = (seq: number): string => `P${pad(seq, 6)}`;
export const employeeId = (num: number): string => `EMP-${pad(num, 5)}`;
export const machineId = (num: number): string => `SLOT-${pad(num, 4)}`;
