// Autosave during a solve (issue #15): a best-so-far plan is a preview replaced within seconds, so the
// debounced save waits for the solve's result instead of writing every preview (each write of a
// 10,000-stop plan is a long task); the result is saved, and an explicit flush (page hidden) still
// writes at once.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../web/src/domain/scenario';
import { makePlannerDb, type PlannerDb } from '../../../web/src/io/db';
import { createPersistence } from '../../../web/src/store/persist';
import { makeBestSoFar } from '../../../web/src/store/provisional';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';

const DEBOUNCE_MS = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));

function mount(name: string) {
  const inner = makePlannerDb({ scenarios: `${name}-s`, session: `${name}-p` });
  const writes: Scenario[] = [];
  const db: PlannerDb = {
    getCurrentScenarioId: () => inner.getCurrentScenarioId(),
    getScenario: (id) => inner.getScenario(id),
    saveCurrentScenario: async (s) => { writes.push(structuredClone(s)); await inner.saveCurrentScenario(s); },
  };
  return createRoot((dispose) => {
    disposers.push(dispose);
    const store = createScenarioStore();
    const persist = createPersistence(store, { db, loadDemo: async () => makeMiniScenario(), debounceMs: DEBOUNCE_MS, channel: `${name}-channel` });
    return { store, persist, writes, bestSoFar: makeBestSoFar(store) };
  });
}

describe('autosave while a solve shows its best so far', () => {
  it('waits for the result instead of saving each preview, then saves the result', async () => {
    const { store: [state, actions], persist, writes, bestSoFar } = mount('save-hold-1');
    await persist.restore();
    const before = writes.length;
    const snapshot = actions.snapshot()!;
    bestSoFar.show(snapshot, snapshot, { source: 'embedded' }, makeMiniSolution());
    expect(state.scenario?.plan).not.toBeNull();
    await sleep(DEBOUNCE_MS * 6);
    expect(writes.length).toBe(before);
    expect(persist.saveStatus()).toBe('pending');
    // The result lands: it is saved after the debounce.
    bestSoFar.settled();
    actions.setPlan(makeMiniPlan());
    await sleep(DEBOUNCE_MS * 6);
    expect(writes.length).toBe(before + 1);
    expect(writes.at(-1)?.plan).toEqual({ ...makeMiniPlan() });
    expect(persist.saveStatus()).toBe('saved');
  });

  it('still writes a preview on an explicit flush (the page is being hidden)', async () => {
    const { store: [, actions], persist, writes, bestSoFar } = mount('save-hold-2');
    await persist.restore();
    const before = writes.length;
    const at = actions.snapshot()!;
    bestSoFar.show(at, at, { source: 'embedded' }, makeMiniSolution());
    await persist.flush();
    expect(writes.length).toBe(before + 1);
    expect(writes.at(-1)?.plan?.solution.routes).toEqual(makeMiniSolution().routes);
  });
});
