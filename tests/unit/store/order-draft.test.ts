// The order form's draft (components/orders): text ⇄ order (location, windows,
// overrides, lateness), fields the form does not show kept, issues named by the
// form's labels, and bulk edit of a column through the same conversion.
import { describe, expect, it } from 'vitest';
import { applyBulk } from '../../../web/src/components/fleet/bulk-edit';
import { orderCodec, orderColumns } from '../../../web/src/components/orders/order-columns';
import { draftOfOrder, newOrderDraft, orderFromDraft, suggestedMinutes } from '../../../web/src/components/orders/order-draft';
import { filterOrders, orderStatuses, windowsText } from '../../../web/src/components/orders/order-rows';
import type { Order, Scenario } from '../../../web/src/domain/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

/** An order using every optional field, including ones the form does not show. */
function fullOrder(): Order {
  return {
    id: 'X-1', customerName: 'Ada', address: '1 Quai, Lyon', lat: 45.761234, lng: 4.831987, serviceType: 'installation', serviceMinutes: 75,
    amounts: [40, 2], timeWindows: [{ start: 480, end: 600 }, { start: 840, end: 960 }], priority: 7, notes: 'Ring <twice>', phone: '+33 1', email: 'a@b.c',
    extra: { Floor: '3' }, crewSize: 2, skills: ['installer', 'ladder'], pickupAmounts: [5, 1], lateness: { maxMinutes: 20, costPerMinute: 2 },
    failedOrderId: 'X-0', matrixIndex: 4,
  };
}

function scenarioWith(order: Order): Scenario {
  const s = makeMiniScenario();
  s.orders.push(order);
  return s;
}

describe('order draft', () => {
  it('gives back the same order when nothing was typed, unshown fields included', () => {
    const order = fullOrder();
    const scenario = scenarioWith(order);
    expect(orderFromDraft(draftOfOrder(order), scenario, order)).toEqual({ order, issues: [] });
    for (const o of makeMiniScenario().orders) expect(orderFromDraft(draftOfOrder(o), scenario, o).order).toEqual(o);
  });

  it('drops the travel-matrix row of an order moved elsewhere', () => {
    const order = fullOrder();
    const moved = orderFromDraft({ ...draftOfOrder(order), location: '45.7, 4.8' }, scenarioWith(order), order).order!;
    expect(moved).toMatchObject({ lat: 45.7, lng: 4.8, extra: { Floor: '3' } });
    expect(moved).not.toHaveProperty('matrixIndex');
  });

  it('reads a new order placed on the map: generated id, windows, blank overrides = the type\'s', () => {
    const scenario = makeMiniScenario();
    const draft = { ...newOrderDraft(scenario, { lat: 45.75, lng: 4.84 }), customerName: ' Bea ', amounts: ['12', '1'], windows: [{ start: '9:00', end: '11:30' }] };
    expect(draft.location).toBe('45.75, 4.84');
    const { order, issues } = orderFromDraft(draft, scenario);
    expect(issues).toEqual([]);
    expect(order).toEqual({
      id: 'order-5', customerName: 'Bea', address: '', lat: 45.75, lng: 4.84, serviceType: 'curbside', serviceMinutes: 5, amounts: [12, 1],
      timeWindows: [{ start: 540, end: 690 }], priority: 0, notes: '', phone: '', email: '', extra: {},
    });
  });

  it('suggests the catalogue minutes of the chosen service type', () => {
    const scenario = makeMiniScenario();
    expect(suggestedMinutes(scenario, { serviceType: 'installation', amounts: ['1', 'x'] })).toBe(60);
    scenario.settings.serviceTypes = { installation: { label: 'Install', baseMinutes: 20, minutesPerItem: 10, crewSize: 1, skills: [], pickup: 'none', priorityBoost: 0 } };
    expect(suggestedMinutes(scenario, { serviceType: 'installation', amounts: ['0', '3'] })).toBe(50);
  });

  it('names each bad field by its form label and saves nothing', () => {
    const scenario = makeMiniScenario();
    const draft = { ...newOrderDraft(scenario), id: 'o1', location: '145.2, 4.8', priority: '11', amounts: ['', '2'], windows: [{ start: '10:00', end: '09:00' }, { start: 'noon', end: '' }], lateCost: '1' };
    const { order, issues } = orderFromDraft(draft, scenario);
    expect(order).toBeNull();
    expect(issues.map((i) => `${i.label}: ${i.message}`)).toEqual([
      'Location: latitude 145.2 is outside -90…90 (latitude and longitude swapped?)',
      'Late allowance (min): enter the minutes late allowed, or clear the cost',
      'Amount (kg): enter a number',
      'Window 2 start: type a time as HH:MM, e.g. 08:30',
      'Window 2 end: enter a time as HH:MM',
      'Window 1 end: the window closes before it opens',
      'Priority: must be ≤ 10',
    ]);
    const fixed = orderFromDraft({ ...draft, location: '45.7, 4.8', priority: '3', amounts: ['1', '2'], windows: [], lateCost: '' }, scenario);
    expect(fixed.issues.map((i) => `${i.label}: ${i.message}`)).toEqual(["Id: another order already has id 'o1'"]);
  });
});

