// A deep copy made over several tasks (issue #15, the Dispatch of a large plan).
import { describe, expect, it } from 'vitest';
import { copyInSlices } from '../../../web/src/store/sliced-copy';

describe('copyInSlices', () => {
  const value = () => ({
    name: 'Day',
    settings: { units: ['kg'], nested: { a: [1, 2] } },
    orders: Array.from({ length: 1234 }, (_, i) => ({ id: `o${i}`, windows: [{ start: i, end: i + 60 }], extra: { note: `n${i}` } })),
    none: undefined,
  });

  it('gives a deep copy equal to the value and sharing nothing with it', async () => {
    const source = value();
    const copy = await copyInSlices(source, { pause: async () => {} });
    expect(copy).toEqual(source);
    expect(copy.orders).not.toBe(source.orders);
    expect(copy.orders[700]).not.toBe(source.orders[700]);
    expect(copy.orders[700].windows).not.toBe(source.orders[700].windows);
    expect(copy.settings.nested).not.toBe(source.settings.nested);
    expect(Object.keys(copy)).toEqual(Object.keys(source));
  });

  it('pauses when a slice\'s time is up, a long array a run of items at a time', async () => {
    let t = 0;
    const seen: number[] = [];
    const source = value();
    const partial: { length: number }[] = [];
    await copyInSlices(source, { pause: async () => { seen.push(t); partial.push({ length: seen.length }); }, sliceMs: 5, run: 500, now: () => (t += 10) });
    // At 10 ms per look and slices of 5 ms: a pause after each field but the last, and after each run of 500 orders.
    expect(seen.length).toBe(1 + 1 + 3);
    // Slices of the same copy with nothing to pause for: none.
    let pauses = 0;
    await copyInSlices(value(), { pause: async () => { pauses += 1; }, sliceMs: 1e9 });
    expect(pauses).toBe(0);
  });
});
