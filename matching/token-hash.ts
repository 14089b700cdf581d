/**
 * Token hash and filters: FNV-1a over folded characters, and 2^16-bit filters (one-word forms; a
 * phrase's first two tokens) so the matcher skips almost every word without touching the trie.
 * Cost: a multiply and a xor per character; the filters are 8 kB each. Must never: hash a token
 * differently at build and at run time (a missed bit is a missed term); both call these functions.
 */
import { foldCode } from './char-rules';

export const FNV_OFFSET = 0x811c9dc5;
export const FILTER_BITS = 16;

export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = hashStep(h, foldCode(s.charCodeAt(i)));
  return h;
}

export const filterIndex = (h: number) => h >>> (32 - FILTER_BITS);

/** Filter index of two consecutive tokens, from their hashes (order matters). */
export const pairIndex = (first: number, second: number) => filterIndex(Math.imul(first ^ 0x5bd1e995, 0x01000193) ^ second);

export function buildFilter(indices: Iterable<number>): Uint8Array {
  const bits = new Uint8Array(1 << (FILTER_BITS - 3));
  for (const i of indices) bits[i >> 3]! |= 1 << (i & 7);
  return bits;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array {
  // Native decoding where the engine has it (Chrome 140+, Firefox 133+): no loop in cold JS.
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(b64);
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
