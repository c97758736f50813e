// Data edits of the open scenario (depots, vehicles, orders, date): each is
// saved, marks the plan stale (the date does not), keeps the plan consistent
// when something it uses is deleted, and is undone and redone whole.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { routeOrderIds } from '../../../web/src/plan/rebuild-route';
import { VEHICLE_DELETED } from '../../../web/src/plan/prune';
import { createEditStore, type EditStore } from '../../../web/src/store/edit';
import { createPinsStore } from '../../../web/src/store/pins';
import { createScenarioStore, type ScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

let dispose: () => void = () => {};
afterEach(() => dispose());

function setup(): { scenario: ScenarioStore; edit: EditStore } {
  return createRoot((d) => {
    dispose = d;
    const scenario = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    return { scenario, edit: createEditStore(scenario, createPinsStore()) };
  });
}

const flushMicrotasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('scenario data edits', () => {
  it('adds a depot and a vehicle, marks the plan stale, and undoes both in turn', async () => {
    const { scenario: [state, actions], edit: [editState, edit] } = setup();
    const before = actions.snapshot()!;
    actions.addDepot({ id: 'north', name: 'North hub', lat: 45.8, lng: 4.85, open: 360, close: 1200 });
    await flushMicrotasks();
    actions.addVehicle({ ...before.vehicles[0], id: 'v9', name: 'Van 9', startDepotId: 'north', endDepotId: 'north' });
    await flushMicrotasks();
    expect(state.scenario?.depots.map((d) => d.id)).toContain('north');
    expect(state.scenario?.vehicles.map((v) => v.id)).toContain('v9');
    expect(state.planStatus).toBe('stale');
    expect(state.changes).toBe(2);
    expect(editState.undoCount).toBe(2);
    edit.undo();
    await flushMicrotasks();
    expect(state.scenario?.vehicles.map((v) => v.id)).not.toContain('v9');
    expect(state.scenario?.depots.map((d) => d.id)).toContain('north');
    edit.undo();
    await flushMicrotasks();
    expect(actions.snapshot()).toEqual(before);
    expect(state.planStatus).toBe('valid');
    edit.redo();
    edit.redo();
    await flushMicrotasks();
    expect(state.scenario?.vehicles.map((v) => v.id)).toContain('v9');
    expect(editState.redoCount).toBe(0);
  });

  it('refuses to delete a depot a vehicle uses, naming the vehicle', () => {
    const { scenario: [state, actions] } = setup();
    const depotId = state.scenario!.vehicles[0].startDepotId;
    const message = actions.removeDepot(depotId);
    expect(message).toMatch(new RegExp(state.scenario!.vehicles[0].name));
    expect(state.scenario?.depots.map((d) => d.id)).toContain(depotId);
  });

  it('deleting a planned order takes its stop off the route and re-checks the plan', () => {
    const { scenario: [state, actions] } = setup();
    const route = state.scenario!.plan!.solution.routes.find((r) => routeOrderIds(r).length > 1)!;
    const [gone, ...rest] = routeOrderIds(route);
    actions.removeOrders([gone]);
    const after = state.scenario!.plan!.solution.routes.find((r) => r.vehicleId === route.vehicleId)!;
    expect(routeOrderIds(after)).toEqual(rest);
    expect(state.scenario!.plan!.solution.check.violations.filter((v) => v.message.includes(gone))).toEqual([]);
    expect(state.planStatus).toBe('stale');
  });

  it('deleting a vehicle with a route makes its orders unassigned, saying why', () => {
    const { scenario: [state, actions] } = setup();
    const route = state.scenario!.plan!.solution.routes[0];
    actions.removeVehicles([route.vehicleId]);
    const solution = state.scenario!.plan!.solution;
    expect(solution.routes.map((r) => r.vehicleId)).not.toContain(route.vehicleId);
    for (const id of routeOrderIds(route)) expect(solution.unassigned).toContainEqual({ orderId: id, reason: VEHICLE_DELETED });
  });

  it('renaming an order or a vehicle id carries the plan along', () => {
    const { scenario: [state, actions] } = setup();
    const route = state.scenario!.plan!.solution.routes[0];
    const orderId = routeOrderIds(route)[0];
    const order = actions.snapshot()!.orders.find((o) => o.id === orderId)!;
    actions.replaceOrder(orderId, { ...order, id: 'renamed' });
    const vehicle = actions.snapshot()!.vehicles.find((v) => v.id === route.vehicleId)!;
    actions.updateVehicle(vehicle.id, { ...vehicle, id: 'van-x' });
    const after = state.scenario!.plan!.solution.routes.find((r) => r.vehicleId === 'van-x')!;
    expect(routeOrderIds(after)).toContain('renamed');
  });

  it('bulk-edits a column (every vehicle shift) in one undoable step', async () => {
    const { scenario: [state, actions], edit: [editState, edit] } = setup();
    const ids = state.scenario!.vehicles.map((v) => v.id);
    actions.updateVehicles(ids, (v) => ({ ...v, shift: { start: 420, end: 960 } }));
    await flushMicrotasks();
    expect(state.scenario!.vehicles.every((v) => v.shift.start === 420 && v.shift.end === 960)).toBe(true);
    expect(editState.undoCount).toBe(1);
    edit.undo();
    expect(state.scenario!.vehicles.some((v) => v.shift.start !== 420)).toBe(true);
  });

  it('changes the date without making the plan stale', () => {
    const { scenario: [state, actions] } = setup();
    actions.setDate('2026-12-24');
    expect(state.scenario?.settings.date).toBe('2026-12-24');
    expect(state.planStatus).toBe('valid');
    expect(state.changes).toBe(1);
  });

  it('keeps nothing a caller handed in, nor anything an undo step holds: later changes in place reach neither', async () => {
    const { scenario: [state, actions], edit: [, edit] } = setup();
    const order = { ...actions.snapshot()!.orders[0], customerName: 'Handed in' };
    actions.replaceOrder(order.id, order);
    await flushMicrotasks();
    // The caller's object changed afterwards: the stored order is its own copy.
    order.customerName = 'Changed by the caller';
    order.serviceMinutes = 99;
    expect(state.scenario!.orders[0].customerName).toBe('Handed in');
    expect(state.scenario!.orders[0].serviceMinutes).not.toBe(99);
    // A change made in place in the store (as setSolverOptions does) after the edit does not reach the undo step.
    const solverBefore = actions.snapshot()!.settings.solver;
    actions.setSolverOptions({ timeLimitS: 77 });
    edit.undo();
    await flushMicrotasks();
    expect(state.scenario!.orders[0].customerName).not.toBe('Handed in');
    expect(actions.snapshot()!.settings.solver).toEqual(solverBefore);
    edit.redo();
    await flushMicrotasks();
    expect(state.scenario!.orders[0].customerName).toBe('Handed in');
  });

  it('an edit reads the store\'s text of the scenario: an order read from the store (a proxy) is stored plain', async () => {
    const { scenario: [state, actions] } = setup();
    const proxy = state.scenario!.orders[1];
    actions.addOrder({ ...proxy, id: 'copy-of-1', timeWindows: proxy.timeWindows });
    await flushMicrotasks();
    const added = actions.current()!.orders.find((o) => o.id === 'copy-of-1')!;
    expect(added.timeWindows).toEqual(actions.current()!.orders[1].timeWindows);
    expect(added.timeWindows).not.toBe(actions.current()!.orders[1].timeWindows);
    expect(JSON.parse(actions.textWithoutPlan()!).orders.some((o: { id: string }) => o.id === 'copy-of-1')).toBe(true);
  });
});
