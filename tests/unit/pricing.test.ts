// A fleet that drives for free (no cost per km, none per hour on any vehicle) is followed in km, not cost.
import { describe, expect, it } from 'vitest';
import { drivesFree, fleetDrivesFree, planMeasure } from '../../web/src/domain/pricing';

const costs = (fixed: number, perKm: number, perHour: number) => ({ costs: { fixed, perKm, perHour } });

describe('pricing of a fleet', () => {
  it('a vehicle drives for free with no price per km and none per hour, whatever its fixed cost', () => {
    expect(drivesFree(costs(0, 0, 0))).toBe(true);
    expect(drivesFree(costs(50, 0, 0))).toBe(true);
    expect(drivesFree(costs(0, 0.5, 0))).toBe(false);
    expect(drivesFree(costs(0, 0, 20))).toBe(false);
  });

  it('a fleet is followed in km only when every vehicle drives for free', () => {
    expect(planMeasure([costs(0, 0, 0), costs(80, 0, 0)])).toBe('km');
    expect(planMeasure([costs(0, 0, 0), costs(0, 1, 0)])).toBe('cost');
    expect(fleetDrivesFree([costs(0, 0, 0), costs(0, 0, 30)])).toBe(false);
    // No vehicles: nothing to measure in km; the cost is shown as it is.
    expect(planMeasure([])).toBe('cost');
  });
});
