// A large scenario's text for a solve, written a slice per task after the Optimize click (issue #15): the
// same text as written in one go, and the scenario as it is when the text is handed over, whatever was edited
// while the slices were being written.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../web/src/domain/scenario';
import { nextTask } from '../../../web/src/io/next-task';
import { scenarioText, type TextSnapshot } from '../../../web/src/store/plan-value';
import { createScenarioStore, SLICED_TEXT_ORDERS } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));
const inRoot = <T>(fn: () => T): T => createRoot((dispose) => { disposers.push(dispose); return fn(); });

/** The mini scenario with `count` orders (copies of its own, with ids of their own). */
function withOrders(count: number, id = 'big'): Scenario {
  const mini = makeMiniScenario({ id });
  const orders = Array.from({ length: count }, (_, i) => ({ ...structuredClone(mini.orders[i % mini.orders.length]), id: `o${i}`, customerName: `Customer ${i}` }));
  return { ...mini, orders };
}

/** The snapshot and the store's text without its plan in the same microtask as the promise settles. */
async function settled(soon: Promise<TextSnapshot | null>, now: () => string | null): Promise<[TextSnapshot | null, string | null]> {
  return soon.then((snapshot) => [snapshot, now()]);
}

describe('a large scenario\'s text for a solve, in slices', () => {
  it('is handed over at once while the scenario is small, or its text is already written', () => {
    const [, actions] = inRoot(() => createScenarioStore(withOrders(SLICED_TEXT_ORDERS - 1)));
    const small = actions.snapshotWithTextSoon();
    expect(small).not.toBeInstanceOf(Promise);
    expect((small as TextSnapshot).text).toBe(actions.textWithoutPlan());
    const [, large] = inRoot(() => createScenarioStore(withOrders(SLICED_TEXT_ORDERS)));
    const text = large.textWithoutPlan();
    const known = large.snapshotWithTextSoon();
    expect(known).not.toBeInstanceOf(Promise);
    expect((known as TextSnapshot).text).toBe(text);
  });

  it('writes the same text as in one go, keeps it for the next reader, and snapshots the plan', async () => {
    const [state, actions] = inRoot(() => createScenarioStore(withOrders(SLICED_TEXT_ORDERS + 500)));
    actions.setPlan(makeMiniPlan());
    const soon = actions.snapshotWithTextSoon();
    expect(soon).toBeInstanceOf(Promise);
    const snapshot = (await soon)!;
    expect(snapshot.text).toBe(scenarioText(state.scenario!));
    expect(JSON.parse(snapshot.text).plan).toBeNull();
    // Written once: the save and the risk request after the solve take this very text.
    expect(actions.textWithoutPlan()).toBe(snapshot.text);
    expect(snapshot.copy().plan).toBe(state.scenario!.plan);
    expect(snapshot.copy().orders).toHaveLength(SLICED_TEXT_ORDERS + 500);
  });

  it('is one write in slices for every caller meanwhile (the Optimize click and a save)', async () => {
    const [, actions] = inRoot(() => createScenarioStore(withOrders(SLICED_TEXT_ORDERS + 500)));
    const first = actions.textWithoutPlanSoon();
    expect(first).toBeInstanceOf(Promise);
    expect(actions.textWithoutPlanSoon()).toBe(first);
    const text = await first;
    expect(actions.textWithoutPlanSoon()).toBe(text);
    // A new write after a change.
    actions.rename('Renamed');
    const again = actions.textWithoutPlanSoon();
    expect(again).toBeInstanceOf(Promise);
    expect(JSON.parse((await again)!).name).toBe('Renamed');
  });

  it('is the scenario as it is when handed over, after an edit while the slices were written', async () => {
    const [state, actions] = inRoot(() => createScenarioStore(withOrders(30_000)));
    let done = false;
    const soon = actions.snapshotWithTextSoon() as Promise<TextSnapshot | null>;
    const result = settled(soon, () => scenarioText(state.scenario!));
    void soon.then(() => { done = true; });
    // After the first slice (~8 ms of writing, a fraction of 30,000 orders): the first order's text is written.
    await nextTask();
    expect(done).toBe(false);
    actions.updateOrder('o0', { customerName: 'Edited mid-way' });
    const [snapshot, then] = await result;
    expect(snapshot!.text).toBe(then);
    expect(JSON.parse(snapshot!.text).orders[0].customerName).toBe('Edited mid-way');
  });

  it('is null once another scenario was opened while the slices were written', async () => {
    const [, actions] = inRoot(() => createScenarioStore(withOrders(30_000)));
    const soon = actions.snapshotWithTextSoon() as Promise<TextSnapshot | null>;
    await nextTask();
    actions.replace(makeMiniScenario({ id: 'other' }));
    expect(await soon).toBeNull();
  });
});
