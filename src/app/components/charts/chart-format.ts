/** Axis and tooltip formats for the charts (display only, never in generated data). */

/** `$1.2M`, `$45k`, `$900`, `$0.25`. */
export function compactDollars(x: number): string {
  const abs = Math.abs(x);
  if (abs >= 1e9) return `$${trim(x / 1e9)}B`;
  if (abs >= 1e6) return `$${trim(x / 1e6)}M`;
  if (abs >= 1e3) return `$${trim(x / 1e3)}k`;
  return abs > 0 && abs < 1 ? `$${x.toFixed(2)}` : `$${trim(x)}`;
}

const trim = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1).replace(/\.0$/, ''));

/** `$1,234,567.89`. */
export const dollars = (x: number): string => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A fraction as a percentage: `8.25%` (no space: a chart label must not wrap). */
export const percent = (fraction: number, digits = 2): string => `${(fraction * 100).toFixed(digits)}%`;

export const whole = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Colour-blind-safe series colours (Okabe–Ito), darkened where needed for contrast on white. */
export const COLORS = {
  blue: '#0f5fa8',
  orange: '#d55e00',
  green: '#00805f',
  purple: '#8e4585',
  yellow: '#b38600',
  sky: '#3d9fd6',
  grey: '#7b8794',
} as const;

/** Round axis ticks from 0 past `max`: 3–6 steps of 1, 2, 2.5 or 5 × 10ⁿ (e.g. 20,800 → 0, 5k … 25k). */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}