describe('order bulk edit', () => {
  const column = (s: Scenario, name: string) => orderColumns(s).find((c) => c.name === name)!;

  it('gives every selected order one window and a priority, nothing else changes', () => {
    const order = fullOrder();
    const scenario = scenarioWith(order);
    const picked = [scenario.orders[0], order];
    const codec = orderCodec(scenario);
    const window = applyBulk(picked, column(scenario, 'Window'), ['13:00', '15:00'], codec);
    expect(window.issues).toEqual([]);
    expect(window.changed.get('X-1')).toEqual({ ...order, timeWindows: [{ start: 780, end: 900 }] });
    expect(window.changed.get('o1')).toEqual({ ...scenario.orders[0], timeWindows: [{ start: 780, end: 900 }] });
    expect(applyBulk(picked, column(scenario, 'Window'), ['', ''], codec).changed.get('X-1')!.timeWindows).toEqual([]);
    expect(applyBulk(picked, column(scenario, 'Skills'), [''], codec).changed.get('X-1')).not.toHaveProperty('skills');
    expect(applyBulk(picked, column(scenario, 'Service type'), ['white-glove'], codec).changed.get('o1')!.serviceType).toBe('white-glove');
  });

  it('refuses a value no order can take, once, under its label', () => {
    const scenario = makeMiniScenario();
    const result = applyBulk(scenario.orders, column(scenario, 'Priority'), ['12'], orderCodec(scenario));
    expect(result).toEqual({ changed: new Map(), issues: [{ field: 'priority', label: 'Priority', message: 'must be ≤ 10' }] });
  });
});

describe('order codec and table rows', () => {
  it('still refuses an id another order has when a draft changes the id', () => {
    const scenario = makeMiniScenario();
    const codec = orderCodec(scenario);
    expect(codec.fromDraft({ ...draftOfOrder(scenario.orders[0]), id: 'o2' }, 'o1').issues).toEqual([{ field: 'id', label: 'Id', message: "another order already has id 'o2'" }]);
    expect(codec.fromDraft({ ...draftOfOrder(scenario.orders[0]), priority: '4' }, 'o1').value).toEqual({ ...scenario.orders[0], priority: 4 });
  });

  it('filters on every word in id, customer, address, type and notes, case-insensitively', () => {
    const scenario = scenarioWith(fullOrder());
    expect(filterOrders(scenario.orders, '').map((o) => o.id)).toEqual(['o1', 'o2', 'o3', 'o4', 'X-1']);
    expect(filterOrders(scenario.orders, 'customer O3').map((o) => o.id)).toEqual(['o3']);
    expect(filterOrders(scenario.orders, 'installation <twice>').map((o) => o.id)).toEqual(['X-1']);
    expect(filterOrders(scenario.orders, 'o1 o2')).toEqual([]);
  });

  it('gives each order its status on the plan and its windows as text', () => {
    const scenario = makeMiniScenario();
    expect(orderStatuses(scenario)('o1')).toBe('not planned');
    scenario.plan = makeMiniPlan(scenario);
    const status = orderStatuses(scenario);
    expect(['o1', 'o2', 'o3', 'o4'].map(status)).toEqual(['planned', 'planned', 'planned', 'unassigned']);
    expect(windowsText(fullOrder())).toBe('08:00–10:00, 14:00–16:00');
    expect(windowsText({ ...fullOrder(), timeWindows: [] })).toBe('any time');
  });
});
