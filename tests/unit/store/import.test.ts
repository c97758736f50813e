// The import session: file → mapping → review → import; fixing a cell re-checks
// the row; removed rows are skipped; rows still invalid stay "kept aside" after
// importing and can be added once fixed; scenario files open as new scenarios.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../../../web/src/domain/scenario';
import { upgradeScenario } from '../../../web/src/io/restore';
import { serializeScenarioFile } from '../../../web/src/io/scenario-file';
import { createImportStore } from '../../../web/src/store/import';
import type { ReadingOptions } from '../../../web/src/store/import-read';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));
const fixtureFile = (name: string) => new File([readFileSync(resolve('tests/fixtures/csv', name))], name, { type: 'text/csv' });

function mount(reading?: ReadingOptions) {
  const openScenario = vi.fn(async () => {});
  const app = createRoot((dispose) => {
    disposers.push(dispose);
    const scenario = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    return { scenario, importer: createImportStore({ scenario, openScenario, reading }) };
  });
  return { ...app, openScenario };
}

describe('import session: a large file read a run of rows per task', () => {
  it('shows no rows, counts or import until the reading is whole, then the same as read at once', async () => {
    const held: (() => void)[] = [];
    const release = async () => { while (held.length) held.shift()!(); for (let i = 0; i < 10; i++) await Promise.resolve(); };
    const { scenario: [open], importer: [state, actions] } = mount({ slicedAbove: 0, pause: () => new Promise<void>((r) => { held.push(r); }) });
    const sync = mount();
    for (const [, a] of [[state, actions], [sync.importer[0], sync.importer[1]]] as const) {
      a.start();
      await a.loadFile(fixtureFile('orders-odd-headers.csv'));
      a.review();
    }
    expect(state.checking).toBe(true);
    expect(state.rows).toEqual([]);
    expect(state.validCount).toBe(0);
    // Import waits for the rows to be checked.
    await actions.commit();
    expect(open.scenario?.orders).toHaveLength(4);
    await release();
    expect(state.checking).toBe(false);
    expect(state.rows).toEqual(sync.importer[0].rows);
    expect(state.invalid.map((r) => r.rowNumber)).toEqual([4, 6, 8]);
    // An edit is checked again the same way.
    actions.editCell(2, 3, '45.76');
    expect(state.checking).toBe(true);
    // A newer edit before the first one's reading is whole: only the last reading lands.
    actions.removeRow(4);
    await release();
    expect(state.checking).toBe(false);
    // Row 4 fixed, row 6 (index 4) removed.
    expect(state.invalid.map((r) => r.rowNumber)).toEqual([8]);
    expect(state.validCount).toBe(10);
    await actions.commit();
    expect(open.scenario?.orders).toHaveLength(14);
    expect(state.lastImport).toEqual({ count: 10, kind: 'orders', mode: 'append', depots: 0 });
  });
});

