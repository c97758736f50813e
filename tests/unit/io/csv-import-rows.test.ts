// From table rows to orders and vehicles: every invalid row names its row number,
// field and reason; nothing is dropped; custom columns are kept in `extra`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Order, Vehicle } from '../../../web/src/domain/scenario';
import { autoMatch, fieldsFor } from '../../../web/src/io/column-map';
import { parseCsv } from '../../../web/src/io/csv';
import { guessKind, mergeIntoScenario, readRows, type RowContext } from '../../../web/src/io/import-rows';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

const fixture = (name: string) => readFileSync(resolve('tests/fixtures/csv', name), 'utf8');
const scenario = makeMiniScenario();

async function read(name: string, overrides: Partial<RowContext> = {}) {
  const table = await parseCsv(fixture(name));
  const kind = guessKind(table.headers);
  const ctx: RowContext = {
    kind, targets: autoMatch(table.headers, fieldsFor(kind, scenario.settings.capacityUnits)), timeFormats: {},
    capacityUnits: scenario.settings.capacityUnits, existingIds: new Set(), idPrefix: 'file', depots: scenario.depots,
    ...overrides,
  };
  return { table, ctx, rows: readRows(table, ctx) };
}

const messages = (rows: Awaited<ReturnType<typeof read>>['rows']) =>
  rows.flatMap((r) => r.issues.map((i) => `row ${r.rowNumber}, ${i.field}: ${i.message}`));

describe('readRows (orders)', () => {
  it('fills missing service minutes from the scenario\'s service-type catalogue (base + per item)', async () => {
    const settings = { ...scenario.settings, itemUnit: 'items', serviceTypes: { curbside: { label: 'Threshold / curbside', baseMinutes: 8, minutesPerItem: 2, crewSize: 1, skills: [], pickup: 'none' as const, priorityBoost: 0 } } };
    const { rows } = await read('orders-odd-headers.csv', { settings });
    const byId = new Map(rows.flatMap((r) => (r.value ? [[(r.value as Order).id, r.value as Order]] : [])));
    expect(byId.get('FM-2002')!.serviceMinutes).toBe(8 + 2 * 1); // no stop time in the file, one item
    expect(byId.get('FM-2001')!.serviceMinutes).toBe(12); // the file's own value wins
  });

  it('reads a file with unfamiliar headers and lists each bad row with row number, field and reason', async () => {
    const { rows } = await read('orders-odd-headers.csv');
    expect(rows).toHaveLength(12);
    expect(messages(rows)).toEqual([
      'row 4, lat: latitude must be ≤ 90',
      'row 6, lat/lng: no coordinates yet: geocode the address or place it on the map',
      "row 8, serviceType: unknown service type 'express' (use one of: curbside, room-of-choice, white-glove, installation, haul-away, return, re-delivery)",
    ]);
    expect(rows.filter((r) => r.value)).toHaveLength(9);
  });

  it('fills orders from the mapped columns, with defaults and custom fields', async () => {
    const { rows } = await read('orders-odd-headers.csv');
    const first = rows[0].value as Order;
    expect(first).toEqual({
      id: 'FM-2001', customerName: 'Chloé Bernard', address: '12 Rue Mercière; Lyon 2e', lat: 45.76201, lng: 4.83312,
      serviceType: 'room-of-choice', serviceMinutes: 12, amounts: [35.5, 2], timeWindows: [{ start: 540, end: 660 }], priority: 2,
      notes: 'Call 10 min before, "blue door"', phone: '+33 4 78 00 00 01', email: 'chloe@example.com', extra: { Floor: '3', 'Gate code': '4821A' },
    });
    // No service minutes given: the service type's default.
    expect((rows[1].value as Order).serviceMinutes).toBe(5);
    expect((rows[1].value as Order).timeWindows).toEqual([{ start: 420, end: 570 }]);
  });

  it('joins a first-name and a last-name column into the customer name', async () => {
    const table = await parseCsv('Order ID,First Name,Last Name,Latitude,Longitude,Contact Number,Customer Note\nA1,Ada,Lovelace,51.5,-0.12,+44 20 7946 0000,Ring twice\nA2,,Turing,51.6,-0.1,,\nA3,Grace,,51.4,-0.2,,');
    const targets = autoMatch(table.headers, fieldsFor('orders', scenario.settings.capacityUnits));
    expect(targets).toEqual(['id', 'customerName', 'customerLastName', 'lat', 'lng', 'phone', 'notes']);
    const rows = readRows(table, {
      kind: 'orders', targets, timeFormats: {}, capacityUnits: scenario.settings.capacityUnits, existingIds: new Set(), idPrefix: 'file', depots: scenario.depots,
    });
    expect(rows.map((r) => r.issues)).toEqual([[], [], []]);
    expect(rows.map((r) => (r.value as Order).customerName)).toEqual(['Ada Lovelace', 'Turing', 'Grace']);
    expect((rows[0].value as Order).phone).toBe('+44 20 7946 0000');
    expect((rows[0].value as Order).notes).toBe('Ring twice');
    // Service minutes written with a unit, in English or German.
    const timed = await parseCsv('Order,Latitude,Longitude,Service time\nB1,51.5,-0.12,15 min\nB2,51.5,-0.12,1:30\nB3,51.5,-0.12,20 Minuten');
    const timedRows = readRows(timed, {
      kind: 'orders', targets: autoMatch(timed.headers, fieldsFor('orders', scenario.settings.capacityUnits)), timeFormats: {}, capacityUnits: scenario.settings.capacityUnits,
      existingIds: new Set(), idPrefix: 'file', depots: scenario.depots,
    });
    expect(timedRows.map((r) => [r.issues, (r.value as Order).serviceMinutes])).toEqual([[[], 15], [[], 90], [[], 20]]);
    expect(autoMatch(['Pedido', 'Nombre', 'Apellidos'], fieldsFor('orders', []))).toEqual(['id', 'customerName', 'customerLastName']);
    expect(autoMatch(['Auftrag', 'Vorname', 'Nachname'], fieldsFor('orders', []))).toEqual(['id', 'customerName', 'customerLastName']);
  });

  it('flags ids used twice in the file or already in the scenario (append)', async () => {
    const { table, ctx } = await read('orders-odd-headers.csv');
    table.rows[1][0] = 'FM-2001';
    const rows = readRows(table, { ...ctx, existingIds: new Set(['FM-2004']) });
    expect(messages(rows)).toContain("row 3, id: id 'FM-2001' is used twice (also row 2)");
    expect(messages(rows)).toContain("row 5, id: id 'FM-2004' already exists in this scenario");
  });

  it('re-reads a fixed row as valid, and skips removed rows without losing the others', async () => {
    const { table, ctx } = await read('orders-odd-headers.csv');
    table.rows[2][3] = '45,76088';
    const rows = readRows(table, ctx, new Set([4]));
    expect(rows).toHaveLength(11);
    expect(messages(rows)).toEqual([expect.stringMatching(/^row 8, serviceType/)]);
  });

  it('generates ids from the file name when no column holds them, and names half coordinates', async () => {
    const { table, ctx } = await read('orders-odd-headers.csv');
    table.rows[0][4] = '';
    const targets = ctx.targets.map((t) => (t === 'id' ? 'ignore' : t));
    const rows = readRows(table, { ...ctx, targets });
    expect(rows[0].issues).toEqual([{ field: 'lng', column: 4, message: 'longitude is missing' }]);
    expect(rows[1].value?.id).toBe('file-3');
  });
});

