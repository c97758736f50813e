// The plan as the scenario store keeps it (issue #15): one immutable value that Solid does not
// deep-proxy, shared (not copied) by snapshots, kept across data edits that leave it alone, and
// stored in IndexedDB as plain data that comes back as the same kind of value with the same content.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { makePlannerDb } from '../../../web/src/io/db';
import { createPersistence } from '../../../web/src/store/persist';
import { copyScenario, freezeRoutesInParts, isPlanValue, snapshotOfText } from '../../../web/src/store/plan-value';
import { rawOf } from '../../../web/src/store/raw';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { generateRichScenario } from '../../bench/rich-generate';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));
const inRoot = <T>(fn: () => T): T => createRoot((dispose) => { disposers.push(dispose); return fn(); });

describe('plan value', () => {
  it('keeps the delivered solution object itself, frozen, so reads go through no store proxy', () => {
    const [state, actions] = inRoot(() => createScenarioStore(makeMiniScenario()));
    const plan = makeMiniPlan();
    actions.setPlan(plan);
    const stored = state.scenario!.plan!;
    expect(isPlanValue(stored)).toBe(true);
    // The very objects the solve delivered: a store proxy would be another object.
    expect(stored.solution).toBe(plan.solution);
    expect(stored.solution.routes[0].steps[1]).toBe(plan.solution.routes[0].steps[1]);
    expect(Object.isFrozen(stored.solution.routes[0].steps[1].load)).toBe(true);
    expect(() => { (stored.solution.routes[0].steps as unknown[]).push({}); }).toThrow(TypeError);
    expect(state.planStatus).toBe('valid');
  });

  it('is shared by snapshots (no copy), while the rest of the scenario is a deep copy', () => {
    const [state, actions] = inRoot(() => createScenarioStore(makeMiniScenario()));
    actions.setPlan(makeMiniPlan());
    const snap = actions.snapshot()!;
    expect(snap.plan).toBe(state.scenario!.plan);
    expect(snap.orders).not.toBe(state.scenario!.orders);
    expect(snap.orders).toEqual(makeMiniScenario().orders);
    // Structured clone (what IndexedDB and workers do) turns it into plain data with the same content.
    const cloned = structuredClone(snap);
    expect(isPlanValue(cloned.plan)).toBe(false);
    expect(cloned.plan).toEqual({ ...makeMiniPlan() });
    expect(copyScenario(snap).plan).toBe(snap.plan);
  });

  it('snapshots a rich scenario (shipments, breaks, settings, day) field for field, sharing no object with the store', () => {
    const rich = generateRichScenario({ orders: 200, seed: 3 });
    const [state, actions] = inRoot(() => createScenarioStore(rich));
    const snap = actions.snapshot()!;
    expect({ ...snap, plan: null }).toEqual({ ...structuredClone(rich), plan: null });
    // A later edit of the store leaves the snapshot as it was.
    const before = snap.orders[0].customerName;
    actions.updateOrder(snap.orders[0].id, { customerName: 'Changed' });
    expect(state.scenario!.orders[0].customerName).toBe('Changed');
    expect(snap.orders[0].customerName).toBe(before);
    expect(snap.orders[0].timeWindows).not.toBe(rawOf(state.scenario!).orders[0].timeWindows);
  });

  it('a text snapshot is the scenario at the moment of its text, however late its copy is parsed', () => {
    const rich = generateRichScenario({ orders: 50, seed: 4 });
    const [state, actions] = inRoot(() => createScenarioStore(rich));
    actions.setPlan(makeMiniPlan());
    const taken = actions.snapshotWithText()!;
    const planThen = state.scenario!.plan;
    const id = state.scenario!.orders[0].id;
    const before = state.scenario!.orders[0].customerName;
    // Edits after the text was written, before the copy is parsed (the Optimize click parses it a task later).
    actions.updateOrder(id, { customerName: 'Changed' });
    actions.setPlan(makeMiniPlan());
    expect(state.scenario!.plan).not.toBe(planThen);
    const copy = taken.copy();
    expect(copy.orders[0].customerName).toBe(before);
    expect(copy.plan).toBe(planThen);
    expect(isPlanValue(copy.plan)).toBe(true);
    expect(taken.copy()).toBe(copy); // parsed once
    expect(JSON.parse(taken.text)).toEqual({ ...copy, plan: null });
    expect(state.scenario!.orders[0].customerName).toBe('Changed');
  });

  it('a text snapshot of pieces joins them only when its text or copy is asked for, and parses the same scenario', () => {
    const scenario = makeMiniScenario();
    const text = JSON.stringify({ ...scenario, plan: null });
    const pieces = [text.slice(0, 7), text.slice(7, 50), text.slice(50)];
    const taken = snapshotOfText(pieces, null);
    expect(taken.pieces).toBe(pieces);
    // Its copy parsed through a detached method (no `this`), then its text: the one join.
    const { copy } = taken;
    expect(copy()).toEqual({ ...scenario, plan: null });
    expect(taken.text).toBe(text);
    expect(taken.text).toBe(taken.text);
    expect(snapshotOfText(text, null).pieces).toEqual([text]);
  });

  it('stays the same value across a data edit that leaves the routes alone, and is replaced whole by one that changes them', () => {
    const [state, actions] = inRoot(() => createScenarioStore(makeMiniScenario()));
    actions.setPlan(makeMiniPlan());
    const before = state.scenario!.plan;
    actions.setDate('2026-12-24');
    expect(state.scenario!.plan).toBe(before);
    actions.updateVehicle('v1', { ...makeMiniScenario().vehicles.find((v) => v.id === 'v1')!, id: 'van-1' });
    const after = state.scenario!.plan!;
    expect(after).not.toBe(before);
    expect(isPlanValue(after)).toBe(true);
    expect(after.solution.routes.map((r) => r.vehicleId)).toEqual(['van-1']);
    // The previous value is untouched (history may still hold it).
    expect(before!.solution.routes.map((r) => r.vehicleId)).toEqual(['v1']);
  });

  it('survives a save and a reload: the same plan content, held again as a store value', async () => {
    const db = makePlannerDb({ scenarios: 'plan-value-s', session: 'plan-value-p' });
    const mount = () => inRoot(() => {
      const store = createScenarioStore();
      return { store, persist: createPersistence(store, { db, loadDemo: async () => makeMiniScenario(), debounceMs: 5, channel: 'plan-value-test' }) };
    });
    const first = mount();
    await first.persist.restore();
    first.store[1].setPlan({ ...makeMiniPlan(), travel: { source: 'embedded' } });
    await first.persist.flush();
    const left = structuredClone(first.store[0].scenario!.plan);

    const second = mount();
    await second.persist.restore();
    const loaded = second.store[0].scenario!.plan!;
    expect(isPlanValue(loaded)).toBe(true);
    expect(structuredClone(loaded)).toEqual(left);
    expect(loaded.travel).toEqual({ source: 'embedded' });
    expect(second.store[0].planStatus).toBe('valid');
  });
});

describe('freezeRoutesInParts', () => {
  it('freezes every route, a part of about the given steps per pause, and nothing else of the plan', async () => {
    const base = makeMiniScenario();
    const plan = makeMiniPlan(base, { v1: ['o1', 'o2'], v2: ['o3'] });
    const frozenAtPause: boolean[][] = [];
    const pause = async () => { frozenAtPause.push(plan.solution.routes.map((r) => Object.isFrozen(r))); };
    // v1 has four steps (start, two stops, end): the first part; v2 comes after a pause.
    await freezeRoutesInParts(plan, pause, 4);
    expect(frozenAtPause).toEqual([[true, false]]);
    expect(plan.solution.routes.every((r) => Object.isFrozen(r) && Object.isFrozen(r.steps) && r.steps.every((s) => Object.isFrozen(s)))).toBe(true);
    expect(Object.isFrozen(plan.solution)).toBe(false);
    await freezeRoutesInParts(null, pause);
    expect(frozenAtPause).toHaveLength(1);
  });
});
