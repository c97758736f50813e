// The review's warnings: latitude and longitude that look swapped, orders far
// from every depot (with the distance), skills no vehicle can check.
import { describe, expect, it } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import type { Depot, Order, Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { farOrders, skillWarnings, swapHint } from '../../../web/src/io/import-checks';
import { readCsvText } from '../../helpers/import-table';

const portland: Depot = { id: 'pdx', name: 'Portland Central', lat: 45.53, lng: -122.67, open: 360, close: 1200 };
const scenario: Scenario = { ...makeBlankScenario('b', 'Blank', '2026-12-01'), depots: [portland] };

describe('swapped latitude and longitude', () => {
  it('is hinted when latitudes are beyond ±90 but longitudes would be valid latitudes', async () => {
    const { table, ctx } = await readCsvText('Id,Lat,Lng\na,-122.68,45.52\nb,-122.64,45.51', scenario);
    expect(swapHint(table, ctx.targets, [])).toBe('2 of 2 latitudes are beyond ±90° while their longitudes would be valid latitudes');
  });

  it('is hinted when the places would be near the depots only if swapped', async () => {
    // Both orders are valid as written (lat 4.8, lng 45.7: off Africa), but swapped they are in Lyon, next to the depot.
    const lyon: Depot = { id: 'lyon', name: 'Lyon', lat: 45.75, lng: 4.85, open: 0, close: 1440 };
    const { table, ctx } = await readCsvText('Id,Lat,Lng\na,4.83,45.76\nb,4.87,45.74', scenario);
    expect(swapHint(table, ctx.targets, [lyon])).toMatch(/^as written the places are typically [\d,]+ km from the nearest depot; swapped they would be \d km away$/);
  });

  it('stays silent for coordinates near the depots as written', async () => {
    const { table, ctx } = await readCsvText('Id,Lat,Lng\na,45.52,-122.68', scenario);
    expect(swapHint(table, ctx.targets, [portland])).toBeNull();
  });
});

describe('orders far from every depot', () => {
  it('names each order beyond 150 km with its distance and nearest depot', async () => {
    const { rows } = await readCsvText('Id,Lat,Lng\nnear,45.52,-122.68\nseattle,47.61,-122.33\nlyon,45.76,4.83', scenario);
    const lines = farOrders(rows, [portland]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^row 3 \(seattle\) is 23\d km from the nearest depot, Portland Central$/);
    expect(lines[1]).toMatch(/^row 4 \(lyon\) is 8,\d{3} km from the nearest depot, Portland Central$/);
  });
});

describe('skills no vehicle can check', () => {
  const order = (id: string, skills?: string[], serviceType: Order['serviceType'] = 'curbside'): Order => ({
    id, customerName: '', address: '', lat: 45.5, lng: -122.6, serviceType, serviceMinutes: 5, amounts: [1, 1], timeWindows: [],
    priority: 1, notes: '', phone: '', email: '', extra: {}, ...(skills ? { skills } : {}),
  });
  const vehicle = (id: string, crew?: Vehicle['crew'], features?: string[]): Vehicle => ({
    id, name: id, type: 'van', capacity: [null, null], startDepotId: 'pdx', endDepotId: 'pdx', shift: { start: 0, end: 1440 },
    speedFactor: 1, costs: { fixed: 0, perKm: 1, perHour: 0 }, ...(crew ? { crew } : {}), ...(features ? { features } : {}),
  });

  it('lists a skill or feature some order needs that no vehicle has, with the orders', () => {
    const s: Scenario = {
      ...scenario,
      orders: [order('o1', ['liftgate']), order('o2', undefined, 'white-glove'), order('o3', ['installer'])],
      vehicles: [vehicle('v1', { size: 2, skills: ['installer'] }), vehicle('v2', { size: 1, skills: [] }, ['hand-truck'])],
    };
    expect(skillWarnings(s)).toEqual([
      "No vehicle has the skill or feature 'liftgate', needed by 1 order (o1).",
      "No vehicle has the skill or feature 'white-glove', needed by 1 order (o2).",
    ]);
  });

  it('says which vehicles have no crew, so their skills would go unchecked', () => {
    const s: Scenario = { ...scenario, orders: [order('o1', ['installer'])], vehicles: [vehicle('v1', { size: 1, skills: ['installer'] }), vehicle('v2')] };
    expect(skillWarnings(s)).toEqual([expect.stringMatching(/^1 of 2 vehicles have no crew \(v2\): their crew size and skills are not checked/)]);
    expect(skillWarnings({ ...s, vehicles: [] })).toEqual([]);
  });
});
