// The data edits of the open scenario: depots, vehicles and orders added,
// changed, duplicated and deleted, and the plan's date. Callers validate first
// (domain/validate-entity.ts); every edit here is recorded for undo (the
// `before` listeners get the scenario as it was), saved, and — except the
// date — marks the plan out of date. Deletions keep the plan consistent (pruneSolution).
import { batch } from 'solid-js';
import { unwrap } from 'solid-js/store';
import type { Depot, Order, Scenario, Vehicle } from '../domain/scenario';
import { pruneSolution } from '../plan/prune';
import { parseScenarioText, type ScenarioText } from './plan-value';

/** Verbs that edit the scenario's data. */
export interface EntityActions {
  /** Sets the plan's day (YYYY-MM-DD, validated by the caller); the routes do not change. */
  setDate(date: string): void;
  addDepot(depot: Depot): void;
  /** Replaces depot `id` whole (its id may change: vehicles follow). */
  updateDepot(id: string, depot: Depot): void;
  /** Deletes a depot no vehicle uses; returns why not otherwise (naming the vehicles). */
  removeDepot(id: string): string | null;
  addVehicle(vehicle: Vehicle): void;
  /** Replaces vehicle `id` whole (its id may change: the plan's route follows). */
  updateVehicle(id: string, vehicle: Vehicle): void;
  /** Applies one change to several vehicles (bulk edit of a column). */
  updateVehicles(ids: readonly string[], change: (vehicle: Vehicle) => Vehicle): void;
  removeVehicles(ids: readonly string[]): void;
  addOrder(order: Order): void;
  /** Replaces order `id` whole (its id may change: the plan's stop follows). */
  replaceOrder(id: string, order: Order): void;
  updateOrders(ids: readonly string[], change: (order: Order) => Order): void;
  removeOrders(ids: readonly string[]): void;
  /** Puts a scenario recorded earlier back whole (undo/redo), except the day: the log is never rewritten. Not recorded itself. */
  restore(scenario: ScenarioText): void;
  /** Calls `listener` with the scenario as it was before each recorded edit (its text and plan); returns the unsubscribe. */
  onBeforeEdit(listener: (before: ScenarioText) => void): () => void;
}

interface Hooks {
  get(): Scenario | null;
  /** Puts a new scenario value in place (reconciled). */
  put(next: Scenario): void;
  /** Counts an edit (autosave). */
  touch(): void;
  /** The scenario as it is now, as text (the store keeps the text of its last data change: often no writing at all). */
  snapshot(): ScenarioText | null;
}

/**
 * A plain copy of a value a caller hands in (it may be read from the store: a proxy; or kept by the caller), through
 * JSON as the rest of the scenario is (a scenario is JSON data: properties left undefined are dropped alike).
 */
const own = <T>(value: T): T => JSON.parse(JSON.stringify(unwrap(value))) as T;

/** Renames an id in a plan: route vehicle ids and step ids. */
function renameInPlan(scenario: Scenario, kind: 'vehicle' | 'order', from: string, to: string): Scenario['plan'] {
  const plan = scenario.plan;
  if (!plan || from === to) return plan;
  const s = plan.solution;
  const routes = s.routes.map((r) => kind === 'vehicle'
    ? (r.vehicleId === from ? { ...r, vehicleId: to } : r)
    : { ...r, steps: r.steps.map((st) => (st.type !== 'start' && st.type !== 'end' && st.type !== 'break' && st.id === from ? { ...st, id: to } : st)) });
  const unassigned = kind === 'order' ? s.unassigned.map((u) => (u.orderId === from ? { ...u, orderId: to } : u)) : s.unassigned;
  return { ...plan, solution: { ...s, routes, unassigned } };
}

