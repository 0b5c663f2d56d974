/**
 * Arbitraries of bad raw values (issue 7): what a user, a script or a tampered link can put where a count, a seed,
 * a date or a choice belongs. Shared by the validator, CLI and share-link robustness tests.
 */
import fc from 'fast-check';

/** Text that is not a whole number in Python's `int` sense (optional sign, digits, blanks around). */
const notWholeText = (s: string) => !/^\s*[+-]?\d+\s*$/.test(s);

/** A long run of one character (10,000-100,000), cheap to generate; sometimes digits (a huge number as text). */
export const overlongText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('9', 'x', 'é', '😀', ' a', '-', '%'), fc.integer({ min: 10_000, max: 100_000 }))
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)));

/** Text a user might type that is not a number: words, decimals, exponents, hex, other scripts, garbage. */
export const nonNumericText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'ten', '1e3', '0x10', '1_000', '1,000', '12abc', '½', '١٢', 'NaN', 'Infinity', '--5', '+-1', '1 2', 'null', 'undefined', '\u0000', 'true'),
  fc.string({ maxLength: 20 }).filter(notWholeText),
  fc.string({ unit: 'grapheme', maxLength: 12 }).filter(notWholeText),
);

/**
 * A value that is not a whole number in [min, max]: negative (below min), fractional, NaN, ±Infinity, above max
 * (as a number or as digits), non-numeric text, or overlong text. Numbers and text both, as the UI and CLI hold them.
 */
export function badWholeNumber(min: number, max: number): fc.Arbitrary<string | number> {
  const below = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: min - 1 });
  const above = max < Number.MAX_SAFE_INTEGER ? fc.integer({ min: max + 1, max: Number.MAX_SAFE_INTEGER }) : fc.constant(2 ** 54);
  const fraction = fc.double({ min: -1e12, max: 1e12, noNaN: true }).filter((x) => !Number.isInteger(x));
  return fc.oneof(
    below,
    below.map(String),
    above,
    above.map(String),
    fraction,
    fraction.map(String),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e21, 1e300, -0.5, 2 ** 53, 'NaN', '-Infinity'),
    fc.bigInt({ min: 10n ** 16n, max: 10n ** 40n }).map(String),
    nonNumericText,
    overlongText,
  );
}

/** Text that is none of `choices` (case and blank variants of them included: choices match exactly). */
export function unknownChoice(choices: readonly string[]): fc.Arbitrary<string> {
  const variants = choices.flatMap((c) => [c.toUpperCase(), ` ${c}`, `${c} `, `${c}x`, c.slice(0, -1)]);
  return fc
    .oneof(fc.constantFrom(...variants, '', ' ', 'null', 'undefined', '\t'), fc.string({ maxLength: 16 }), overlongText)
    .filter((s) => !choices.includes(s));
}

/** Text that is not a date or instant SPEC 14 accepts (or lies outside 1970-01-01..2100-01-01). */
export const badDateText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    'today',
    '2026-13-01',
    '2026-02-30',
    '2025-02-29',
    '2026/01/01',
    '26-01-01',
    '2026-1-1',
    '2026-01-01T25:00Z',
    '2026-01-01T10:60Z',
    '2026-01-01T10:00',
    '2026-01-01T10:00:00.1234567Z',
    '2026-01-01T10:00+24:00',
    '2026-01-01 10:00Z',
    '1969-12-31',
    '1969-12-31T23:59:59.999999Z',
    '2100-01-01T00:00:00.000001Z',
    '2100-01-02',
    '0000-00-00',
    '+2026-01-01',
    '２０２６-01-01',
  ),
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('1969-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.date({ min: new Date('2100-01-02T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string({ maxLength: 24 }).filter((s) => !/^\s*\d{4}-\d{2}-\d{2}/.test(s)),
  overlongText,
);
