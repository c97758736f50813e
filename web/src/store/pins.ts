// The pins aggregate: stops pinned to their vehicle and whole routes pinned, for
// the open scenario. Re-optimising passes them to the solver; persist.ts stores
// them in the scenario's record. `changes` counts edits so persistence can save.
import { createStore, unwrap } from 'solid-js/store';
import type { Scenario } from '../domain/scenario';
import type { SolverPin } from '../../../workers/protocol';
import { solverPins, type PinSet } from '../plan/pins';
import type { ScenarioState } from './scenario';
import { rawOf } from './raw';

/** Read-only view of the pins store. */
export interface PinsState extends Readonly<PinSet> {
  /** Scenario the pins belong to; pins of another scenario never apply. */
  readonly scenarioId: string | null;
  /** Edits since the store was created; `hydrate` does not count. */
  readonly changes: number;
}

/** Verbs that pin and unpin; components never set pin state directly. */
export interface PinsActions {
  /** Puts stored pins in place for `scenarioId`; not an edit. */
  hydrate(scenarioId: string, pins: PinSet): void;
  /** Pins the order to `vehicleId`, or unpins it when it is already pinned. */
  toggleOrder(scenarioId: string, orderId: string, vehicleId: string): void;
  /** Pins the vehicle's whole route, or unpins it. */
  toggleRoute(scenarioId: string, vehicleId: string): void;
  /** A pinned order moved by hand: its pin follows it (and goes when it leaves the plan). */
  followMove(scenarioId: string, orderId: string, vehicleId: string | null): void;
  /** A plain copy of the pins of `scenarioId` (empty for any other scenario). */
  snapshot(scenarioId: string): PinSet;
}

/** The pins store as `[state, actions]`. */
export type PinsStore = [state: PinsState, actions: PinsActions];

/** True when `orderId` is pinned in the pins of `scenarioId`. */
export function isOrderPinned(state: PinsState, scenarioId: string | undefined, orderId: string): boolean {
  return state.scenarioId === scenarioId && orderId in state.orders;
}

/** True when the route of `vehicleId` is pinned in the pins of `scenarioId`. */
export function isRoutePinned(state: PinsState, scenarioId: string | undefined, vehicleId: string): boolean {
  return state.scenarioId === scenarioId && state.routes.includes(vehicleId);
}

/** Creates the pins store with nothing pinned. */
export function createPinsStore(): PinsStore {
  const [state, setState] = createStore({ scenarioId: null as string | null, orders: {} as Record<string, string>, routes: [] as string[], changes: 0 });

  /** Pins of another scenario are dropped before the first edit of this one. */
  const own = (scenarioId: string) => {
    if (state.scenarioId !== scenarioId) setState({ scenarioId, orders: {}, routes: [] });
  };
  const commit = (patch: Partial<PinSet>) => setState({ ...patch, changes: state.changes + 1 });
  const orders = () => ({ ...unwrap(state.orders) });

  const actions: PinsActions = {
    hydrate(scenarioId, pins) {
      setState({ scenarioId, orders: { ...pins.orders }, routes: [...pins.routes] });
    },
    toggleOrder(scenarioId, orderId, vehicleId) {
      own(scenarioId);
      const next = orders();
      if (orderId in next) delete next[orderId];
      else next[orderId] = vehicleId;
      commit({ orders: next });
    },
    toggleRoute(scenarioId, vehicleId) {
      own(scenarioId);
      const routes = state.routes.includes(vehicleId) ? state.routes.filter((v) => v !== vehicleId) : [...state.routes, vehicleId];
      commit({ routes });
    },
    followMove(scenarioId, orderId, vehicleId) {
      if (state.scenarioId !== scenarioId || !(orderId in state.orders) || state.orders[orderId] === vehicleId) return;
      const next = orders();
      if (vehicleId === null) delete next[orderId];
      else next[orderId] = vehicleId;
      commit({ orders: next });
    },
    snapshot(scenarioId) {
      if (state.scenarioId !== scenarioId) return { orders: {}, routes: [] };
      return { orders: orders(), routes: [...state.routes] };
    },
  };
  return [state, actions];
}

/** How persist.ts carries pins inside a scenario's stored record. */
export interface PinsRecord {
  /** The scenario with its pins attached under `pins` (null stays null). */
  attach(scenario: Scenario | null): (Scenario & { pins: PinSet }) | null;
  /** Puts the validated pins of a stored record in place, unless pins were edited meanwhile. */
  restore(scenarioId: string, pins: PinSet): void;
  /** Puts the pins of a copy saved by another tab in place (this tab had no unsaved edits). */
  follow(scenarioId: string, pins: PinSet): void;
  /** Pin edits so far (persistence saves when it grows). */
  changes(): number;
}

/** The record hooks of a pins store. */
export function makePinsRecord([state, actions]: PinsStore): PinsRecord {
  return {
    attach: (scenario) => (scenario ? { ...scenario, pins: actions.snapshot(scenario.id) } : null),
    restore(scenarioId, pins) {
      // An edit made while the record was read wins, as for the scenario itself.
      if (state.scenarioId === scenarioId && state.changes > 0) return;
      actions.hydrate(scenarioId, pins);
    },
    follow: (scenarioId, pins) => actions.hydrate(scenarioId, pins),
    changes: () => state.changes,
  };
}

/** The solver's pin list for the open scenario and its current plan (plain objects, safe to post). */
export function pinsForSolver(scenarioState: ScenarioState, [state, actions]: PinsStore): SolverPin[] {
  const scenario = scenarioState.scenario;
  if (!scenario || state.scenarioId !== scenario.id) return [];
  // Over the raw data: at 10,000 orders, the ids read through the store made a proxy per order in the Optimize click (issue #15).
  const raw = rawOf(scenario);
  return solverPins(actions.snapshot(scenario.id), raw.plan?.solution ?? null, raw.vehicles.map((v) => v.id), raw.orders.map((o) => o.id));
}
