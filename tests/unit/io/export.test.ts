// Exports: plan CSV (one row per stop, then orders left out, custom fields last,
// re-importable), GeoJSON feature counts and geometry, plan KPIs for comparison.
import { describe, expect, it } from 'vitest';
import { autoMatch, fieldsFor } from '../../../web/src/io/column-map';
import { parseCsv } from '../../../web/src/io/csv';
import { planCsv } from '../../../web/src/io/export-csv';
import { planGeoJson } from '../../../web/src/io/export-geojson';
import { planKpis } from '../../../web/src/io/export-kpis';
import { readRows } from '../../../web/src/io/import-rows';
import { layoutPlan } from '../../../web/src/io/export-rows';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';
import { makeShipmentScenario } from '../../fixtures/mini-shipment';

function planned() {
  const base = makeMiniScenario();
  base.orders[1].extra = { Floor: '3' };
  return { ...base, plan: makeMiniPlan(base) };
}

describe('plan CSV', () => {
  it('has one row per stop in route order, then the unassigned order with its reason', async () => {
    const table = await parseCsv(planCsv(planned()));
    const col = (name: string) => table.headers.indexOf(name);
    expect(table.headers.slice(0, 4)).toEqual(['Vehicle', 'Sequence', 'Order id', 'Name']);
    expect(table.headers.at(-1)).toBe('Floor');
    expect(table.rows.map((r) => [r[col('Vehicle')], r[col('Sequence')], r[col('Order id')], r[col('Status')]])).toEqual([
      ['Van 1', '1', 'o1', 'planned'], ['Van 1', '2', 'o2', 'planned'], ['Van 1', '3', 'o3', 'planned'], ['', '', 'o4', 'unassigned: capacity'],
    ]);
    expect(table.rows[0][col('Window')]).toBe('08:00-12:00');
    expect(table.rows[0][col('Arrival')]).toMatch(/^\d\d:\d\d$/);
    expect(table.rows[1][col('Floor')]).toBe('3');
  });

  it('imports back as the same orders, custom fields included', async () => {
    const scenario = planned();
    const table = await parseCsv(planCsv(scenario));
    const targets = autoMatch(table.headers, fieldsFor('orders', scenario.settings.capacityUnits));
    const rows = readRows(table, {
      kind: 'orders', targets, timeFormats: {}, capacityUnits: scenario.settings.capacityUnits, existingIds: new Set(),
      idPrefix: 'x', depots: scenario.depots,
    });
    const order = rows.find((r) => r.value?.id === 'o2')!.value as (typeof scenario.orders)[number];
    const { extra, ...rest } = order;
    const { extra: originalExtra, ...original } = scenario.orders[1];
    expect(rest).toEqual(original);
    expect(extra).toMatchObject(originalExtra);
  });

  it('lists every order as not planned when there is no plan', async () => {
    const table = await parseCsv(planCsv(makeMiniScenario()));
    expect(table.rows.map((r) => r[table.headers.indexOf('Status')])).toEqual(['not planned', 'not planned', 'not planned', 'not planned']);
  });
});

describe('plan GeoJSON', () => {
  it('has depots, one line per used route from depot to depot, stops and left-out orders as points', () => {
    const scenario = planned();
    const geo = planGeoJson(scenario);
    const kinds = geo.features.map((f) => f.properties.kind);
    expect(kinds.filter((k) => k === 'depot')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'route')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'stop')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'order')).toHaveLength(1);
    const line = geo.features.find((f) => f.properties.kind === 'route')!;
    expect(line.geometry.type).toBe('LineString');
    expect(line.geometry.coordinates).toHaveLength(5);
    expect(line.geometry.coordinates[0]).toEqual([4.85, 45.75]);
    const stop = geo.features.find((f) => f.properties.orderId === 'o2')!;
    expect(stop.geometry.coordinates).toEqual([4.84, 45.77]);
    expect(stop.properties).toMatchObject({ sequence: 2, vehicleName: 'Van 1', Floor: '3' });
  });
});