/** The edit verbs over the scenario store's setter. */
export function makeEntityActions(hooks: Hooks): EntityActions {
  const listeners = new Set<(before: ScenarioText) => void>();

  /**
   * Records the scenario as it is (its text), applies `edit` to a copy parsed from that text, prunes the plan, stores
   * it whole. The draft is the store's own from then on: the changes build new objects around its parts (never
   * changing them in place), and the values callers hand in are copied (`own`), so nothing in it is a store proxy
   * or shared with a caller or an undo step. At 10,000 orders an edit made three copies of the scenario (one
   * `unwrap` walk each for two of them): one 276 ms task per edit (issue #15).
   */
  function edit(change: (draft: Scenario) => Scenario, staleness: 'stale' | 'same' = 'stale'): void {
    const before = hooks.snapshot();
    if (!before) return;
    const draft = parseScenarioText(before);
    let next = change(draft);
    if (next.plan) next = { ...next, plan: { ...next.plan, solution: pruneSolution(next, next.plan.solution) } };
    if (staleness === 'stale') next = { ...next, revision: draft.revision + 1 };
    for (const listener of listeners) listener(before);
    batch(() => {
      hooks.put(next);
      hooks.touch();
    });
  }

  // One Set per call: bulk edits of thousands of rows stay linear.
  let lastIds: readonly string[] | null = null;
  let lastSet = new Set<string>();
  const has = (ids: readonly string[], id: string) => {
    if (ids !== lastIds) [lastIds, lastSet] = [ids, new Set(ids)];
    return lastSet.has(id);
  };
  const replaceIn = <T extends { id: string }>(items: T[], id: string, item: T) => { const mine = own(item); return items.map((x) => (x.id === id ? mine : x)); };

  return {
    setDate: (date) => edit((s) => ({ ...s, settings: { ...s.settings, date } }), 'same'),
    addDepot: (depot) => edit((s) => ({ ...s, depots: [...s.depots, own(depot)] })),
    updateDepot: (id, depot) => edit((s) => ({
      ...s,
      depots: replaceIn(s.depots, id, depot),
      vehicles: s.vehicles.map((v) => ({ ...v, startDepotId: v.startDepotId === id ? depot.id : v.startDepotId, endDepotId: v.endDepotId === id ? depot.id : v.endDepotId })),
    })),
    removeDepot(id) {
      const users = (hooks.get()?.vehicles ?? []).filter((v) => v.startDepotId === id || v.endDepotId === id);
      if (users.length) return `${users.map((v) => v.name || v.id).join(', ')} ${users.length === 1 ? 'starts or ends' : 'start or end'} there: change ${users.length === 1 ? 'its' : 'their'} depot first`;
      edit((s) => ({ ...s, depots: s.depots.filter((d) => d.id !== id) }));
      return null;
    },
    addVehicle: (vehicle) => edit((s) => ({ ...s, vehicles: [...s.vehicles, own(vehicle)] })),
    updateVehicle: (id, vehicle) => edit((s) => ({ ...s, vehicles: replaceIn(s.vehicles, id, vehicle), plan: renameInPlan(s, 'vehicle', id, vehicle.id) })),
    updateVehicles: (ids, change) => edit((s) => ({ ...s, vehicles: s.vehicles.map((v) => (has(ids, v.id) ? own(change(v)) : v)) })),
    removeVehicles: (ids) => edit((s) => ({ ...s, vehicles: s.vehicles.filter((v) => !has(ids, v.id)) })),
    addOrder: (order) => edit((s) => ({ ...s, orders: [...s.orders, own(order)] })),
    replaceOrder: (id, order) => edit((s) => ({ ...s, orders: replaceIn(s.orders, id, order), plan: renameInPlan(s, 'order', id, order.id) })),
    updateOrders: (ids, change) => edit((s) => ({ ...s, orders: s.orders.map((o) => (has(ids, o.id) ? own(change(o)) : o)) })),
    removeOrders: (ids) => edit((s) => ({ ...s, orders: s.orders.filter((o) => !has(ids, o.id)) })),
    restore(scenario) {
      // Undo never rewrites the day's log: the day in place stays as it is.
      const day = hooks.get()?.day;
      const { day: _old, ...rest } = parseScenarioText(scenario);
      batch(() => {
        hooks.put(day ? { ...rest, day: structuredClone(unwrap(day)) } : rest);
        hooks.touch();
      });
    },
    onBeforeEdit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
