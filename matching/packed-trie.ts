/**
 * Packed trie: the token trie as one buffer of 16-bit arrays (filters, terminals, form hashes,
 * edges sorted by hash) read in place as views; a step is a binary search; a second whole-form hash
 * guards against 32-bit collisions. Cost: small, since two bundles embed it (bench/README.md).
 * Must never: hash unlike token-hash.ts, or return a child for an edge it does not hold.
 */
import { FILTER_BITS, buildFilter, filterIndex, hashString, pairIndex } from './token-hash';
import { foldCode } from './char-rules';
import type { TrieNode } from './compiled';

/** Terminal value of a node that ends no form. */
export const NO_TERMINAL = -2;

const MAGIC = 0x6174; // "at"
const VERSION = 3;
const HEADER_UNITS = 4;
const FILTER_UNITS = (1 << FILTER_BITS) >> 4;

export interface PackedTrie {
  /**
   * Word filter: one bit per filterIndex(token hash) of a root key that is a form on its own
   * (or an acronym). A word whose bit is clear cannot be a one-word form.
   */
  filter: Uint8Array;
  /**
   * Pair filter: one bit per pairIndex(first, second) of the first two tokens of every longer
   * form. A phrase can start at a word only if it and the next word have their bit set.
   */
  pairs: Uint8Array;
  /** Per node: entry index * 2 + gated, KEYWORD, or NO_TERMINAL. */
  terminal: Int16Array;
  /** Per node: low 16 bits of checkHash of the form the node ends (0 where it ends none). */
  check: Uint16Array;
  /** Per node, and one past the last: index of its first edge (edges of node i end at i + 1's). */
  firstEdge: Uint16Array;
  /** Per edge: high and low 16 bits of the token hash, and the child node. */
  hashHi: Uint16Array;
  hashLo: Uint16Array;
  child: Uint16Array;
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
  return v & 0xffff;
}

/**
 * Build time: the trie (keys are folded tokens, "" holds a terminal) to bytes. The filter gets a
 * bit for every root key and for each of `alsoStart` (acronyms, which live outside the trie).
 */
export function packTrie(trie: TrieNode, alsoStart: readonly string[] = []): Uint8Array {
  // Breadth-first numbering puts each node's children in one run of edges.
  const nodes: { node: TrieNode; path: string[] }[] = [{ node: trie, path: [] }];
  const edges: { parent: number; hash: number; child: number }[] = [];
  for (let id = 0; id < nodes.length; id++) {
    const { node, path } = nodes[id]!;
    const kids: { hash: number; child: number }[] = [];
    for (const key of Object.keys(node)) {
      const next = node[key];
      if (key === '' || typeof next !== 'object') continue;
      kids.push({ hash: hashString(key) >>> 0, child: nodes.length });
      nodes.push({ node: next, path: [...path, key] });
    }
    kids.sort((a, b) => a.hash - b.hash);
    for (let i = 1; i < kids.length; i++) {
      if (kids[i]!.hash === kids[i - 1]!.hash) throw new Error(`packTrie: two tokens with one hash after "${path.join(' ')}"`);
    }
    for (const k of kids) edges.push({ parent: id, ...k });
  }
  const n = nodes.length;
  if (n > 0xffff || edges.length > 0xffff) throw new Error(`packTrie: ${n} nodes do not fit 16-bit indices`);

  const units = new Uint16Array(HEADER_UNITS + 2 * FILTER_UNITS + 4 * n + 1 + 3 * edges.length);
  units.set([MAGIC, VERSION, n, edges.length]);
  let at = HEADER_UNITS;
  const words: number[] = alsoStart.map((k) => filterIndex(hashString(k)));
  const pairs: number[] = [];
  for (const [key, next] of Object.entries(trie)) {
    if (key === '' || typeof next !== 'object') continue;
    const h = hashString(key);
    if (typeof next[''] === 'number') words.push(filterIndex(h));
    // The scan pairs words as it reads them, without the comma a key may begin with (compile.ts).
    for (const second of Object.keys(next)) if (second !== '') pairs.push(pairIndex(h, hashString(second.replace(/^,/, ''))));
  }
  new Uint8Array(units.buffer, at * 2, FILTER_UNITS * 2).set(buildFilter(words));
  at += FILTER_UNITS;
  new Uint8Array(units.buffer, at * 2, FILTER_UNITS * 2).set(buildFilter(pairs));
  at += FILTER_UNITS;
  nodes.forEach(({ node, path }, i) => {
    const t = node[''];
    units[at + i] = (typeof t === 'number' ? t : NO_TERMINAL) & 0xffff;
    units[at + n + i] = typeof t === 'number' ? checkOf(path) : 0;
  });
  at += 2 * n;
  // firstEdge: n + 1 entries.
  let e = 0;
  for (let i = 0; i <= n; i++) {
    while (e < edges.length && edges[e]!.parent < i) e++;
    units[at + i] = e;
  }
  at += n + 1;
  edges.forEach((edge, i) => {
    units[at + i] = edge.hash >>> 16;
    units[at + edges.length + i] = edge.hash & 0xffff;
    units[at + 2 * edges.length + i] = edge.child;
  });
  return new Uint8Array(units.buffer);
}

/** Page side: views over the packed bytes (no copy beyond the decode that produced them). */
export function readPackedTrie(bytes: Uint8Array): PackedTrie {
  // Typed-array views need 2-byte alignment; a fresh decode always is, a slice may not be.
  const buf = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice();
  const u = new Uint16Array(buf.buffer, buf.byteOffset, buf.byteLength >> 1);
  if (u[0] !== MAGIC || u[1] !== VERSION) throw new Error('packed trie: unknown format');
  const n = u[2]!;
  const edges = u[3]!;
  let at = HEADER_UNITS;
  const filter = new Uint8Array(buf.buffer, buf.byteOffset + at * 2, FILTER_UNITS * 2);
  at += FILTER_UNITS;
  const pairs = new Uint8Array(buf.buffer, buf.byteOffset + at * 2, FILTER_UNITS * 2);
  at += FILTER_UNITS;
  const terminal = new Int16Array(buf.buffer, buf.byteOffset + at * 2, n);
  const check = u.subarray(at + n, at + 2 * n);
  at += 2 * n;
  const firstEdge = u.subarray(at, at + n + 1);
  at += n + 1;
  return {
    filter,
    pairs,
    terminal,
    check,
    firstEdge,
    hashHi: u.subarray(at, at + edges),
    hashLo: u.subarray(at + edges, at + 2 * edges),
    child: u.subarray(at + 2 * edges, at + 3 * edges),
  };
}

/** The child of `parent` along a token with this hash, or 0 when there is none. */
export function childOf(t: PackedTrie, parent: number, hash: number): number {
  const hi = hash >>> 16;
  const lo = hash & 0xffff;
  let a = t.firstEdge[parent]!;
  let b = t.firstEdge[parent + 1]!;
  // Binary search on (hi, lo) over [a, b).
  while (a < b) {
    const m = (a + b) >>> 1;
    const mh = t.hashHi[m]!;
    if (mh < hi || (mh === hi && t.hashLo[m]! < lo)) a = m + 1;
    else b = m;
  }
  return a < t.firstEdge[parent + 1]! && t.hashHi[a] === hi && t.hashLo[a] === lo ? t.child[a]! : 0;
}