describe('readRows (vehicles)', () => {
  it('reads vehicles with only what the file says: costs it leaves out are zero, the one depot is the start', async () => {
    const { rows, ctx } = await read('vehicles.csv');
    expect(ctx.kind).toBe('vehicles');
    const van = rows[0].value as Vehicle;
    expect(van).toEqual({
      id: 'VAN-A', name: 'Marc', type: 'van', capacity: [800, 20], startDepotId: 'hub', endDepotId: 'hub',
      shift: { start: 450, end: 990 }, speedFactor: 1, costs: { fixed: 0, perKm: 0.35, perHour: 0 },
    });
  });

  it('reads "1.000" as a thousand in a file written with decimal commas, and as one in a file with decimal points', async () => {
    const read = async (text: string) => {
      const table = await parseCsv(text);
      const targets = autoMatch(table.headers, fieldsFor('vehicles', scenario.settings.capacityUnits));
      return readRows(table, { kind: 'vehicles', targets, timeFormats: {}, capacityUnits: scenario.settings.capacityUnits, existingIds: new Set(), idPrefix: 'file', depots: scenario.depots })
        .map((r) => [(r.value as Vehicle).capacity[0], (r.value as Vehicle).costs.perKm]);
    };
    expect(await read('Kenteken;Laadvermogen (kg);Kosten per km;Dienstbeginn\nA;750;0,38;7.30\nB;1.000;0,4;7.30')).toEqual([[750, 0.38], [1000, 0.4]]);
    expect(await read('Vehicle,Capacity kg,Cost per km\nA,750,0.38\nB,1.000,0.4')).toEqual([[750, 0.38], [1, 0.4]]);
  });

  it('reads a UK fleet file: registration, finish time, drops, and a cost per mile read per km', async () => {
    const table = await parseCsv('Reg,Driver,Max Weight (kg),Start Time,Finish Time,Depot,Cost per Mile,Hourly Rate,Max Drops\nAB12 CDE,Sam,900,07:00,16:30,Hub,0.65,14.5,40\nXY34 ZZZ,Kim,800,08:00,17:00,Hub,-1,14,\nLM56 OPQ,Lee,800,08:00,17:00,Hub,0.5,14,');
    const targets = autoMatch(table.headers, fieldsFor('vehicles', scenario.settings.capacityUnits));
    expect(targets).toEqual(['id', 'name', 'capacity:0', 'shiftStart', 'shiftEnd', 'startDepot', 'perMileCost', 'perHourCost', 'maxStops']);
    const ctx: RowContext = { kind: 'vehicles', targets, timeFormats: {}, capacityUnits: scenario.settings.capacityUnits, existingIds: new Set(), idPrefix: 'file', depots: scenario.depots };
    const rows = readRows(table, ctx);
    expect(rows[0].issues).toEqual([]);
    expect(rows[0].value).toMatchObject({ id: 'AB12 CDE', shift: { start: 420, end: 990 }, costs: { fixed: 0, perKm: 0.4039, perHour: 14.5 }, limits: { maxStops: 40 } });
    expect(messages(rows)).toEqual(['row 3, perMileCost: -1 is negative: a cost per mile is 0 or more']);
    // A row may not give both.
    const both = await parseCsv('Vehicle,Depot,Cost per km,Cost per mile\nV1,Hub,0.4,0.65');
    const bothRows = readRows(both, { ...ctx, targets: autoMatch(both.headers, fieldsFor('vehicles', scenario.settings.capacityUnits)) });
    expect(messages(bothRows)).toEqual(['row 2, perMileCost: the row gives a cost per km and a cost per mile: keep one of them']);
  });
});

