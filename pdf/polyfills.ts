/**
 * The built-ins pdf.js 5 calls unchecked (Map/WeakMap getOrInsert[Computed], Math.sumPrecise,
 * Uint8Array.fromBase64), which Firefox 140 ESR, supported here, may lack; imported first by the
 * viewer and its worker. Cost: a handful of property checks at start-up.
 * Must never: replace a native implementation, or use eval.
 */
type Upsert<K, V> = {
  has(k: K): boolean;
  get(k: K): V | undefined;
  set(k: K, v: V): unknown;
};

function define(target: object, name: string, value: unknown): void {
  if (name in target) return;
  Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

export function installPolyfills(g: typeof globalThis): void {
  for (const Ctor of [g.Map, g.WeakMap]) {
    if (!Ctor) continue;
    define(Ctor.prototype, 'getOrInsertComputed', function <K, V>(this: Upsert<K, V>, key: K, compute: (k: K) => V): V {
      if (this.has(key)) return this.get(key) as V;
      const value = compute(key);
      this.set(key, value);
      return value;
    });
    define(Ctor.prototype, 'getOrInsert', function <K, V>(this: Upsert<K, V>, key: K, value: V): V {
      if (!this.has(key)) this.set(key, value);
      return this.get(key) as V;
    });
  }
  // Neumaier's compensated sum: exact for the integer sizes pdf.js adds, close otherwise.
  define(g.Math, 'sumPrecise', (items: Iterable<number>): number => {
    let sum = 0;
    let c = 0;
    let any = false;
    for (const x of items) {
      if (typeof x !== 'number') throw new TypeError('Math.sumPrecise: not a number');
      any = true;
      const t = sum + x;
      c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
      sum = t;
    }
    return any ? sum + c : -0;
  });
  if (g.Uint8Array && typeof g.atob === 'function') {
    define(g.Uint8Array, 'fromBase64', (text: string): Uint8Array => {
      const bin = g.atob(String(text).replace(/[\s]/g, '').replace(/-/g, '+').replace(/_/g, '/'));
      const out = new g.Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
      return out;
    });
  }
}
