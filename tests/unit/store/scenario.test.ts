// The scenario store: edits are counted, the plan is replaced whole, and the
// plan status (none / invalid / stale / valid) is derived, never stored.
import { createComputed, createEffect, createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { unwrap } from 'solid-js/store';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

function inRoot<T>(fn: () => T): T {
  return createRoot((dispose) => {
    const result = fn();
    dispose();
    return result;
  });
}

describe('scenario store', () => {
  it('does not count a hydrate as an edit, but counts replace', () => inRoot(() => {
    const [state, actions] = createScenarioStore();
    actions.hydrate(makeMiniScenario());
    expect(state.scenario?.id).toBe('mini');
    expect(state.changes).toBe(0);
    actions.replace(makeMiniScenario({ id: 'other' }));
    expect(state.scenario?.id).toBe('other');
    expect(state.changes).toBe(1);
  }));

  it('counts data changes apart: every edit and hydrate, but not a new or cleared plan', () => inRoot(() => {
    const [state, actions] = createScenarioStore();
    actions.hydrate(makeMiniScenario());
    expect(state.dataChanges).toBe(1);
    actions.setPlan(makeMiniPlan());
    actions.clearPlan();
    actions.setPlan(makeMiniPlan());
    expect(state.changes).toBe(3);
    expect(state.dataChanges).toBe(1);
    actions.updateOrder('o1', { customerName: 'Renamed' });
    actions.rename('Another name');
    actions.setSolverOptions({ timeLimitS: 7 });
    expect(state.changes).toBe(6);
    expect(state.dataChanges).toBe(4);
    actions.hydrate(makeMiniScenario());
    expect(state.changes).toBe(6);
    expect(state.dataChanges).toBe(5);
  }));

  it('opens another scenario whole (nothing of the old one stays) and reconciles the same one (unchanged items kept)', () => inRoot(() => {
    const [state, actions] = createScenarioStore();
    const first = makeMiniScenario();
    first.day = { dispatchedAt: 480, events: [] } as unknown as NonNullable<typeof first.day>;
    actions.hydrate(first);
    expect(state.scenario?.day).toBeDefined();
    // Another id: its own fields only; an optional field the old scenario had is gone.
    actions.replace(makeMiniScenario({ id: 'other', name: 'Other' }));
    expect(state.scenario?.id).toBe('other');
    expect(state.scenario?.day).toBeUndefined();
    expect(state.scenario?.name).toBe('Other');
    // The same id again (a reload): an unchanged order keeps its store object, a changed one is updated.
    const kept = state.scenario!.orders[1];
    const again = makeMiniScenario({ id: 'other', name: 'Other' });
    again.orders[0] = { ...again.orders[0], customerName: 'Renamed' };
    actions.hydrate(again);
    expect(state.scenario!.orders[1]).toBe(kept);
    expect(state.scenario!.orders[0].customerName).toBe('Renamed');
  }));

  it('opens another scenario without walking its data (no unwrap pass), and it is as reactive and editable as ever', () => inRoot(() => {
    const [state, actions] = createScenarioStore(makeMiniScenario());
    const names: string[] = [];
    createComputed(() => names.push(state.scenario?.name ?? ''));
    const next = makeMiniScenario({ id: 'other', name: 'Other' });
    const revision = next.revision;
    let walked = 0;
    // An order that counts every listing of its keys (what a walk over the data does; reading it through the store also does, once).
    next.orders[0] = new Proxy({ ...next.orders[0], customerName: 'Watched' }, { ownKeys: (target) => { walked += 1; return Reflect.ownKeys(target); } });
    actions.hydrate(next);
    expect(walked).toBe(0);
    expect(names).toEqual([makeMiniScenario().name, 'Other']);
    expect(state.scenario?.orders[0].customerName).toBe('Watched');
    const watched: string[] = [];
    createComputed(() => watched.push(state.scenario?.orders[0].customerName ?? ''));
    actions.updateOrder(next.orders[0].id, { customerName: 'Edited' });
    expect(watched).toEqual(['Watched', 'Edited']);
    expect(state.scenario?.revision).toBe(revision + 1);
  }));

  it('reports no plan, then a valid plan once one is set for the current revision', () => inRoot(() => {
    const [state, actions] = createScenarioStore(makeMiniScenario());
    expect(state.planStatus).toBe('none');
    actions.setPlan(makeMiniPlan());
    expect(state.planStatus).toBe('valid');
    expect(state.isPlanStale).toBe(false);
    expect(state.changes).toBe(1);
  }));

  it('makes the plan stale when an order changes, because the revision moves on', () => inRoot(() => {
    const [state, actions] = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    actions.updateOrder('o1', { serviceMinutes: 30 });
    expect(state.scenario?.revision).toBe(4);
    expect(state.scenario?.orders[0].serviceMinutes).toBe(30);
    expect(state.isPlanStale).toBe(true);
    expect(state.planStatus).toBe('stale');
  }));

  it('keeps the plan current when only solver options change', () => inRoot(() => {
    const [state, actions] = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    actions.setSolverOptions({ timeLimitS: 60 });
    expect(state.scenario?.settings.solver).toEqual({ timeLimitS: 60, seed: 1 });
    expect(state.planStatus).toBe('valid');
    expect(state.changes).toBe(1);
  }));

  it('calls a plan that failed the check invalid, even when it is also stale', () => inRoot(() => {
    const plan = makeMiniPlan();
    plan.solution.check = { ...plan.solution.check, ok: false, violations: [{ rule: 'capacity', message: 'too heavy' }] };
    const [state, actions] = createScenarioStore(makeMiniScenario({ plan }));
    expect(state.planStatus).toBe('invalid');
    actions.updateOrder('o1', { notes: 'ring twice' });
    expect(state.planStatus).toBe('invalid');
  }));

  it('replaces the plan whole instead of merging into the previous one', () => inRoot(() => {
    const [state, actions] = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    const next = makeMiniPlan();
    next.solution.routes = [];
    actions.setPlan(next);
    expect(state.scenario?.plan?.solution.routes).toEqual([]);
    actions.clearPlan();
    expect(state.scenario?.plan).toBeNull();
  }));

  it('gives a plain deep copy as snapshot, detached from the store', () => inRoot(() => {
    const [state, actions] = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    const copy = actions.snapshot()!;
    expect(copy).toEqual(makeMiniScenario({ plan: makeMiniPlan() }));
    expect(() => structuredClone(copy)).not.toThrow();
    copy.orders[0].lat = 0;
    expect(state.scenario?.orders[0].lat).toBe(45.76);
  }));

  it('ignores edits while no scenario is open', () => inRoot(() => {
    const [state, actions] = createScenarioStore();
    actions.rename('x');
    actions.setSolverOptions({ seed: 3 });
    actions.setPlan(makeMiniPlan());
    expect(state.scenario).toBeNull();
    expect(state.changes).toBe(0);
    expect(actions.snapshot()).toBeNull();
  }));

  it('re-runs a view that reads both the plan and the edit count once per new plan, not once for each (issue #15)', async () => {
    const [state, actions] = createScenarioStore(makeMiniScenario());
    const seen: [boolean, number][] = [];
    const dispose = createRoot((d) => {
      createEffect(() => seen.push([!!state.scenario?.plan, state.changes]));
      return d;
    });
    await Promise.resolve();
    actions.setPlan(makeMiniPlan());
    actions.clearPlan();
    dispose();
    // Never a state with the new plan but the old count (or the reverse): one run per action.
    expect(seen).toEqual([[false, 0], [true, 1], [false, 2]]);
  });
});

describe('scenario store: the day', () => {
  const dispatched = () => ({ dispatchedAt: 420, dispatchedPlan: { solvedRevision: 0, solution: { routes: makeMiniPlan().solution.routes, unassigned: [] } }, events: [] as never[] });

  it('an appended event keeps the stored plan and log, and stores a copy of what is new', () => {
    createRoot((dispose) => {
      const [state, actions] = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
      actions.setDay(dispatched() as never);
      const stored = () => unwrapDay(state.scenario!.day)!;
      const first = { type: 'departed', id: 'e1', at: 430, vehicle: 'v1' };
      actions.setDay({ ...stored(), events: [...stored().events, first] } as never);
      const before = stored();
      expect(before.events[0]).not.toBe(first);
      const second = { type: 'delay', id: 'e2', at: 440, vehicle: 'v1', minutes: 10 };
      actions.setDay({ ...before, events: [...before.events, second] } as never);
      const after = stored();
      expect(after.dispatchedPlan).toBe(before.dispatchedPlan);
      expect(after.events[0]).toBe(before.events[0]);
      expect(after.events[1]).toEqual(second);
      second.minutes = 99;
      expect(after.events[1]).toMatchObject({ minutes: 10 });
      // Anything else than an appended log is stored as a whole copy.
      actions.setDay({ ...after, events: [after.events[1]] } as never);
      expect(stored().events).toEqual([{ ...second, minutes: 10 }]);
      expect(stored().events[0]).not.toBe(after.events[1]);
      dispose();
    });
  });
});

function unwrapDay<T>(day: T): T {
  return unwrap(day);
}
