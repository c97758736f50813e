// moveSlots: the positions Move to offers are among the route's orders (a shipment's two stops are one
// order), each named after the stop it follows, numbered as the map numbers stops.
import { describe, expect, it } from 'vitest';
import type { Route, Step } from '../../../web/src/domain/solution';
import { moveSlots } from '../../../web/src/plan/move-slots';
import { routeOrderIds } from '../../../web/src/plan/rebuild-route';

const step = (type: Step['type'], id: string): Step => ({ type, id, arrivalS: 0, waitS: 0, serviceS: 0, departureS: 0, distanceM: 0, load: [0] });

const route = (steps: Step[]): Route => ({ vehicleId: 'v', steps, distanceM: 0, durationS: 0, drivingS: 0, waitingS: 0, serviceS: 0, cost: 0 });

const name = (id: string) => `Customer ${id.toUpperCase()}`;

describe('moveSlots', () => {
  it('names each position after the stop it follows, stop numbers as the map counts them', () => {
    // a, then shipment s (pickup and delivery: stops 2 and 4) around b, a break, then c.
    const r = route([step('start', 'depot'), step('job', 'a'), step('pickup', 's'), step('job', 'b'), step('delivery', 's'), step('break', 'lunch'), step('job', 'c'), step('end', 'depot')]);
    expect(moveSlots(r, 'x', name)).toEqual([
      { value: 0, label: '1 · first' },
      { value: 1, label: '2 · after stop 1, Customer A' },
      { value: 2, label: '3 · after stop 4, Customer S' },
      { value: 3, label: '4 · after stop 3, Customer B' },
      { value: 4, label: '5 · after stop 5, Customer C' },
    ]);
    // Values are positions among the orders the move counts (routeOrderIds), so they stay what the move takes.
    expect(routeOrderIds(r)).toEqual(['a', 's', 'b', 'c']);
  });

  it('leaves the moved order out of the positions of its own route', () => {
    const r = route([step('start', 'depot'), step('job', 'a'), step('job', 'b'), step('job', 'c'), step('end', 'depot')]);
    expect(moveSlots(r, 'b', name).map((s) => s.label)).toEqual(['1 · first', '2 · after stop 1, Customer A', '3 · after stop 3, Customer C']);
  });

  it('offers only the first position on an empty or unused route', () => {
    expect(moveSlots(null, 'a', name)).toEqual([{ value: 0, label: '1 · first' }]);
    expect(moveSlots(route([step('start', 'depot'), step('end', 'depot')]), 'a', name)).toEqual([{ value: 0, label: '1 · first' }]);
  });
});