describe('planKpis', () => {
  it('sums the plan and counts on-time stops', () => {
    const kpis = planKpis(planned())!;
    expect(kpis).toMatchObject({ vehiclesUsed: 1, vehicleCount: 2, stops: 3, unassigned: 1, onTimeShare: 1, stale: false, checked: true });
    expect(kpis.cost).toBeGreaterThan(50);
    expect(planKpis(makeMiniScenario())).toBeNull();
    expect(kpis.unpriced).toBe(false);
  });

  it('marks the plan of a fleet that drives for free as unpriced (its cost reads "—" in the list and the comparison)', () => {
    const base = makeMiniScenario();
    const free = { ...base, vehicles: base.vehicles.map((v) => ({ ...v, costs: { fixed: 0, perKm: 0, perHour: 0 } })) };
    const kpis = planKpis({ ...free, plan: makeMiniPlan(free) })!;
    expect(kpis).toMatchObject({ cost: 0, unpriced: true, stops: 3 });
    expect(kpis.distanceKm).toBeGreaterThan(0);
  });
});

describe('exports of a plan with a shipment', () => {
  it('lays out a pickup row then a delivery row, and never lists the shipment as unplanned', () => {
    const layout = layoutPlan(makeShipmentScenario());
    expect(layout.routes[0].stops.map((s) => [s.sequence, s.stepType, s.order.id, s.place.address])).toEqual([
      [1, 'job', 'o1', 'o1 Rue Test, Lyon'], [2, 'pickup', 'o2', 'Shop, Lyon'], [3, 'delivery', 'o2', 'o2 Rue Test, Lyon'], [4, 'job', 'o3', 'o3 Rue Test, Lyon'],
    ]);
    expect(layout.unplanned).toEqual([]);
    expect(layout.unassigned.map((u) => u.order.id)).toEqual(['o4']);
  });

  it('writes one CSV row per stop with its stop type, the pickup row at the pickup place', async () => {
    const table = await parseCsv(planCsv(makeShipmentScenario()));
    const col = (name: string) => table.headers.indexOf(name);
    expect(table.rows.map((r) => [r[col('Sequence')], r[col('Order id')], r[col('Stop type')], r[col('Status')]])).toEqual([
      ['1', 'o1', 'job', 'planned'], ['2', 'o2', 'pickup', 'planned'], ['3', 'o2', 'delivery', 'planned'], ['4', 'o3', 'job', 'planned'],
      ['', 'o4', '', 'unassigned: capacity'],
    ]);
    const pickup = table.rows[1];
    expect([pickup[col('Address')], pickup[col('Lat')], pickup[col('Lng')], pickup[col('Window')], pickup[col('Service minutes')]]).toEqual(['Shop, Lyon', '45.755', '4.845', '08:00-16:40', '7']);
    expect(table.rows[2][col('Address')]).toBe('o2 Rue Test, Lyon');
    expect(table.rows.some((r) => r[col('Status')] === 'not planned')).toBe(false);
  });

  it('has a GeoJSON stop per pickup and delivery, the line passing the pickup place', () => {
    const geo = planGeoJson(makeShipmentScenario());
    const stops = geo.features.filter((f) => f.properties.kind === 'stop');
    expect(stops.map((f) => [f.properties.orderId, f.properties.stopType])).toEqual([['o1', 'job'], ['o2', 'pickup'], ['o2', 'delivery'], ['o3', 'job']]);
    expect(stops[1].geometry.coordinates).toEqual([4.845, 45.755]);
    expect(geo.features.filter((f) => f.properties.kind === 'order').map((f) => f.properties.orderId)).toEqual(['o4']);
    const line = geo.features.find((f) => f.properties.kind === 'route')!;
    expect(line.geometry.coordinates).toHaveLength(6);
    expect(line.geometry.coordinates[2]).toEqual([4.845, 45.755]);
  });

  it('counts a shipment as two stops and one order served', () => {
    expect(planKpis(makeShipmentScenario())).toMatchObject({ stops: 4, ordersServed: 3, unassigned: 1, vehiclesUsed: 1, onTimeShare: 1, checked: true });
  });
});
