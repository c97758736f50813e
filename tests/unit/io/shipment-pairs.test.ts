// Pickups and their deliveries written as rows of their own, linked by a value they share ("S1 | Pickup" and
// "S1 | Delivery", as a job export writes a job's stops): each pair is one shipment, collected at the pickup row's
// place and delivered at the delivery row's by one vehicle, not a return to the depot and a drop from it.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCsv } from '../../../web/src/io/csv';
import { readTable } from '../../../web/src/io/import-rows';
import { shipmentPairs } from '../../../web/src/io/shipment-pairs';
import { detectStopSideColumn } from '../../../web/src/io/column-map';
import { shipmentNotes } from '../../../web/src/io/import-checks';
import type { Order } from '../../../web/src/domain/scenario';
import { createImportStore } from '../../../web/src/store/import';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniScenario } from '../../fixtures/mini-scenario';
import { issueLines, readCsvText } from '../../helpers/import-table';

const FILE = [
  'Shipment,Type,Customer,Phone,Address,Lat,Lng,Window,Service time,Weight kg',
  'S1,Pickup,Boulangerie Roux,0478000001,1 Shop St,45.76,4.84,09:00-10:00,4,',
  'S1,Delivery,Mme Petit,0600000001,9 Home Rd,45.75,4.85,11:00-13:00,6,12',
  'S2,Drop-off,M. Blanc,0600000002,7 Home Rd,45.74,4.86,12:00-14:00,5,3',
  'S2,Pick-up,Boulangerie Roux,0478000001,1 Shop St,45.76,4.84,09:30-11:00,,3',
  'S3,Delivery,Mme Noir,0600000003,3 Other Rd,45.73,4.87,,5,1',
].join('\n');

const orders = (rows: { value: unknown }[]) => rows.flatMap((r) => (r.value ? [r.value as Order] : []));

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));

