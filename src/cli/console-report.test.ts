import { describe, expect, it } from 'vitest';
import { megabytes } from './console-report';

describe('SPEC 14 sizes: bytes / 1,000,000 as %.2f', () => {
  it('rounds like C and Python, exact halves to even', () => {
    expect(megabytes(0)).toBe('0.00');
    expect(megabytes(125_000)).toBe('0.12');
    expect(megabytes(135_000)).toBe('0.14');
    expect(megabytes(125_001)).toBe('0.13');
    expect(megabytes(30_575_123)).toBe('30.58');
    expect(megabytes(1_234_567_890)).toBe('1234.57');
  });
});
