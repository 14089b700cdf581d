import { describe, expect, it } from 'vitest';
import { installPolyfills } from '../../pdf/polyfills';

/** A global without the new built-ins (the unit under test must not touch the real ones). */
function bareGlobal() {
  class BareMap<K, V> {
    private m = new Map<K, V>();
    has(k: K) {
      return this.m.has(k);
    }
    get(k: K) {
      return this.m.get(k);
    }
    set(k: K, v: V) {
      this.m.set(k, v);
      return this;
    }
  }
  class BareUint8Array extends Uint8Array {}
  return { Map: BareMap, WeakMap: BareMap, Math: {}, Uint8Array: BareUint8Array, atob } as unknown as typeof globalThis;
}

describe('pdf.js polyfills', () => {
  it('adds getOrInsertComputed / getOrInsert that compute once', () => {
    const g = bareGlobal();
    installPolyfills(g);
    const m = new g.Map<string, number[]>() as unknown as {
      getOrInsertComputed(k: string, f: (k: string) => number[]): number[];
      getOrInsert(k: string, v: number): number;
    };
    let calls = 0;
    const a = m.getOrInsertComputed('k', () => (calls++, [1]));
    expect(m.getOrInsertComputed('k', () => (calls++, [2]))).toBe(a);
    expect(calls).toBe(1);
    expect(m.getOrInsert('n', 5)).toBe(5);
    expect(m.getOrInsert('n', 6)).toBe(5);
  });

  it('adds Math.sumPrecise (exact on what pdf.js sums, compensated otherwise) and Uint8Array.fromBase64', () => {
    const g = bareGlobal();
    installPolyfills(g);
    const sum = (g.Math as unknown as { sumPrecise(x: Iterable<number>): number }).sumPrecise;
    expect(sum([4, 8, 12])).toBe(24);
    expect(sum([1e20, 0.1, -1e20])).toBeCloseTo(0.1, 10);
    expect(Object.is(sum([]), -0)).toBe(true);
    expect(() => sum(['1' as unknown as number])).toThrow(TypeError);
    const from = (g.Uint8Array as unknown as { fromBase64(s: string): Uint8Array }).fromBase64;
    expect([...from('JVBERi0=')]).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d]);
  });

  it('never replaces a native implementation', () => {
    const g = bareGlobal();
    const native = () => 42;
    (g.Math as unknown as { sumPrecise: unknown }).sumPrecise = native;
    installPolyfills(g);
    expect((g.Math as unknown as { sumPrecise: unknown }).sumPrecise).toBe(native);
  });
});
