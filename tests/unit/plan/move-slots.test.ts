// moveSlots: the positions Move to offers are among the route's orders (a shipment's two stops are one
// order), each named after the stop the moved order goes before, numbered as the map numbers stops.
import { describe, expect, it } from 'vitest';
import type { Route, Step } from '../../../web/src/domain/solution';
import { moveSlots } from '../../../web/src/plan/move-slots';
import { routeOrderIds, routeStops, withOrderAt } from '../../../web/src/plan/rebuild-route';
import type { Order } from '../../../web/src/domain/scenario';

const step = (type: Step['type'], id: string): Step => ({ type, id, arrivalS: 0, waitS: 0, serviceS: 0, departureS: 0, distanceM: 0, load: [0] });

const route = (steps: Step[]): Route => ({ vehicleId: 'v', steps, distanceM: 0, durationS: 0, drivingS: 0, waitingS: 0, serviceS: 0, cost: 0 });

const name = (id: string) => `Customer ${id.toUpperCase()}`;

describe('moveSlots', () => {
  it('names each position after the stop the order goes before, stop numbers as the map counts them', () => {
    // a, then shipment s (pickup and delivery: stops 2 and 4) around b, a break, then c.
    const r = route([step('start', 'depot'), step('job', 'a'), step('pickup', 's'), step('job', 'b'), step('delivery', 's'), step('break', 'lunch'), step('job', 'c'), step('end', 'depot')]);
    expect(moveSlots(r, 'x', name)).toEqual([
      { value: 0, label: '1 · before stop 1, Customer A' },
      { value: 1, label: '2 · before stop 2, Customer S' },
      { value: 2, label: '3 · before stop 3, Customer B' },
      { value: 3, label: '4 · before stop 5, Customer C' },
      { value: 4, label: '5 · last' },
    ]);
    // Values are positions among the orders the move counts (routeOrderIds), so they stay what the move takes.
    expect(routeOrderIds(r)).toEqual(['a', 's', 'b', 'c']);
  });

  it('names the stop a move to that position really puts the order before (rebuild-route.ts withOrderAt)', () => {
    const r = route([step('start', 'depot'), step('job', 'a'), step('pickup', 's'), step('job', 'b'), step('delivery', 's'), step('break', 'lunch'), step('job', 'c'), step('end', 'depot')]);
    const moved = { id: 'x' } as Order;
    const numbered = r.steps.filter((st) => st.type !== 'start' && st.type !== 'end' && st.type !== 'break');
    for (const slot of moveSlots(r, 'x', name)) {
      const after = withOrderAt(routeStops(r), moved, slot.value).filter((st) => st.type !== 'break');
      const next = after[after.findIndex((st) => st.id === 'x') + 1];
      const named = /before stop (\d+), Customer (\w+)$/.exec(slot.label);
      if (!named) { expect(next).toBeUndefined(); continue; }
      expect(next).toEqual({ type: numbered[Number(named[1]) - 1].type, id: named[2].toLowerCase() });
    }
  });

  it('leaves the moved order out of the positions of its own route', () => {
    const r = route([step('start', 'depot'), step('job', 'a'), step('job', 'b'), step('job', 'c'), step('end', 'depot')]);
    expect(moveSlots(r, 'b', name).map((s) => s.label)).toEqual(['1 · before stop 1, Customer A', '2 · before stop 3, Customer C', '3 · last']);
  });

  it('offers only the first position on an empty or unused route', () => {
    expect(moveSlots(null, 'a', name)).toEqual([{ value: 0, label: '1 · first' }]);
    expect(moveSlots(route([step('start', 'depot'), step('end', 'depot')]), 'a', name)).toEqual([{ value: 0, label: '1 · first' }]);
  });
});