describe('import session', () => {
  it('maps, reviews, fixes, removes and imports; the unfixed row stays kept aside', async () => {
    const { scenario: [open], importer: [state, actions] } = mount();
    actions.start();
    await actions.loadFile(fixtureFile('orders-odd-headers.csv'));
    expect(state.step).toBe('map');
    expect(state.kind).toBe('orders');
    expect(state.targets[3]).toBe('lat');
    actions.review();
    expect(state.invalid.map((r) => r.rowNumber)).toEqual([4, 6, 8]);
    actions.editCell(2, 3, '45.76');
    expect(state.invalid.map((r) => r.rowNumber)).toEqual([6, 8]);
    actions.removeRow(4);
    expect(state.validCount).toBe(10);
    await actions.commit();
    expect(open.scenario?.orders).toHaveLength(14);
    expect(open.isPlanStale).toBe(true);
    expect(state.step).toBe('done');
    expect(state.lastImport).toEqual({ count: 10, kind: 'orders', mode: 'append', depots: 0 });
    expect(state.invalid.map((r) => r.rowNumber)).toEqual([8]);

    // Closing keeps the kept-aside row; Import reopens on it.
    actions.close();
    actions.start();
    expect(state.step).toBe('done');
    actions.editCell(6, 10, 'curbside');
    expect(state.validCount).toBe(1);
    await actions.commit();
    expect(open.scenario?.orders.map((o) => o.id)).toContain('FM-2007');
    expect(state.invalid).toHaveLength(0);
  });

  it('reads the rows only for the review, and checks them again after an edit of the scenario', async () => {
    const { scenario: [open, scenarioActions], importer: [state, actions] } = mount();
    actions.start();
    await actions.loadFile(fixtureFile('orders-odd-headers.csv'));
    expect(state.step).toBe('map');
    // Mapping a large file's columns reads none of its rows (each choice read them all: seconds at 10,000 rows).
    expect(state.rows).toEqual([]);
    actions.mapColumn(12, 'notes');
    expect(state.rows).toEqual([]);
    actions.review();
    const first = state.rows.find((r) => r.value !== null)!;
    expect(first.value!.id).toBe('FM-2001');
    expect(state.invalid.some((r) => r.index === first.index)).toBe(false);
    // An order with that id added to the open scenario (an edit while the rows are reviewed): the row's id is taken.
    const taken = { ...JSON.parse(JSON.stringify(open.scenario!.orders[0])), id: 'FM-2001' };
    scenarioActions.addOrder(taken);
    expect(state.invalid.find((r) => r.index === first.index)?.issues.map((i) => i.field)).toContain('id');
  });

  it('replaces the orders and drops the plan in replace mode', async () => {
    const { scenario: [open], importer: [state, actions] } = mount();
    await actions.loadFile(fixtureFile('orders-odd-headers.csv'));
    actions.setMode('replace');
    actions.review();
    await actions.commit();
    expect(open.scenario?.orders).toHaveLength(state.lastImport!.count);
    expect(open.scenario?.plan).toBeNull();
  });

  it('moving a field to another column turns the old column into a custom field', async () => {
    const { importer: [state, actions] } = mount();
    await actions.loadFile(fixtureFile('orders-odd-headers.csv'));
    actions.mapColumn(15, 'notes');
    expect(state.targets[15]).toBe('notes');
    expect(state.targets[12]).toBe('extra');
  });

  it('imports an Italian file\'s "Dalle" | "Alle" columns as the orders\' windows', async () => {
    const { scenario: [open], importer: [state, actions] } = mount();
    const text = 'Ordine;Cliente;Latitudine;Longitudine;Peso (kg);Dalle;Alle\nMI-1;Bar Sport;45,46;9,19;4,5;09:00;12:00\nMI-2;Ottica;45,47;9,2;2;;\n';
    await actions.loadFile(new File([text], 'ordini.csv', { type: 'text/csv' }));
    expect(state.targets.slice(5)).toEqual(['windowStart', 'windowEnd']);
    actions.review();
    await actions.commit();
    const byId = new Map(open.scenario!.orders.map((o) => [o.id, o]));
    expect(byId.get('MI-1')!.timeWindows).toEqual([{ start: 540, end: 720 }]);
    expect(byId.get('MI-2')!.timeWindows).toEqual([]);
  });

  it('imports a German file\'s "Breite" | "Länge" columns as the orders\' coordinates', async () => {
    const { scenario: [open], importer: [state, actions] } = mount();
    const text = 'Auftrag;Adresse;Breite;Länge;Gewicht\nB-1;Hauptstr. 1;52,52;13,405;12\nB-2;Ringstr. 9;52,48;13,39;3\n';
    await actions.loadFile(new File([text], 'auftraege.csv', { type: 'text/csv' }));
    expect(state.targets.slice(2, 4)).toEqual(['lat', 'lng']);
    actions.review();
    await actions.commit();
    const byId = new Map(open.scenario!.orders.map((o) => [o.id, o]));
    expect([byId.get('B-1')!.lat, byId.get('B-1')!.lng]).toEqual([52.52, 13.405]);
    expect([byId.get('B-2')!.lat, byId.get('B-2')!.lng]).toEqual([52.48, 13.39]);
  });

  it('imports a shop export: an order over several rows is one order with its items, the shipping place, its name as the id', async () => {
    const { scenario: [open], importer: [state, actions] } = mount();
    const text = [
      'Name,Email,Lineitem quantity,Lineitem name,Billing Name,Billing Address1,Billing City,Shipping Name,Shipping Address1,Shipping City,Shipping Lat,Shipping Lng,Id',
      '#1001,ann@example.com,2,Lamp,Ann Bill,1 Rue Bill,Paris,Ann Ship,5 Rue Ship,Lyon,45.76,4.84,7001',
      '#1001,ann@example.com,1,Shade,,,,,,,,,',
      '#1001,ann@example.com,3,Bulb,,,,,,,,,',
      '#1002,bob@example.com,1,Sofa,Bob Bill,2 Rue Bill,Paris,Bob Ship,9 Rue Ship,Lyon,45.75,4.85,7002',
      '#1003,cy@example.com,1,Desk,,,,Cy Ship,3 Rue Ship,Lyon,45.74,4.83,7003',
      '#1003,cy@example.com,two,Chair,,,,,,,,,',
    ].join('\n');
    await actions.loadFile(new File([text], 'orders_export.csv', { type: 'text/csv' }));
    expect(state.targets).toEqual(['id', 'email', 'amount:1', 'extra', 'extra', 'extra', 'extra', 'customerName', 'addressLine1', 'city', 'lat', 'lng', 'extra']);
    actions.review();
    // #1003's second line has no readable quantity: that line and its order wait, nothing else does.
    expect(state.invalid.map((r) => [r.rowNumber, r.issues.map((i) => i.message)])).toEqual([
      [6, ['its further line in row 7 needs attention']],
      [7, ["'two' is not a number"]],
    ]);
    expect(state.notices.orderLines).toEqual(['3 rows are further lines of 2 orders (the order’s id again, no place of its own: a row per item, as a shop’s export writes): their amounts are added to the order, e.g. rows 3, 4 to order #1001 (row 2).']);
    // Orders, not rows: the lines are no orders of their own.
    expect(state.validCount).toBe(2);
    // A removed order takes its lines with it; put back, they are its lines again.
    actions.removeRow(0);
    expect([state.validCount, state.invalid.length]).toEqual([1, 2]);
    expect(state.notices.orderLines[0]).toMatch(/^1 row is a further line of 1 order/);
    actions.restoreRows();
    expect(state.validCount).toBe(2);
    await actions.commit();
    const byId = new Map(open.scenario!.orders.map((o) => [o.id, o]));
    expect(byId.get('#1001')).toMatchObject({ customerName: 'Ann Ship', address: '5 Rue Ship, Lyon', amounts: [0, 6], lat: 45.76 });
    expect(byId.get('#1002')!.amounts).toEqual([0, 1]);
    expect(byId.has('#1003')).toBe(false);
    // Fixed, the kept-aside order comes with both its lines.
    actions.editCell(5, 2, '2');
    expect(state.invalid).toEqual([]);
    await actions.commit();
    expect(open.scenario!.orders.find((o) => o.id === '#1003')!.amounts).toEqual([0, 3]);
    expect(open.scenario!.orders.filter((o) => o.id.startsWith('#')).length).toBe(3);
  });

  it('sets aside at once every order for another day, and imports the day\'s', async () => {
    const { scenario: [open], importer: [state, actions] } = mount();
    const day = open.scenario!.settings.date;
    const other = '2030-01-02';
    const text = ['Order,Delivery date,Lat,Lng', `D1,${day},45.76,4.84`, `N1,${other},45.75,4.85`, `N2,${other},45.74,4.83`, `D2,${day},45.73,4.82`].join('\n');
    await actions.loadFile(new File([text], 'orders.csv', { type: 'text/csv' }));
    actions.review();
    expect(state.invalid.map((r) => r.rowNumber)).toEqual([3, 4]);
    expect(state.notices.dates).toEqual([`2 orders are for another day than this scenario's (${day}): ${other}. They wait below (remove them, or import them into a scenario of their day); the 2 orders for ${day} are imported.`]);
    actions.removeRows(state.invalid.map((r) => r.index));
    expect(state.invalid).toEqual([]);
    expect(state.removed).toEqual([1, 2]);
    expect(state.notices.dates).toEqual([]);
    await actions.commit();
    expect(open.scenario!.orders.filter((o) => ['D1', 'D2', 'N1', 'N2'].includes(o.id)).map((o) => o.id)).toEqual(['D1', 'D2']);
  });

  it('keeps the orders for another day waiting once the day\'s are imported', async () => {
    const { scenario: [open], importer: [state, actions] } = mount();
    const day = open.scenario!.settings.date;
    const text = ['Order,Delivery date,Lat,Lng', `D1,${day},45.76,4.84`, 'N1,2030-01-02,45.75,4.85'].join('\n');
    await actions.loadFile(new File([text], 'orders.csv', { type: 'text/csv' }));
    actions.review();
    await actions.commit();
    expect(open.scenario!.orders.some((o) => o.id === 'N1')).toBe(false);
    // Kept aside, not importable as "fixed": it is still for another day.
    expect([state.step, state.validCount, state.invalid.map((r) => r.rowNumber)]).toEqual(['done', 0, [3]]);
    expect(state.notices.dates).toEqual([`1 order is for another day than this scenario's (${day}): 2030-01-02. They wait below (remove them, or import them into a scenario of their day).`]);
  });

  it('detects a vehicle file and imports vehicles', async () => {
    const { scenario: [open], importer: [state, actions] } = mount();
    await actions.loadFile(fixtureFile('vehicles.csv'));
    expect(state.kind).toBe('vehicles');
    actions.review();
    await actions.commit();
    expect(open.scenario?.vehicles.map((v) => v.id)).toEqual(['v1', 'v2', 'VAN-A', 'VAN-B']);
  });

  it('opens a scenario file as a scenario of its own, with the pins it carries', async () => {
    const { importer: [state, actions], openScenario } = mount();
    const upgraded = upgradeScenario(makeMiniScenario({ name: 'From file' }));
    if (!upgraded.ok) throw new Error(upgraded.message);
    await actions.loadFile(new File([serializeScenarioFile(upgraded.scenario)], 'x.fmp.json'));
    expect(state.document).toMatchObject({ name: 'From file', orders: upgraded.scenario.orders.length, vehicles: upgraded.scenario.vehicles.length, hasPlan: false, warnings: [] });
    await actions.commit();
    expect(openScenario).toHaveBeenCalledWith(upgraded.scenario, undefined);
    // Opened as parsed: no store ever wrapped it (a proxy or signals would show as symbol keys), so it needs no copy.
    const opened = (openScenario.mock.calls as unknown as [Scenario][])[0][0];
    for (const value of [opened, opened.orders, opened.orders[0], opened.settings]) expect(Object.getOwnPropertySymbols(value)).toEqual([]);
    expect(state.step).toBe('closed');
    const pins = { orders: { o1: 'v1' }, routes: [] };
    await actions.loadFile(new File([serializeScenarioFile(upgraded.scenario, pins)], 'x.fmp.json'));
    await actions.commit();
    expect(openScenario).toHaveBeenLastCalledWith(upgraded.scenario, pins);
  });

  it('opens a copy after a failed attempt, never the object that attempt may have kept', async () => {
    const { importer: [state, actions], openScenario } = mount();
    const upgraded = upgradeScenario(makeMiniScenario({ name: 'From file' }));
    if (!upgraded.ok) throw new Error(upgraded.message);
    openScenario.mockRejectedValueOnce(new Error('storage is full'));
    await actions.loadFile(new File([serializeScenarioFile(upgraded.scenario)], 'x.fmp.json'));
    await actions.commit();
    expect(state.error).toBe('storage is full');
    expect(state.step).toBe('review');
    await actions.commit();
    expect(state.step).toBe('closed');
    const [first, second] = (openScenario.mock.calls as unknown as [Scenario][]).map((call) => call[0]);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(second.orders).not.toBe(first.orders);
  });

  it('opens a VROOM problem as a scenario of its own', async () => {
    const { importer: [state, actions] } = mount();
    const problem = { vehicles: [{ id: 1, start: [4.85, 45.75], end: [4.85, 45.75], capacity: [10] }], jobs: [{ id: 7, location: [4.83, 45.76], delivery: [2] }] };
    await actions.loadFile(new File([JSON.stringify(problem)], 'problem.json'));
    expect(state.error).toBeNull();
    expect(state.document?.orders).toBe(1);
  });

  it('says why a file cannot be read', async () => {
    const { importer: [state, actions] } = mount();
    await actions.loadFile(new File(['{"hello": 1}'], 'other.json'));
    expect(state.error).toBe('other.json could not be read: this JSON is neither a scenario file nor a VROOM problem');
    await actions.loadFile(new File([''], 'empty.csv'));
    expect(state.error).toContain('the file is empty');
  });
});
