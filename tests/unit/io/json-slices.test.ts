// JSON text in time slices (io/json-slices.ts): the same text as JSON.stringify, made a chunk at a time
// with a pause between slices, and for a record the plan's text made once per (frozen) plan.
import { describe, expect, it } from 'vitest';
import { recordJson, stringifyInSlices } from '../../../web/src/io/json-slices';
import { planValue } from '../../../web/src/store/plan-value';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

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

describe('recordJson', () => {
  it('gives the text of the whole record, frozen plan included, that parses back to the record', async () => {
    const scenario = makeMiniScenario();
    const record = { ...scenario, plan: planValue(makeMiniPlan()), pins: { orders: { o1: 'v1' }, routes: [] } };
    expect(JSON.parse(await recordJson(record))).toEqual(JSON.parse(JSON.stringify(record)));
    const withoutPlan = { ...scenario, plan: null };
    expect(await recordJson(withoutPlan)).toBe(JSON.stringify(withoutPlan));
  });

  it("makes a plan's text once: a later record with the same plan and other data reuses it", async () => {
    const large = makeMiniScenario();
    const plan = planValue(makeMiniPlan())!;
    const first = JSON.parse(await recordJson({ ...large, plan }));
    expect(first.plan).toEqual(JSON.parse(JSON.stringify(plan)));
    // The second record's plan text comes from the first: the plan (or its solution) is not stringified again.
    const edited = { ...large, name: 'Edited', plan };
    const original = JSON.stringify;
    let planStringified = false;
    JSON.stringify = ((v: unknown, ...rest: []) => { if (v === plan || v === plan.solution || v === plan.solution.routes) planStringified = true; return original(v, ...rest); }) as typeof JSON.stringify;
    try {
      const second = JSON.parse(await recordJson(edited));
      expect(second.name).toBe('Edited');
      expect(second.plan).toEqual(first.plan);
    } finally {
      JSON.stringify = original;
    }
    expect(planStringified).toBe(false);
  });
});
