/**
 * Keyed hashes (SPEC 1.1 "Keyed hash") and PII tokens (SPEC 11.2), both HMAC-SHA-256 under a derived key.
 * The key's pad blocks are compressed once (KeyedSha256) and the text is encoded into a reused buffer: these
 * run hundreds of thousands of times per table.
 *
 * @example createKeyedHasher(42)('P0000001') // 16 lowercase hex characters
 */
import { KeyedSha256 } from './sha256';

const IDS_KEY = 'casino-data-studio/ids/v1';
const PII_KEY = 'casino-data-studio/pii/v1';

/** The two lowercase hex digits of every byte value. */
const HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/** The UTF-8 bytes of the 16 lowercase hex digits. */
const HEX_CODES = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** HMAC-SHA-256 under one fixed key, reusing its pad-absorbed state and buffers. */
class PreparedHmac {
  private readonly mac: KeyedSha256;
  private text = new Uint8Array(256);
  readonly tag = new Uint8Array(32);

  constructor(key: Uint8Array) {
    this.mac = new KeyedSha256(key);
  }

  /** MAC of the UTF-8 bytes of `value`, written into (and returned as) the shared `tag` buffer. */
  digest(value: string): Uint8Array {
    if (value.length * 3 > this.text.length) this.text = new Uint8Array(value.length * 3);
    this.mac.macInto(this.text, encodeUtf8(value, this.text), this.tag);
    return this.tag;
  }
}

/** Writes the UTF-8 encoding of s into out (at least 3 bytes per UTF-16 unit) and returns its length. */
function encodeUtf8(s: string, out: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
    } else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c < 0xe000) {
        const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          out[n++] = 0xf0 | (c >> 18);
          out[n++] = 0x80 | ((c >> 12) & 63);
          out[n++] = 0x80 | ((c >> 6) & 63);
          out[n++] = 0x80 | (c & 63);
          continue;
        }
        c = 0xfffd; // a lone surrogate becomes U+FFFD, as TextEncoder does
      }
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return n;
}

/** Lowercase hex of bytes[0, count). */
function toHex(bytes: Uint8Array, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += HEX[bytes[i]];
  return s;
}

/** HMAC-SHA-256(key = UTF-8 `label`, message = UTF-8 `material`). */
function deriveKey(label: string, material: string): Uint8Array {
  const labelBytes = new Uint8Array(label.length * 3);
  const key = labelBytes.subarray(0, encodeUtf8(label, labelBytes));
  return new PreparedHmac(key).digest(material).slice();
}

/** K_ids = HMAC-SHA-256(key = `casino-data-studio/ids/v1`, message = the seed in decimal). */
function idsKey(seed: number): Uint8Array {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`keyed hash seed must be an integer (got ${seed})`);
  return deriveKey(IDS_KEY, String(seed));
}

/**
 * The keyed hash of SPEC 1.1: 16 lowercase hex characters of the first 8 bytes of HMAC-SHA-256(K_ids, value).
 */
export function createKeyedHasher(seed: number): (value: string) => string {
  const mac = new PreparedHmac(idsKey(seed));
  return (value) => toHex(mac.digest(value), 8);
}

/** Writes the keyed hash of the UTF-8 bytes message[0, length) as its 16 hex bytes at out[at]. */
export type KeyedHexWriter = (message: Uint8Array, length: number, out: Uint8Array, at: number) => void;

/** createKeyedHasher's hash straight from and to bytes, for ids built per row without strings. */
export function createKeyedHexWriter(seed: number): KeyedHexWriter {
  const mac = new KeyedSha256(idsKey(seed));
  const tag = new Uint8Array(32);
  return (message, length, out, at) => {
    mac.macInto(message, length, tag);
    for (let i = 0; i < 8; i++) {
      out[at + 2 * i] = HEX_CODES[tag[i] >>> 4];
      out[at + 2 * i + 1] = HEX_CODES[tag[i] & 15];
    }
  };
}

/**
 * PII tokens of SPEC 11.2: token(kind, value) = 64 lowercase hex characters of HMAC-SHA-256(K, `<kind>:<value>`),
 * K = HMAC-SHA-256(key = `casino-data-studio/pii/v1`, message = keyMaterial), keyMaterial being the seed as
 * decimal text or the user's secret.
 */
export function createTokenizer(keyMaterial: string): (kind: string, value: string) => string {
  const mac = new PreparedHmac(deriveKey(PII_KEY, keyMaterial));
  return (kind, value) => toHex(mac.digest(`${kind}:${value}`), 32);
}
