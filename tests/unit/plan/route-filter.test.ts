// The route filter (issue #15): name or id, any case; "only the selected route" wins; no filter shows all.
import { describe, expect, it } from 'vitest';
import { matchesRouteFilter, vehicleServing, visibleRouteIds } from '../../../web/src/plan/route-filter';
import type { Solution } from '../../../web/src/domain/solution';

const fleet = [{ id: 'van-1', name: 'Van North' }, { id: 'van-12', name: 'Box truck' }, { id: 'ev-3', name: 'EV van Sud' }];

describe('route filter', () => {
  it('matches part of the name or the id, in any case, ignoring surrounding spaces', () => {
    expect(matchesRouteFilter(fleet[0], ' north ')).toBe(true);
    expect(matchesRouteFilter(fleet[1], 'VAN-12')).toBe(true);
    expect(matchesRouteFilter(fleet[1], 'van north')).toBe(false);
    expect(matchesRouteFilter(fleet[2], '')).toBe(true);
  });

  it('shows every route (null) without a query or selection', () => {
    expect(visibleRouteIds(fleet, '   ', null)).toBeNull();
  });

  it('shows the matching routes for a query, and an empty set when none match', () => {
    expect([...visibleRouteIds(fleet, 'van', null)!].sort()).toEqual(['ev-3', 'van-1', 'van-12']);
    expect([...visibleRouteIds(fleet, 'truck', null)!]).toEqual(['van-12']);
    expect(visibleRouteIds(fleet, 'zzz', null)!.size).toBe(0);
  });

  it('shows only the selected route when asked, whatever the text', () => {
    expect([...visibleRouteIds(fleet, 'truck', 'ev-3')!]).toEqual(['ev-3']);
  });

  it('finds the vehicle serving an order of a plan', () => {
    const step = (type: string, id: string) => ({ type, id, arrivalS: 0, waitS: 0, serviceS: 0, departureS: 0 });
    const solution = { routes: [
      { vehicleId: 'van-1', steps: [step('start', 'd'), step('job', 'o1'), step('pickup', 'o2'), step('delivery', 'o2'), step('end', 'd')] },
      { vehicleId: 'van-12', steps: [step('start', 'd'), step('job', 'o3'), step('end', 'd')] },
    ] } as unknown as Solution;
    expect(['o1', 'o2', 'o3', 'o4', 'd'].map((id) => vehicleServing(solution, id))).toEqual(['van-1', 'van-1', 'van-12', null, null]);
    expect(vehicleServing(null, 'o1')).toBeNull();
  });
});