describe('mergeIntoScenario', () => {
  it('appends and keeps the plan (now stale); replacing drops the plan', () => {
    const base = makeMiniScenario({ plan: makeMiniPlan() });
    const extra = { ...base.orders[0], id: 'new' };
    const appended = mergeIntoScenario(base, 'orders', 'append', [extra]);
    expect(appended.orders.map((o) => o.id)).toEqual(['o1', 'o2', 'o3', 'o4', 'new']);
    expect(appended.revision).toBe(base.revision + 1);
    expect(appended.plan).toBe(base.plan);
    const replaced = mergeIntoScenario(base, 'orders', 'replace', [extra]);
    expect(replaced.orders.map((o) => o.id)).toEqual(['new']);
    expect(replaced.plan).toBeNull();
  });
});

describe('guessKind', () => {
  const kind = (header: string) => guessKind(header.split(';'));
  it('takes a fleet in German, Spanish, Italian or Dutch for vehicles, as in English', () => {
    expect(kind('Name;Driver;Shift start;Shift end;Capacity kg;Skills;Crew size')).toBe('vehicles');
    expect(kind('Fahrzeug;Fahrer;Schichtbeginn;Schichtende;Kapazität kg;Fähigkeiten;Kosten pro km;Fixkosten')).toBe('vehicles');
    expect(kind('Vehículo;Conductor;Inicio turno;Fin turno;Capacidad kg;Habilidades')).toBe('vehicles');
    expect(kind('Veicolo;Autista;Inizio turno;Fine turno;Capacità kg')).toBe('vehicles');
    expect(kind('Kenteken;Chauffeur;Begin dienst;Einde dienst;Capaciteit kg')).toBe('vehicles');
  });

  it('takes a table with coordinates, addresses or customers for orders, whatever else it names', () => {
    expect(kind('Auftragsnummer;Kunde;Anschrift;Breitengrad;Längengrad;Von;Bis;Gewicht (kg);Fähigkeiten')).toBe('orders');
    expect(kind('Pedido;Cliente;Dirección;Latitud;Longitud;Desde;Hasta;Peso kg')).toBe('orders');
    // A driver column in an order list (who usually delivers there) does not make it a fleet.
    expect(kind('Order;Klant;Adres;Chauffeur;Tijdvak')).toBe('orders');
    expect(kind('Pedido;Vehículo;Latitud;Longitud')).toBe('orders');
    // Words both kinds use ("Nombre", "Habilidades") decide nothing: orders, the default.
    expect(kind('Nombre;Habilidades;Notas')).toBe('orders');
  });
});
