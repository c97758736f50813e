// JSON text in time slices (io/json-slices.ts): the same text as JSON.stringify, made a chunk at a time
// with a pause between slices, never one piece for a large part of the value.
import { describe, expect, it } from 'vitest';
import { knownText } from '../../../web/src/domain/known-text';
import { piecesInSlices, stringifyInSlices, writeJsonInSlices } from '../../../web/src/io/json-slices';

/** A clock that moves one ms per reading, and a pause that counts. */
function slowClock() {
  let t = 0;
  let pauses = 0;
  return { now: () => t++, pause: async () => { pauses += 1; }, get pauses() { return pauses; } };
}

describe('stringifyInSlices', () => {
  const samples: unknown[] = [
    null, 0, -1.5, 'text "quoted" \\u2028', true, [], {}, [undefined, () => 1, null], { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
    { '2': 'int key first', b: [1, [2, [3]]], a: { nested: { deep: Array.from({ length: 100 }, (_, i) => ({ i, twice: [i, i] })) } } },
    Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? undefined : { i })),
    { when: new Date(0), toJSONInside: { toJSON: () => 'custom' } },
  ];
  it.each(samples.map((value, i) => [i, value]))('gives the same text as JSON.stringify (sample %i)', async (_i, value) => {
    expect(await stringifyInSlices(value)).toBe(JSON.stringify(value));
  });

  it('pauses between slices of a long array, and still gives the same text', async () => {
    const value = { routes: Array.from({ length: 2000 }, (_, i) => ({ id: i, steps: [i, i + 1] })) };
    const clock = slowClock();
    expect(await stringifyInSlices(value, clock.pause, 8, clock.now)).toBe(JSON.stringify(value));
    expect(clock.pauses).toBeGreaterThan(2);
  });
});

describe('writeJsonInSlices', () => {
  it('writes a large value (a plan-like object with long arrays and large elements) in many pieces that join to its text', async () => {
    const plan = {
      solution: {
        routes: Array.from({ length: 300 }, (_, r) => ({ vehicleId: `v${r}`, steps: Array.from({ length: 35 }, (_, i) => ({ id: `s${r}-${i}`, load: [i, 1] })) })),
        explanations: Array.from({ length: 5 }, (_, e) => ({ orderId: `o${e}`, vehicles: Array.from({ length: 900 }, (_, v) => ({ vehicleId: `v${v}`, blocked: ['window'] })) })),
      },
    };
    const pieces: string[] = [];
    let pauses = 0;
    let t = 0;
    await writeJsonInSlices(plan, { write: (text) => pieces.push(text), pause: async () => { pauses += 1; } }, 8, () => (t += 0.5));
    expect(pieces.join('')).toBe(JSON.stringify(plan));
    // Large parts come in several pieces: the routes in runs, each explanation's 900 vehicles too.
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(pieces.join('').length / 5);
    expect(pieces.some((p) => p.includes('"vehicleId":"v0"') && p.includes('"vehicleId":"v899"'))).toBe(false);
    expect(pauses).toBeGreaterThan(2);
  });
});

describe('known text (domain/known-text.ts)', () => {
  /** An element that cannot be written: reading it throws, so a walk that reaches it fails. */
  const unreadable = () => Object.freeze(Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('walked'); } }));

  it('writes a frozen value from its known pieces, without reading the value', async () => {
    const routes = Object.freeze([unreadable(), unreadable()]);
    knownText(routes, ['[', '{"x":1}', ',', '{"x":2}', ']']);
    expect(() => JSON.stringify(routes)).toThrow('walked');
    expect(await stringifyInSlices({ plan: { routes }, n: 1 })).toBe('{"plan":{"routes":[{"x":1},{"x":2}]},"n":1}');
    expect(await piecesInSlices(routes)).toEqual(['[', '{"x":1}', ',', '{"x":2}', ']']);
  });

  it('walks a value that is not frozen, whatever text was recorded for it', async () => {
    const open = [{ x: 1 }];
    knownText(open, ['["stale"]']);
    expect(await stringifyInSlices({ open })).toBe('{"open":[{"x":1}]}');
    open.push({ x: 2 });
    expect(await stringifyInSlices(open)).toBe('[{"x":1},{"x":2}]');
  });

  it('pauses after each large known piece, so a sink that posts at its pauses posts one per task', async () => {
    const big = 'y'.repeat(1 << 17);
    const value = Object.freeze([]);
    knownText(value, ['[', `"${big}"`, ',', `"${big}"`, ']']);
    const seen: string[][] = [];
    let batch: string[] = [];
    await writeJsonInSlices({ v: value }, { write: (text) => batch.push(text), pause: async () => { seen.push(batch); batch = []; } });
    seen.push(batch);
    expect(seen.map((b) => b.join('')).join('')).toBe(JSON.stringify({ v: [big, big] }));
    expect(seen.filter((b) => b.some((p) => p.length > 1 << 16))).toHaveLength(2);
    expect(seen.every((b) => b.filter((p) => p.length > 1 << 16).length <= 1)).toBe(true);
  });
});
