import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyedHasher, createKeyedHexWriter, createTokenizer } from './keyed-hash';
import { KeyedSha256 } from './sha256';

function nodeKeyedHash(seed: number, value: string): string {
  const kIds = createHmac('sha256', 'casino-data-studio/ids/v1').update(String(seed)).digest();
  return createHmac('sha256', kIds).update(value, 'utf8').digest('hex').slice(0, 16);
}

function nodeToken(keyMaterial: string, kind: string, value: string): string {
  const k = createHmac('sha256', 'casino-data-studio/pii/v1').update(keyMaterial, 'utf8').digest();
  return createHmac('sha256', k).update(`${kind}:${value}`, 'utf8').digest('hex');
}

const VALUES = [
  '',
  'P0000001',
  'EMP-0042|2024-03-01',
  'x'.repeat(55),
  'y'.repeat(64),
  'z'.repeat(1000),
  'Zoë Ångström',
  'naïve café — 東京 🎰',
  'lone \ud800 surrogate',
  'lone \udc00 low',
];

describe('SPEC 1.1 keyed hash', () => {
  it('is the first 8 bytes of HMAC-SHA-256(K_ids, value) as 16 lowercase hex characters', () => {
    for (const seed of [0, 42, 4_294_967_295]) {
      const hash = createKeyedHasher(seed);
      for (const v of VALUES) expect(hash(v)).toBe(nodeKeyedHash(seed, v));
    }
  });

  it('is stable across many calls (the cloned state is reused safely)', () => {
    const hash = createKeyedHasher(42);
    const first = Array.from({ length: 200 }, (_, i) => hash(`P${i}`));
    for (let i = 0; i < 200; i++) hash('something else');
    expect(Array.from({ length: 200 }, (_, i) => hash(`P${i}`))).toEqual(first);
    expect(first[7]).toBe(nodeKeyedHash(42, 'P7'));
    expect(first.every((h) => /^[0-9a-f]{16}$/.test(h))).toBe(true);
  });

  it('two hashers of different seeds differ', () => {
    expect(createKeyedHasher(1)('P1')).not.toBe(createKeyedHasher(2)('P1'));
  });
});

describe('SPEC 11.2 tokens', () => {
  it('token(kind, value) is lowercase hex HMAC-SHA-256(K, `<kind>:<value>`) under the seed text', () => {
    const token = createTokenizer('42');
    for (const [kind, value] of [
      ['ssn', '123-45-6789'],
      ['name', 'Zoë Ångström'],
      ['email', 'someone@example.com'],
      ['address', '1 Main St, Springfield, IL 62701'],
      ['id', 'passport|X1234567'],
    ]) {
      expect(token(kind, value)).toBe(nodeToken('42', kind, value));
    }
  });

  it('a user secret replaces the seed text as key material', () => {
    const secret = 'correct horse battery staple ✓';
    expect(createTokenizer(secret)('ssn', '123-45-6789')).toBe(nodeToken(secret, 'ssn', '123-45-6789'));
    expect(createTokenizer(secret)('ssn', '123-45-6789')).not.toBe(createTokenizer('42')('ssn', '123-45-6789'));
  });

  it('the same value gives the same token every time', () => {
    const token = createTokenizer('7');
    const a = token('email', 'a@b.c');
    token('email', 'x'.repeat(500));
    expect(token('email', 'a@b.c')).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('KeyedSha256', () => {
  it('gives the bytes of HMAC-SHA-256 for keys and messages around the block boundaries', () => {
    const bytes = (n: number, salt: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + salt * 7 + 11) & 255);
    const tag = new Uint8Array(32);
    for (const keyLength of [0, 1, 32, 63, 64, 65, 100]) {
      const key = bytes(keyLength, 1);
      const mac = new KeyedSha256(key);
      for (const length of [0, 1, 20, 55, 56, 63, 64, 65, 119, 120, 128, 200]) {
        const message = bytes(length, length);
        mac.macInto(message, length, tag);
        expect(tag).toEqual(new Uint8Array(createHmac('sha256', key).update(message).digest()));
      }
    }
  });
});

describe('createKeyedHexWriter', () => {
  it('writes the bytes of createKeyedHasher for the same text', () => {
    const write = createKeyedHexWriter(42);
    const hash = createKeyedHasher(42);
    const out = new Uint8Array(20);
    for (const value of ['P000001|SLOT-0001|2026-10-01', '', 'x'.repeat(100)]) {
      const message = new TextEncoder().encode(value);
      write(message, message.length, out, 4);
      expect(new TextDecoder().decode(out.subarray(4))).toBe(hash(value));
    }
  });
});