describe('pickups and deliveries in rows of their own', () => {
  it('pairs each pickup row with its delivery row into one shipment, either row first', async () => {
    const { rows, shipments, table } = await readCsvText(FILE, makeMiniScenario());
    expect(table.headers[shipments!.link!]).toBe('Shipment');
    expect(issueLines(rows)).toEqual([]);
    const read = orders(rows);
    // Two shipments and the plain delivery: three orders from five rows.
    expect(read).toHaveLength(3);
    expect(rows.find((r) => r.rowNumber === 2)).toMatchObject({ value: null, pickupOf: 3 });
    expect(rows.find((r) => r.rowNumber === 5)).toMatchObject({ value: null, pickupOf: 4 });
    const [s1, s2, s3] = read;
    expect(s1).toMatchObject({ customerName: 'Mme Petit', address: '9 Home Rd', lat: 45.75, lng: 4.85, serviceMinutes: 6, serviceType: 'curbside', timeWindows: [{ start: 660, end: 780 }], amounts: [12, 0] });
    expect(s1.pickup).toEqual({ lat: 45.76, lng: 4.84, address: '1 Shop St', timeWindows: [{ start: 540, end: 600 }], serviceMinutes: 4 });
    // The pickup row's own cells that its delivery row does not share are kept, named as the pickup's.
    expect(s1.extra).toEqual({ Shipment: 'S1', 'Pickup Customer': 'Boulangerie Roux', 'Pickup Phone': '0478000001' });
    // The delivery row above its pickup row; the pickup's minutes on site from its type's catalogue when not written.
    expect(s2).toMatchObject({ address: '7 Home Rd', amounts: [3, 0], timeWindows: [{ start: 720, end: 840 }] });
    expect(s2.pickup).toMatchObject({ address: '1 Shop St', timeWindows: [{ start: 570, end: 660 }] });
    expect(s2.pickup!.serviceMinutes).toBeGreaterThan(0);
    expect(s3.pickup).toBeUndefined();
  });

  it('pairs by the id column: one order of that id, no id used twice', async () => {
    const csv = ['Order ID,Type,Address,Lat,Lng,Weight kg', 'A-1,Collection,Warehouse 2,45.70,4.80,', 'A-1,Delivery,5 Rue X,45.78,4.88,40', 'A-2,Delivery,6 Rue Y,45.77,4.86,5'].join('\n');
    const { rows } = await readCsvText(csv, makeMiniScenario());
    expect(issueLines(rows)).toEqual([]);
    const read = orders(rows);
    expect(read.map((o) => o.id)).toEqual(['A-1', 'A-2']);
    expect(read[0]).toMatchObject({ amounts: [40, 0], pickup: { address: 'Warehouse 2', lat: 45.7, lng: 4.8 } });
    // The id is the shipment's: not kept again as the pickup's.
    expect(read[0].extra).toEqual({});
    const { table, ctx, shipments } = await readCsvText(csv, makeMiniScenario());
    expect(shipmentNotes(rows, table, ctx.targets, shipments)[0]).toMatch(/^1 pickup is paired with its delivery by their id \(“Order ID”\) \(e\.g\. rows 2 and 3, A-1\): each pair is one shipment, collected at the pickup row's place inside its window and delivered at the delivery row's, by one vehicle\.$/);
  });

  it('pairs by a column naming the other row\'s order id, as a route planner\'s template writes it (P and D types)', async () => {
    const csv = [
      'Order ID,Order Type,Related Order ID,Address,Latitude,Longitude,Time window from,Time window to,Duration,Weight kg',
      'P-1,P,D-1,Warehouse,45.70,4.80,08:00,10:00,5,',
      'D-1,D,,9 Rue A,45.78,4.88,10:00,14:00,10,12',
      'D-2,D,P-2,7 Rue B,45.77,4.86,,,10,3',
      'P-2,P,D-2,Warehouse,45.70,4.80,08:00,10:00,5,',
      'D-3,D,,3 Rue C,45.76,4.85,,,10,4',
      'P-4,P,,Shop,45.71,4.81,,,5,2',
      'P-5,P,D-9,Shop,45.71,4.81,,,5,2',
    ].join('\n');
    const { rows, shipments, table, ctx } = await readCsvText(csv, makeMiniScenario());
    expect(issueLines(rows)).toEqual([]);
    expect(shipments).toMatchObject({ related: true, unpaired: [{ value: 'D-9', rows: [6] }] });
    expect(table.headers[shipments!.link!]).toBe('Related Order ID');
    const read = orders(rows);
    expect(read.map((o) => [o.id, o.serviceType, o.pickup?.address ?? null])).toEqual([
      ['D-1', 'curbside', 'Warehouse'], ['D-2', 'curbside', 'Warehouse'], ['D-3', 'curbside', null], ['P-4', 'return', null], ['P-5', 'return', null],
    ]);
    expect(read[0]).toMatchObject({ amounts: [12, 0], timeWindows: [{ start: 600, end: 840 }], serviceMinutes: 10 });
    expect(read[0].pickup).toEqual({ lat: 45.7, lng: 4.8, address: 'Warehouse', timeWindows: [{ start: 480, end: 600 }], serviceMinutes: 5 });
    // The pickup's own id is kept; the column that links them is not kept again as the pickup's.
    expect(read[0].extra).toEqual({ 'Pickup Order ID': 'P-1' });
    const notes = shipmentNotes(rows, table, ctx.targets, shipments);
    expect(notes[0]).toMatch(/^2 pickups are paired with their deliveries by “Related Order ID”, which names the other row's order id \(e\.g\. rows 2 and 3, D-1\): each pair is one shipment/);
    expect(notes[1]).toBe('1 value of “Related Order ID” is on pickup and delivery rows that make no pair (e.g. D-9: row 8): a row names the order id of one row of the other side, at another place, not already paired, so each of these rows is imported as an order of its own (a pickup as a return to the depot).');
  });

  it('reads a shipment of one row whose pickup window is in two columns', async () => {
    const csv = ['Order ID,Pickup Address,Pickup Latitude,Pickup Longitude,Pickup Time Window From,Pickup Time Window To,Delivery Address,Delivery Latitude,Delivery Longitude', 'A1,Shop,45.70,4.80,08:00,10:00,Home,45.78,4.88', 'A2,Shop,45.70,4.80,,10:00,Home,45.78,4.88', 'A3,Shop,45.70,4.80,11:00,09:00,Home,45.78,4.88'].join('\n');
    const { rows } = await readCsvText(csv, makeMiniScenario());
    expect(rows.map((r) => (r.value as Order | null)?.pickup?.timeWindows ?? null)).toEqual([[{ start: 480, end: 600 }], [{ start: 0, end: 600 }], null]);
    expect(issueLines(rows)).toEqual([expect.stringMatching(/^row 4, pickupWindows: window opens after it closes/)]);
    expect(rows[2].issues[0].column).toBe(4);
  });

  it('takes the amounts from the pickup row when its delivery gives none, and refuses two different amounts', async () => {
    const scenario = makeMiniScenario();
    const one = await readCsvText(['Ref,Type,Lat,Lng,Weight kg', 'R1,Pickup,45.70,4.80,25', 'R1,Delivery,45.78,4.88,'].join('\n'), scenario);
    expect(orders(one.rows)[0].amounts).toEqual([25, 0]);
    const two = await readCsvText(['Ref,Type,Lat,Lng,Weight kg', 'R1,Pickup,45.70,4.80,25', 'R1,Delivery,45.78,4.88,20'].join('\n'), scenario);
    expect(orders(two.rows)).toEqual([]);
    expect(issueLines(two.rows)).toEqual(['row 3, amount:0: its pickup (row 2) collects 25 and this delivery drops 20: a shipment delivers what it collects (write the same amount in both rows, or in one of them)']);
  });

  it('holds the delivery back while its pickup row needs attention, and the pickup row says why', async () => {
    const csv = ['Ref,Type,Lat,Lng,Window', 'R1,Pickup,45.70,4.80,11:00-09:00', 'R1,Delivery,45.78,4.88,12:00-13:00'].join('\n');
    const { rows } = await readCsvText(csv, makeMiniScenario());
    expect(orders(rows)).toEqual([]);
    const lines = issueLines(rows);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^row 2, window(Start)?: window opens after it closes/);
    expect(lines[1]).toBe('row 3, row: its pickup in row 2 needs attention');
  });

  it('gives the shipment every rule either row gives: the larger crew, every skill, the higher priority', async () => {
    const csv = ['Ref,Type,Lat,Lng,Crew size,Skills,Priority', 'R1,Pickup,45.70,4.80,2,forklift,7', 'R1,Delivery,45.78,4.88,,liftgate,3'].join('\n');
    const [order] = orders((await readCsvText(csv, makeMiniScenario())).rows);
    expect(order.crewSize).toBe(2);
    expect(order.skills).toEqual(['liftgate', 'forklift']);
    expect(order.priority).toBe(7);
  });

  it('pairs nothing where the shared value is no link', async () => {
    const table = await parseCsv([
      'Ref,Zone,Type,Address,Lat,Lng',
      'R1,North,Pickup,1 A St,45.70,4.80',
      'R2,North,Delivery,2 B St,45.71,4.81',
      'R3,North,Pickup,3 C St,45.72,4.82',
      'R4,North,Delivery,4 D St,45.73,4.83',
      'R5,South,Pickup,5 E St,45.74,4.84',
      'R5,South,Delivery,5 E St,45.74,4.84',
    ].join('\n'));
    const targets = ['extra', 'extra', 'serviceType', 'address', 'lat', 'lng'];
    // A zone of four rows is no pair; R5's two rows are at one door (an exchange, not a shipment carried).
    const found = shipmentPairs(table, targets, new Set());
    expect(found.link).toBeNull();
    expect(found.pickupOf.size).toBe(0);
    // With no type column, or with the pickup row removed, nothing is paired either.
    expect(shipmentPairs(table, ['extra', 'extra', 'extra', 'address', 'lat', 'lng'], new Set()).link).toBeNull();
    const pair = await parseCsv('Ref,Type,Lat,Lng\nR1,Pickup,45.70,4.80\nR1,Delivery,45.78,4.88');
    expect(shipmentPairs(pair, ['extra', 'serviceType', 'lat', 'lng'], new Set()).pickupOf).toEqual(new Map([[1, 0]]));
    expect(shipmentPairs(pair, ['extra', 'serviceType', 'lat', 'lng'], new Set([0])).link).toBeNull();
    // A name shared by chance (one pickup of three matches a delivery) links nothing.
    const items = await parseCsv('Item,Type,Lat,Lng\nSofa,Pickup,45.70,4.80\nSofa,Delivery,45.78,4.88\nTable,Pickup,45.71,4.81\nChair,Pickup,45.72,4.82\nBed,Delivery,45.73,4.83');
    expect(shipmentPairs(items, ['extra', 'serviceType', 'lat', 'lng'], new Set()).link).toBeNull();
  });

  it('leaves a pickup row with its delivery row, and the rows of a value that make no pair, as orders of their own', async () => {
    const csv = ['Shipment,Type,Lat,Lng', 'R1,Pickup,45.70,4.80', 'R1,Delivery,45.78,4.88', 'R2,Pickup,45.71,4.81', 'R2,Pickup,45.72,4.82', 'R2,Delivery,45.73,4.83'].join('\n');
    const { rows, shipments } = await readCsvText(csv, makeMiniScenario());
    expect(orders(rows).map((o) => Boolean(o.pickup))).toEqual([true, false, false, false]);
    expect(shipments!.unpaired).toEqual([{ value: 'R2', rows: [2, 3, 4] }]);
    const { rows: read, table, ctx } = await readCsvText(csv, makeMiniScenario());
    expect(shipmentNotes(read, table, ctx.targets, shipments)).toEqual([
      '1 pickup is paired with its delivery by “Shipment” (e.g. rows 2 and 3, R1): each pair is one shipment, collected at the pickup row\'s place inside its window and delivered at the delivery row\'s, by one vehicle. The pickup row\'s other cells are kept as custom fields named “Pickup …”. If “Shipment” does not link them, set its column to Ignore in the columns step.',
      '1 value of “Shipment” is on pickup and delivery rows that make no pair (e.g. R2: rows 4, 5, 6): a shipment is one pickup and one delivery at two places, so each of these rows is imported as an order of its own (a pickup as a return to the depot).',
    ]);
  });

  it('reads a pickup row placed in the review (geocoded or clicked) as the shipment\'s pickup place', async () => {
    const scenario = makeMiniScenario();
    const csv = ['Ref,Type,Address,Lat,Lng', 'R1,Pickup,1 Shop St,,', 'R1,Delivery,9 Home Rd,45.78,4.88'].join('\n');
    const first = await readCsvText(csv, scenario);
    expect(issueLines(first.rows)).toEqual(['row 2, lat/lng: no coordinates yet: geocode the address or place it on the map', 'row 3, row: its pickup in row 2 needs attention']);
    const placed = readTable(first.table, { ...first.ctx, placements: new Map([[0, { lat: 45.71, lng: 4.82 }]]) });
    expect(orders(placed.rows)[0].pickup).toMatchObject({ lat: 45.71, lng: 4.82, address: '1 Shop St' });
  });

  it('takes a column of pickup and delivery words under a header no field names for the type', () => {
    const rows = [['J1', 'Pick-up', '45.7'], ['J1', 'Drop off', '45.8'], ['J2', '', '45.9']];
    expect(detectStopSideColumn(['Job', 'Action', 'Lat'], rows, ['extra', 'extra', 'lat'])).toEqual(['extra', 'serviceType', 'lat']);
    // Beside a type column it is the pickup-or-delivery field; none when a cell says something else, without a pickup, on letters alone.
    expect(detectStopSideColumn(['Job', 'Action', 'Lat'], rows, ['serviceType', 'extra', 'lat'])).toEqual(['serviceType', 'stopSide', 'lat']);
    expect(detectStopSideColumn(['Job', 'Action', 'Lat'], [...rows, ['J3', 'Return', '45.6']], ['extra', 'extra', 'lat'])).toEqual(['extra', 'extra', 'lat']);
    expect(detectStopSideColumn(['Job', 'Action', 'Lat'], [['J1', 'Delivery', '45.7']], ['extra', 'extra', 'lat'])).toEqual(['extra', 'extra', 'lat']);
    expect(detectStopSideColumn(['Job', 'Action', 'Lat'], [['J1', 'P', '45.7'], ['J2', 'D', '45.8']], ['extra', 'extra', 'lat'])).toEqual(['extra', 'extra', 'lat']);
  });

  it('reads a pickup-or-delivery column beside the service type: a pickup alone collects, a pickup with its delivery is a shipment', async () => {
    const csv = [
      'Job,Service level,Pickup or delivery,Lat,Lng,Weight kg',
      'J1,White glove,Pickup,45.70,4.80,20',
      'J1,White glove,Delivery,45.78,4.88,',
      'J2,White glove,Pickup,45.71,4.81,15',
      'J3,Installation,no,45.72,4.82,5',
      'J4,Curbside,maybe,45.73,4.83,5',
    ].join('\n');
    const { rows, ctx } = await readCsvText(csv, makeMiniScenario());
    expect(ctx.targets).toEqual(['extra', 'serviceType', 'stopSide', 'lat', 'lng', 'amount:0']);
    expect(issueLines(rows)).toEqual(["row 6, stopSide: 'maybe' is neither a pickup nor a delivery (write Pickup or Delivery, or yes for a pickup)"]);
    const [j1, j2, j3] = orders(rows);
    // The shipment carries what its pickup collects.
    expect(j1).toMatchObject({ serviceType: 'white-glove', amounts: [20, 0], pickup: { lat: 45.7, lng: 4.8 } });
    expect(j1.pickupAmounts).toBeUndefined();
    // Its side is the pair's, not a field kept again as the pickup's.
    expect(j1.extra).toEqual({ Job: 'J1' });
    // A white-glove pickup alone is collected, not delivered; "no" is a delivery.
    expect(j2).toMatchObject({ serviceType: 'white-glove', amounts: [0, 0], pickupAmounts: [15, 0] });
    expect(j3).toMatchObject({ serviceType: 'installation', amounts: [5, 0] });
    expect(j3.pickupAmounts).toBeUndefined();
  });

  it('takes a yes/no "Pickup" column (Onfleet\'s) for the side: its pickups are returns, not deliveries', async () => {
    const { importer: [state, actions], scenario: [scenario] } = createRoot((dispose) => {
      disposers.push(dispose);
      const store = createScenarioStore(makeMiniScenario());
      return { scenario: store, importer: createImportStore({ scenario: store, openScenario: vi.fn(async () => {}) }) };
    });
    const csv = ['Recipient_Name,Address_Line1,Latitude,Longitude,Pickup,Complete_After,Complete_Before,Quantity', 'Ann,12 Main St,45.76,4.84,false,09:00,12:00,2', 'Shop,1 Shop St,45.75,4.83,TRUE,08:00,10:00,3'].join('\n');
    actions.start();
    await actions.loadFile(new File([csv], 'onfleet.csv', { type: 'text/csv' }));
    expect(state.targets[4]).toBe('stopSide');
    actions.review();
    actions.setMode('replace');
    await actions.commit();
    expect(scenario.scenario!.orders.map((o) => [o.customerName, o.serviceType, o.amounts])).toEqual([['Ann', 'curbside', [0, 2]], ['Shop', 'return', [0, 3]]]);
  });

  it('says so in the review, imports one shipment per pair and keeps no pickup row behind', async () => {
    const { importer: [state, actions], scenario: [scenario] } = createRoot((dispose) => {
      disposers.push(dispose);
      const store = createScenarioStore(makeMiniScenario());
      return { scenario: store, importer: createImportStore({ scenario: store, openScenario: vi.fn(async () => {}) }) };
    });
    actions.start();
    // Under a header no field names ("Action"), the column of pickup and delivery words is the type.
    await actions.loadFile(new File([FILE.replace('Shipment,Type,', 'Shipment,Action,')], 'shipments.csv', { type: 'text/csv' }));
    expect(state.targets[1]).toBe('serviceType');
    actions.review();
    expect(state.validCount).toBe(3);
    expect(state.notices.shipments).toHaveLength(1);
    expect(state.notices.shipments[0]).toMatch(/^2 pickups are paired with their deliveries by “Shipment” \(e\.g\. rows 2 and 3, S1\): each pair is one shipment/);
    expect(state.notices.shipments[0]).toContain('If “Shipment” does not link them, set its column to Ignore in the columns step.');
    actions.setMode('replace');
    await actions.commit();
    const imported = scenario.scenario!.orders;
    expect(imported.map((o) => [o.address, o.pickup?.address ?? null])).toEqual([['9 Home Rd', '1 Shop St'], ['7 Home Rd', '1 Shop St'], ['3 Other Rd', null]]);
    // Every row of the file went in: none is left to add again.
    expect(state.validCount).toBe(0);
    expect(state.invalid).toEqual([]);
  });
});
