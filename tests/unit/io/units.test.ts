// Units named in import headers: an amount in pounds read into a unit kept in
// kilograms is converted; a unit nothing is measured in yet takes the file's name.
import { describe, expect, it } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import type { Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { autoMatch, fieldsFor } from '../../../web/src/io/column-map';
import { conversionFor, convertAmount, durationUnitOf, headerUnit, importUnits, unmeasuredColumns } from '../../../web/src/io/units';
import { readCsvText } from '../../helpers/import-table';

const blank = (): Scenario => ({ ...makeBlankScenario('b', 'Blank', '2026-12-09'), depots: [{ id: 'hub', name: 'Hub', lat: 41.83, lng: -87.72, open: 0, close: 1440 }] });
const truck = (id: string, kg: number | null): Vehicle => ({
  id, name: id, type: 'van', capacity: [kg, null], startDepotId: 'hub', endDepotId: 'hub', shift: { start: 360, end: 1080 },
  costs: { fixed: 0, perKm: 1, perHour: 0 },
} as Vehicle);

/** Reads a file as the import does with the units its headers name: every conversion applied (import-read.ts). */
async function readWithUnits(csv: string, scenario: Scenario, kind: 'orders' | 'vehicles') {
  const { readTable } = await import('../../../web/src/io/import-rows');
  const plain = await readCsvText(csv, scenario, kind);
  const units = importUnits(plain.table.headers, plain.ctx.targets, scenario, kind, false);
  const conversions = Object.fromEntries([...units.conversions, ...units.durations, ...units.distances, ...units.rates].map((c) => [c.key, c.factor]));
  return { units, plain, rows: readTable(plain.table, { ...plain.ctx, conversions }).rows };
}

describe('units in headers', () => {
  it('reads the unit a header names, in words or brackets, and none when it names two or none', () => {
    expect(['Weight (lbs)', 'Capacity lb', 'Gewicht kg', 'Poids (kilogrammes)', 'Volume (m³)', 'Cube (cu ft)', 'Volume ft³', 'Load litres', 'Weight'].map((h) => headerUnit(h)?.name ?? null))
      .toEqual(['lb', 'lb', 'kg', 'kg', 'm3', 'ft3', 'ft3', 'l', null]);
    expect(headerUnit('Weight kg / lbs')).toBeNull();
    // A bare "ton" may be a US short ton or a metric one: not converted.
    expect(headerUnit('Payload (tons)')).toBeNull();
  });

  it('converts within a kind of unit only', () => {
    expect(conversionFor('Weight (lbs)', 'kg')?.factor).toBeCloseTo(0.45359237, 9);
    expect(conversionFor('Capacity (kg)', 'lb')?.factor).toBeCloseTo(2.20462262, 7);
    expect(conversionFor('Volume (l)', 'm3')?.factor).toBeCloseTo(0.001, 12);
    expect(conversionFor('Payload t', 'kg')?.factor).toBe(1000);
    expect(conversionFor('Weight (lbs)', 'items')).toBeNull();
    expect(conversionFor('Weight (kg)', 'KG')).toBeNull();
    expect(conversionFor('Volume (m³)', 'kg')).toBeNull();
    expect(convertAmount(4500, 0.45359237)).toBe(2041.166);
  });

  it('renames a unit nothing is measured in yet; converts into one in use', () => {
    const headers = ['Truck', 'Capacity (lbs)'];
    const targets = autoMatch(headers, fieldsFor('vehicles', ['kg', 'items']));
    expect(targets).toEqual(['id', 'capacity:0']);
    const fresh = importUnits(headers, targets, blank(), 'vehicles', false);
    expect(fresh).toEqual({ capacityUnits: ['lb', 'items'], renamed: [{ from: 'kg', to: 'lb', header: 'Capacity (lbs)' }], conversions: [], durations: [], distances: [], rates: [] });
    // A fleet already holds kilograms: appended trucks in pounds are converted; replacing that fleet renames.
    const fleet = { ...blank(), vehicles: [truck('T1', 1000)] };
    expect(importUnits(headers, targets, fleet, 'vehicles', false)).toMatchObject({ capacityUnits: ['kg', 'items'], renamed: [], conversions: [{ key: 'capacity:0', from: 'lb', to: 'kg' }] });
    expect(importUnits(headers, targets, fleet, 'vehicles', true).renamed).toHaveLength(1);
    // Orders are measured in the fleet's unit: an order file in pounds is converted, its pickups too.
    const orderHeaders = ['Order', 'Lat', 'Lng', 'Weight (lbs)', 'Pickup amount kg'];
    const orderTargets = ['id', 'lat', 'lng', 'amount:0', 'pickupAmount:0'] as const;
    expect(importUnits(orderHeaders, [...orderTargets], fleet, 'orders', false).conversions.map((c) => [c.key, c.from, c.to])).toEqual([['amount:0', 'lb', 'kg']]);
    const onLb = importUnits(orderHeaders, [...orderTargets], blank(), 'orders', false);
    expect(onLb.capacityUnits[0]).toBe('lb');
    expect(onLb.conversions.map((c) => [c.key, c.from, c.to])).toEqual([['pickupAmount:0', 'kg', 'lb']]);
  });

  it('names the columns kept without a rule whose unit no capacity unit measures', () => {
    const headers = ['Auftrag', 'Gewicht (kg)', 'Volumen (m³)', 'Länge (cm)', 'Notiz'];
    const targets = ['id', 'amount:0', 'extra', 'extra', 'extra'];
    expect(unmeasuredColumns(headers, targets, ['kg', 'items'])).toEqual([{ header: 'Volumen (m³)', unit: 'm3' }]);
    // A volume unit in the scenario (litres): the column is its kind's, not unmeasured.
    expect(unmeasuredColumns(headers, targets, ['kg', 'l'])).toEqual([]);
    // Matched columns are never listed.
    expect(unmeasuredColumns(headers, ['id', 'amount:0', 'amount:1', 'extra', 'extra'], ['kg', 'items'])).toEqual([]);
  });

  it('reads the rows with the conversion: 4,500 lb of capacity is 2,041.166 kg', async () => {
    const fleet = { ...blank(), vehicles: [truck('T1', 1000)] };
    const csv = 'Truck,Capacity (lbs)\nTRK-01,4500\nTRK-02,\n';
    const plain = await readCsvText(csv, fleet, 'vehicles');
    const units = importUnits(plain.table.headers, plain.ctx.targets, fleet, 'vehicles', false);
    const { readTable } = await import('../../../web/src/io/import-rows');
    const read = readTable(plain.table, { ...plain.ctx, conversions: Object.fromEntries(units.conversions.map((c) => [c.key, c.factor])) });
    expect(read.rows.map((r) => [(r.value as Vehicle).id, (r.value as Vehicle).capacity])).toEqual([['TRK-01', [2041.166, null]], ['TRK-02', [null, null]]]);
    // Without it the pounds were taken as kilograms.
    expect((plain.rows[0].value as Vehicle).capacity[0]).toBe(4500);
  });
});

describe('durations in seconds or hours', () => {
  it('reads the unit a duration header names by its last word, minutes by default', () => {
    expect(['Service time (sec)', 'Service Time (seconds)', 'Duration (s)', 'Stop duration sec', 'Servicezeit (Sek.)', 'Max duration (h)', 'Max driving time (hours)', 'Max hours', 'Arbeitszeit Std', 'Service minutes', 'Service time', 'Service time (min)', 'Driver\'s max duration']
      .map((h) => durationUnitOf(h))).toEqual(['seconds', 'seconds', 'seconds', 'seconds', 'seconds', 'hours', 'hours', 'hours', 'hours', null, null, null, null]);
  });

  it('converts bare numbers of such a column to minutes, and reads a cell that writes its unit as written', async () => {
    // 300 seconds of service were read as 300 minutes, a driving limit of 9 hours as 9 minutes.
    const scenario = blank();
    const read = (csv: string, kind: 'orders' | 'vehicles') => readWithUnits(csv, scenario, kind);
    const orders = await read('Order,Lat,Lng,Service time (sec)\nA,41.8,-87.7,300\nB,41.8,-87.7,90\nC,41.8,-87.7,15 min\nD,41.8,-87.7,PT10M\n', 'orders');
    expect(orders.units.durations).toEqual([{ key: 'serviceMinutes', header: 'Service time (sec)', unit: 'seconds', factor: 1 / 60 }]);
    expect(orders.rows.map((r) => (r.value as { serviceMinutes: number }).serviceMinutes)).toEqual([5, 2, 15, 10]);
    expect((orders.plain.rows[0].value as { serviceMinutes: number }).serviceMinutes).toBe(300);
    const fleet = await read('Vehicle,Shift,Max driving time (hours),Max duration (h),Break minutes\nV1,07:00-17:00,9,9:30,30\nV2,07:00-17:00,7.5,10,45\n', 'vehicles');
    expect(fleet.units.durations.map((d) => [d.key, d.unit])).toEqual([['maxDrivingMinutes', 'hours'], ['maxDurationMinutes', 'hours']]);
    // "Break minutes" names minutes: as written.
    expect(fleet.rows.map((r) => [(r.value as Vehicle).limits, (r.value as Vehicle).breaks?.map((b) => b.minutes)])).toEqual([
      [{ maxDurationMinutes: 570, maxDrivingMinutes: 540 }, [30]],
      [{ maxDurationMinutes: 600, maxDrivingMinutes: 450 }, [45]],
    ]);
  });
});

describe('distances in miles', () => {
  it('converts a distance limit in miles to km, by its header or its cell', async () => {
    // "Max distance (miles)" of 120 was read as 120 km.
    const scenario = blank();
    const { units, rows } = await readWithUnits('Vehicle,Shift,Max distance (miles)\nV1,07:00-17:00,120\nV2,07:00-17:00,190 km\nV3,07:00-17:00,80 mi\nV4,07:00-17:00,3 laps\n', scenario, 'vehicles');
    expect(units.distances).toEqual([{ key: 'maxDistanceKm', header: 'Max distance (miles)', unit: 'miles', factor: 1.609344 }]);
    expect(rows.map((r) => (r.value ? (r.value as Vehicle).limits?.maxDistanceKm : r.issues[0].message))).toEqual([193.121, 190, 128.748, "'3 laps' is in laps, not in km or miles"]);
    // "Max miles" names the field and its unit.
    const short = await readCsvText('Vehicle,Max miles\nV1,100\n', scenario, 'vehicles');
    expect(importUnits(short.table.headers, short.ctx.targets, scenario, 'vehicles', false).distances.map((d) => d.key)).toEqual(['maxDistanceKm']);
  });
});

describe('cost rates per hour or per minute', () => {
  it('converts a rate per hour in a field kept per minute, and one per minute in the field kept per hour', async () => {
    // "Overtime cost per hour" of 30 was kept aside (the cost dropped); "Late cost per hour" of 60 was read as 60 a minute.
    const scenario = blank();
    const read = (csv: string, kind: 'orders' | 'vehicles') => readWithUnits(csv, scenario, kind);
    const fleet = await read('Vehicle,Shift,Overtime cost per hour,Max overtime (h),Cost per minute\nV1,07:00-17:00,30,1.5,0.5\nV2,07:00-17:00,$25,2,0.4\n', 'vehicles');
    expect(fleet.units.rates.map((r) => [r.key, r.per])).toEqual([['overtimeCostPerMinute', 'hour'], ['perHourCost', 'minute']]);
    expect(fleet.rows.map((r) => [(r.value as Vehicle).overtime, (r.value as Vehicle).costs.perHour])).toEqual([
      [{ maxMinutes: 90, costPerMinute: 0.5 }, 30],
      [{ maxMinutes: 120, costPerMinute: 0.416667 }, 24],
    ]);
    const orders = await read('Order,Lat,Lng,Late cost per hour,Max late (min)\nA,41.8,-87.7,60,30\n', 'orders');
    expect((orders.rows[0].value as { lateness?: unknown }).lateness).toEqual({ maxMinutes: 30, costPerMinute: 1 });
    // A header that names the field's own rate, or none, is read as written.
    expect(['Late cost per minute', 'Late cost', 'Overtime cost'].map((h) => importUnits([h], [h.startsWith('Late') ? 'latenessCost' : 'overtimeCostPerMinute'], scenario, 'orders', false).rates)).toEqual([[], [], []]);
  });
});

describe('units in cells', () => {
  it('reads "12 kg", "25 lbs", "3 pcs" in an amount column and "$0.65" in a cost column; names what it cannot', async () => {
    const { amountWithUnit, amountOfPrice } = await import('../../../web/src/io/units');
    expect(amountWithUnit('12 kg', 'kg')).toEqual({ ok: true, value: 12 });
    expect(amountWithUnit('1200kg', 'kg')).toEqual({ ok: true, value: 1200 });
    expect(amountWithUnit('25 lbs', 'kg')).toEqual({ ok: true, value: 11.34 });
    expect(amountWithUnit('12,5 kg', 'kg', true)).toEqual({ ok: true, value: 12.5 });
    expect(amountWithUnit('3 pcs', 'items')).toEqual({ ok: true, value: 3 });
    expect(amountWithUnit('3 pallets', 'items')).toEqual({ ok: false, message: "'3 pallets' is in pallets, not in items" });
    expect(amountWithUnit('12', 'kg')).toBeNull();
    expect(amountWithUnit('heavy', 'kg')).toBeNull();
    expect(amountOfPrice('$0.65')).toEqual({ ok: true, value: 0.65 });
    expect(amountOfPrice('12,50 €', true)).toEqual({ ok: true, value: 12.5 });
    expect(amountOfPrice('12')).toBeNull();
    // Per what the column prices.
    expect(amountOfPrice('0,35 €/km', true)).toEqual({ ok: true, value: 0.35 });
    expect(amountOfPrice('$18/hr')).toEqual({ ok: true, value: 18 });
    expect(amountOfPrice('0,35/km')).toBeNull();
  });

  it('reads such cells through an import, the header\'s conversion applied to bare numbers only', async () => {
    const fleet = { ...blank(), vehicles: [truck('T1', 1000)] };
    const { rows, issueLines: lines } = await (async () => {
      const read = await readCsvText('Truck,Capacity (lbs),Cost per hour\nA,4500,$32.50\nB,2000 kg,20\nC,4500 lbs,\nD,3 pallets,\n', fleet, 'vehicles');
      const units = importUnits(read.table.headers, read.ctx.targets, fleet, 'vehicles', false);
      const { readTable } = await import('../../../web/src/io/import-rows');
      const { issueLines } = await import('../../helpers/import-table');
      const again = readTable(read.table, { ...read.ctx, conversions: Object.fromEntries(units.conversions.map((c) => [c.key, c.factor])) });
      return { rows: again.rows, issueLines: issueLines(again.rows) };
    })();
    expect(rows.slice(0, 3).map((r) => [(r.value as Vehicle).id, (r.value as Vehicle).capacity[0], (r.value as Vehicle).costs.perHour])).toEqual([
      ['A', 2041.166, 32.5], ['B', 2000, 20], ['C', 2041.166, 0],
    ]);
    expect(lines).toEqual(["row 5, capacity:0: '3 pallets' is in pallets, not in kg"]);
  });
});
