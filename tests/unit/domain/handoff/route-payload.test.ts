// buildDriverRoute (issue #13): a real route of the demo handed off from the plan
// (order, times, windows, service type names, items, customer, depots, break),
// a shipment's two stops, and a dispatched day's route timed by the live prediction.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveDayState } from '../../../../web/src/domain/day/day-state';
import { predictDay } from '../../../../web/src/domain/day/eta';
import type { DayEvent } from '../../../../web/src/domain/day/events';
import { buildDriverRoute, itemsText } from '../../../../web/src/domain/handoff/route-payload';
import type { Scenario } from '../../../../web/src/domain/scenario';
import { isOrderStep } from '../../../../web/src/domain/solution';
import { validateScenario } from '../../../../web/src/domain/validate';
import { rebuildRoute } from '../../../../web/src/plan/rebuild-route';
import { smallScenario } from '../../../fixtures/small-scenario';

const demo = (): Scenario => {
  const result = validateScenario(JSON.parse(readFileSync(new URL('../../../../public/demo-scenario.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  return result.scenario;
};

/** Van 1 of the demo serving a mix of service types, a shipment (LYO-1020) among them; the walk fits the lunch break. */
const VAN_1_ORDERS = ['LYO-1001', 'LYO-1002', 'LYO-1003', 'LYO-1005', 'LYO-1006', 'LYO-1020', 'LYO-1012', 'LYO-1014', 'LYO-1009', 'LYO-1016'];

function demoPlan() {
  const scenario = demo();
  const route = rebuildRoute(scenario, 'van-1', VAN_1_ORDERS);
  return { scenario, route, plan: { solvedRevision: 7, solution: { routes: [route] } } };
}

describe('buildDriverRoute from a plan', () => {
  const { scenario, route, plan } = demoPlan();
  const driver = buildDriverRoute(scenario, plan, 'van-1')!;
  const orderSteps = route.steps.filter(isOrderStep);

  it('lists the stops in driving order, a shipment as its pickup then its delivery', () => {
    expect(driver.stops.map((s) => [s.order, s.side ?? 'job'])).toEqual(orderSteps.map((st) => [st.id, st.type]));
    const sides = driver.stops.filter((s) => s.order === 'LYO-1020').map((s) => s.side);
    expect(sides).toEqual(['pickup', 'delivery']);
  });

  it("times each stop at the plan's service start, in whole minutes as the manifest prints them", () => {
    expect(driver.stops.map((s) => s.eta)).toEqual(orderSteps.map((st) => Math.floor((st.arrivalS + st.waitS) / 60)));
    expect(driver.stops.map((s) => s.serviceMinutes)).toEqual(orderSteps.map((st) => st.serviceS / 60));
    expect(driver.start.departure).toBe(Math.floor(route.steps[0].departureS / 60));
    expect(driver.end.arrival).toBe(Math.floor(route.steps[route.steps.length - 1].arrivalS / 60));
  });

  it('carries the customer, phone, address, windows, notes and the service type display name', () => {
    const first = driver.stops[0];
    const order = scenario.orders.find((o) => o.id === first.order)!;
    expect(first).toMatchObject({ customerName: order.customerName, phone: order.phone, address: order.address, lat: order.lat, lng: order.lng, notes: order.notes, windows: order.timeWindows });
    const label = (id: string) => driver.stops.find((s) => s.order === id && s.side !== 'pickup')!.serviceType;
    expect([label('LYO-1001'), label('LYO-1002'), label('LYO-1005'), label('LYO-1006'), label('LYO-1012')])
      .toEqual(['Threshold / curbside', 'Room of choice', 'Installation', 'White glove', 'Re-delivery']);
  });

  it("serves a shipment's pickup at the pickup place with its windows", () => {
    const order = scenario.orders.find((o) => o.id === 'LYO-1020')!;
    const [pickup, delivery] = driver.stops.filter((s) => s.order === 'LYO-1020');
    expect(pickup).toMatchObject({ address: order.pickup!.address, lat: order.pickup!.lat, windows: order.pickup!.timeWindows, serviceType: 'Pickup', items: 'collect 28 kg, 1 items' });
    expect(delivery).toMatchObject({ address: order.address, windows: order.timeWindows, items: '28 kg, 1 items' });
  });

  it('writes items from the amounts and capacity units: delivered, collected (return), both (haul-away)', () => {
    const items = (id: string) => driver.stops.find((s) => s.order === id)!.items;
    const amounts = (id: string) => scenario.orders.find((o) => o.id === id)!.amounts;
    const [kg, n] = amounts('LYO-1001');
    expect(items('LYO-1001')).toBe(`${kg} kg, ${n} items`);
    const [rkg, rn] = amounts('LYO-1014');
    expect(items('LYO-1014')).toBe(`collect ${rkg} kg, ${rn} items`);
    // LYO-1003 hauls away less than it brings (its own pickup amounts).
    const [hkg, hn] = amounts('LYO-1003');
    const [pkg, pn] = scenario.orders.find((o) => o.id === 'LYO-1003')!.pickupAmounts!;
    expect([pkg, pn]).not.toEqual([hkg, hn]);
    expect(items('LYO-1003')).toBe(`${hkg} kg, ${hn} items · collect ${pkg} kg, ${pn} items`);
  });

  it('names the depots and the break, and identifies the hand-off by scenario, vehicle and plan revision', () => {
    const brk = route.steps.find((st) => st.type === 'break')!;
    expect(driver.breaks).toEqual([{ start: Math.floor((brk.arrivalS + brk.waitS) / 60), minutes: 30, label: 'lunch' }]);
    expect(driver.start).toMatchObject({ name: 'Hub Vénissieux', lat: scenario.depots[0].lat });
    expect(driver.end.name).toBe('Hub Vénissieux');
    expect(driver).toMatchObject({ type: 'fmp-route', version: 1, routeId: `${scenario.id}:van-1:7`, scenarioName: scenario.name, date: scenario.settings.date, vehicle: { id: 'van-1', name: 'Van 1' } });
  });

  it('gives null for a vehicle without a route or an unknown vehicle', () => {
    expect(buildDriverRoute(scenario, plan, 'van-2')).toBeNull();
    expect(buildDriverRoute(scenario, plan, 'nope')).toBeNull();
  });
});

describe('itemsText', () => {
  it('leaves zero amounts out and keeps two decimals of a fraction', () => {
    const s = smallScenario();
    const order = { ...s.orders[0], amounts: [0.333, 2] };
    expect(itemsText(s.settings, order, 'job')).toBe('0.33 kg, 2 items');
    expect(itemsText(s.settings, { ...order, amounts: [12.5, 0] }, 'job')).toBe('12.5 kg');
    expect(itemsText(s.settings, { ...order, amounts: [0, 0] }, 'job')).toBe('');
  });
});

describe('buildDriverRoute from a dispatched day', () => {
  const s = smallScenario();
  const route = rebuildRoute(s, 'v1', ['A', 'B', 'C', 'D']);
  const plan = { solvedRevision: 3, solution: { routes: [route] } };
  let n = 0;
  const ev = (e: Record<string, unknown>) => ({ id: `e${++n}`, ...e }) as unknown as DayEvent;
  const departS = route.steps[0].departureS;
  const events = [
    ev({ type: 'departed', vehicle: 'v1', at: departS / 60 }),
    ev({ type: 'delay', vehicle: 'v1', at: departS / 60 + 5, minutes: 60 }),
    ev({ type: 'order-cancelled', order: 'C', at: departS / 60 + 6 }),
  ];
  const state = deriveDayState(s, plan.solution as never, events);
  const prediction = predictDay(s, state, departS / 60 + 10);
  const driver = buildDriverRoute(s, plan, 'v1', { prediction, state })!;
  const predicted = prediction.routes[0];

  it("times the stops by the day's prediction (the delay pushes them), not the plan", () => {
    const byId = new Map(predicted.stops.map((p) => [p.orderId, p]));
    expect(driver.stops.map((x) => x.eta)).toEqual(driver.stops.map((x) => Math.floor(byId.get(x.order)!.startS! / 60)));
    const planned = new Map(route.steps.filter(isOrderStep).map((st) => [st.id, Math.floor((st.arrivalS + st.waitS) / 60)]));
    expect(driver.stops[0].eta).toBeGreaterThanOrEqual(planned.get('A')! + 60 - 1);
    expect(driver.end.arrival).toBe(Math.floor(predicted.endS / 60));
  });

  it('leaves a cancelled stop out and keeps the rest in order', () => {
    expect(driver.stops.map((x) => x.order)).toEqual(['A', 'B', 'D']);
  });
});
