/**
 * Packed trie: the matcher's token trie as flat typed arrays, built once at build time and read
 * in place on the page.
 *
 * What it does: `packTrie` numbers the nodes of the build-time trie and writes, into one byte
 * buffer, the first-token filter, each node's terminal value and verification hash, and an
 * open-addressing table of edges keyed by (parent node, token hash). `readPackedTrie` wraps the
 * same bytes as typed-array views, so a page pays one native base64 decode and no parsing; a trie
 * step is a multiply, a shift and one or two array reads, with no string built.
 * A 32-bit token hash can collide, so every terminal also stores a second, independent hash of
 * its whole form; the matcher recomputes it over the page text before it reports a match.
 * Cost: ~190 kB of tables for the glossary's ~7,100 nodes; reading them allocates only views.
 * Must never: hash differently from token-hash.ts (the build and the page share these functions),
 * or report an edge for a slot it did not write.
 */
import { FILTER_BITS, buildFilter, foldCode, hashString } from './token-hash';
import type { TrieNode } from './compiled';

/** Terminal value of a node that ends no form. */
export const NO_TERMINAL = -2;

const MAGIC = 0x61677431; // "agt1"
const HEADER_INTS = 4;
const FILTER_INTS = (1 << FILTER_BITS) >> 5;

export interface PackedTrie {
  /** First-token filter: one bit per filterIndex(token hash) of a root key. */
  filter: Uint8Array;
  /** Per node: entry index * 2 + gated, KEYWORD, or NO_TERMINAL. */
  terminal: Int16Array;
  /** Per node: checkHash of the form the node ends (0 where it ends none). */
  check: Int32Array;
  /** Edge table: token hash per slot. */
  keys: Int32Array;
  /** Edge table: parent << 16 | child per slot; 0 = empty (the root is nobody's child). */
  links: Int32Array;
  /** 32 - log2(number of slots). */
  shift: number;
  mask: number;
}

/** Second hash of a whole form (tokens joined by one space), folded like token hashes. */
export const CHECK_SEED = 0x3c6ef372;
export function checkStep(v: number, c: number): number {
  v = Math.imul(v ^ c, 0x5bd1e995);
  return v ^ (v >>> 15);
}

function checkOf(tokens: readonly string[]): number {
  let v = CHECK_SEED;
  tokens.forEach((t, i) => {
    if (i > 0) v = checkStep(v, 32);
    for (let k = 0; k < t.length; k++) v = checkStep(v, foldCode(t.charCodeAt(k)));
  });
  return v;
}

export function slotOf(parent: number, hash: number, shift: number): number {
  return Math.imul(hash ^ Math.imul(parent + 1, 0x9e3779b1), 0x85ebca6b) >>> shift;
}

/**
 * Build time: the trie (keys are folded tokens, "" holds a terminal) to bytes. The filter gets a
 * bit for every root key and for each of `alsoStart` (acronyms, which live outside the trie).
 */
export function packTrie(trie: TrieNode, alsoStart: readonly string[] = []): Uint8Array {
  const terminals: number[] = [];
  const checks: number[] = [];
  const edges: [parent: number, hash: number, child: number][] = [];
  const visit = (node: TrieNode, path: string[]): number => {
    const id = terminals.length;
    const t = node[''];
    terminals.push(typeof t === 'number' ? t : NO_TERMINAL);
    checks.push(typeof t === 'number' ? checkOf(path) : 0);
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (key === '' || typeof child !== 'object') continue;
      edges.push([id, hashString(key), visit(child, [...path, key])]);
    }
    return id;
  };
  visit(trie, []);
  if (terminals.length > 0xffff) throw new Error(`packTrie: ${terminals.length} nodes do not fit 16-bit links`);

  // Keep the edge table under half full: probes stay short.
  let bits = 4;
  while (1 << bits < edges.length * 2) bits++;
  const slots = 1 << bits;
  const shift = 32 - bits;
  const keys = new Int32Array(slots);
  const links = new Int32Array(slots);
  for (const [parent, hash, child] of edges) {
    let s = slotOf(parent, hash, shift);
    while (links[s] !== 0) {
      if (keys[s] === hash && links[s]! >>> 16 === parent) throw new Error('packTrie: two edges with one token hash under one node');
      s = (s + 1) & (slots - 1);
    }
    keys[s] = hash;
    links[s] = (parent << 16) | child;
  }

  const n = terminals.length;
  const terminalInts = (n + 1) >> 1; // Int16 per node, padded to whole ints
  const out = new Int32Array(HEADER_INTS + FILTER_INTS + terminalInts + n + 2 * slots);
  out.set([MAGIC, n, bits, 0]);
  let at = HEADER_INTS;
  const rootKeys = Object.keys(trie).filter((k) => k !== '');
  new Uint8Array(out.buffer, at * 4, FILTER_INTS * 4).set(buildFilter([...rootKeys, ...alsoStart]));
  at += FILTER_INTS;
  new Int16Array(out.buffer, at * 4, n).set(terminals);
  at += terminalInts;
  out.set(checks, at);
  at += n;
  out.set(keys, at);
  out.set(links, at + slots);
  return new Uint8Array(out.buffer);
}

/** Page side: views over the packed bytes (no copy beyond the decode that produced them). */
export function readPackedTrie(bytes: Uint8Array): PackedTrie {
  // Typed-array views need 4-byte alignment; a fresh decode always is, a slice may not be.
  const buf = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const ints = new Int32Array(buf.buffer, buf.byteOffset, buf.byteLength >> 2);
  if (ints[0] !== MAGIC) throw new Error('packed trie: bad header');
  const n = ints[1]!;
  const bits = ints[2]!;
  const slots = 1 << bits;
  let at = HEADER_INTS;
  const filter = new Uint8Array(buf.buffer, buf.byteOffset + at * 4, FILTER_INTS * 4);
  at += FILTER_INTS;
  const terminal = new Int16Array(buf.buffer, buf.byteOffset + at * 4, n);
  at += (n + 1) >> 1;
  const check = ints.subarray(at, at + n);
  at += n;
  const keys = ints.subarray(at, at + slots);
  const links = ints.subarray(at + slots, at + 2 * slots);
  return { filter, terminal, check, keys, links, shift: 32 - bits, mask: slots - 1 };
}

/** The child of `parent` along a token with this hash, or 0 when there is none. */
export function childOf(t: PackedTrie, parent: number, hash: number): number {
  const { keys, links, mask } = t;
  for (let s = slotOf(parent, hash, t.shift); ; s = (s + 1) & mask) {
    const link = links[s]!;
    if (link === 0) return 0;
    if (keys[s] === hash && link >>> 16 === parent) return link & 0xffff;
  }
}
