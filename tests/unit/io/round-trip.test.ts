// Orders and vehicles exported as CSV and imported into a blank scenario give
// back the same orders, vehicles and depots: every rule, override and custom
// column survives (the demo, and a fleet with every vehicle field set).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import type { Order, Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { ordersCsv } from '../../../web/src/io/export-orders';
import { vehiclesCsv } from '../../../web/src/io/export-vehicles';
import { keptColumns } from '../../../web/src/io/import-checks';
import { mergeIntoScenario } from '../../../web/src/io/import-rows';
import { extraKeys } from '../../../web/src/io/export-rows';
import { upgradeScenario } from '../../../web/src/io/restore';
import { issueLines, readCsvText } from '../../helpers/import-table';

function demo(): Scenario {
  const read = upgradeScenario(JSON.parse(readFileSync(resolve('public/demo-scenario.json'), 'utf8')));
  if (!read.ok) throw new Error(read.message);
  return read.scenario;
}

/** Exports both files, imports them (vehicles first: they bring the depots) into a blank scenario with the same settings. */
async function roundTrip(source: Scenario): Promise<Scenario> {
  let target = makeBlankScenario('copy', 'Copy', source.settings.date, source.settings);
  const vehicles = await readCsvText(vehiclesCsv(source), target);
  expect(vehicles.ctx.kind).toBe('vehicles');
  expect(issueLines(vehicles.rows)).toEqual([]);
  target = mergeIntoScenario(target, 'vehicles', 'append', vehicles.rows.map((r) => r.value as Vehicle), vehicles.newDepots);
  const orders = await readCsvText(ordersCsv(source), target);
  expect(orders.ctx.kind).toBe('orders');
  expect(issueLines(orders.rows)).toEqual([]);
  // Only the custom fields are kept without a rule: every other column found its field.
  expect(keptColumns(orders.table, orders.ctx.targets)).toEqual(extraKeys(source.orders));
  return mergeIntoScenario(target, 'orders', 'append', orders.rows.map((r) => r.value as Order));
}

const strip = (s: Scenario) => ({ depots: s.depots, vehicles: s.vehicles, orders: s.orders });

describe('CSV round trip', () => {
  it('gives back the demo: windows, service types, overrides, amounts, pickups, shipments, lateness, crews, breaks, depots', async () => {
    const source = demo();
    expect(source.orders.some((o) => o.pickup) && source.orders.some((o) => o.lateness) && source.vehicles.some((v) => v.breaks)).toBe(true);
    expect(strip(await roundTrip(source))).toEqual(strip(source));
  });

  it('gives back a fleet with every vehicle field set, no-limit capacities, two depots and custom columns', async () => {
    const source = demo();
    const north = { id: 'north', name: 'Dépôt Nord, quai 3', lat: 45.8, lng: 4.84, open: 300, close: 1380 };
    source.depots.push(north);
    // A custom column some rows leave empty: a CSV cell cannot tell empty from absent, so empty is absent.
    source.orders = source.orders.map((o, i) => ({ ...o, extra: { Floor: String(i % 4), ...(i % 3 ? {} : { 'Gate code': `A${i}` }) } }));
    source.orders[0] = { ...source.orders[0], skills: [], crewSize: 3, priority: 10, timeWindows: [{ start: 1380, end: 1440 }] };
    const full: Vehicle = {
      id: 'full', name: 'Full "rules" van', type: 'ev-van', capacity: [1200.5, null], startDepotId: 'hub-venissieux', endDepotId: 'north',
      shift: { start: 390, end: 1260 }, speedFactor: 1.25, costs: { fixed: 99.5, perKm: 0.31, perHour: 41 },
      features: ['liftgate', 'refrigerated'], crew: { size: 3, skills: ['white-glove', 'installer'] },
      breaks: [
        { id: 'lunch', timeWindows: [{ start: 690, end: 780 }, { start: 800, end: 840 }], minutes: 45 },
        { id: 'coffee', timeWindows: [{ start: 930, end: 960 }], minutes: 10 },
      ],
      limits: { maxStops: 25, maxDurationMinutes: 600, maxDrivingMinutes: 420, maxDistanceKm: 180.5 },
      overtime: { maxMinutes: 90, costPerMinute: 1.5 }, extra: { Plate: 'AB-123-CD', 'Driver phone': '+33 6 00 00 00 00' },
    };
    const bare: Vehicle = {
      id: 'bare', name: 'Bare', type: 'van', capacity: [null, null], startDepotId: 'north', endDepotId: 'north', shift: { start: 0, end: 1440 },
      speedFactor: 1, costs: { fixed: 0, perKm: 0, perHour: 0 }, features: [], extra: {},
    };
    source.vehicles = [full, bare, ...source.vehicles.map((v) => ({ ...v, extra: { Plate: v.id.toUpperCase() } }))];
    expect(strip(await roundTrip(source))).toEqual(strip(source));
  });
});
