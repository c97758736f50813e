// The import dialog's path (file → mapping → review → import) on the Portland
// files written for the end-to-end test: a blank scenario gets its fleet (with
// the depots placed by coordinates, reviewed first) and both orders files with
// no manual mapping, every row imported. Also: importing over the demo replaces
// it by default, whole-column fixes, "Swap columns", the map asked to frame the data.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import type { Depot, Order, Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { upgradeScenario } from '../../../web/src/io/restore';
import { createImportStore } from '../../../web/src/store/import';
import { createScenarioStore } from '../../../web/src/store/scenario';

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));
const file = (name: string) => new File([readFileSync(resolve('tests/fixtures/import', name))], name, { type: 'text/csv' });
const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

/** The depots the end-to-end test places on the map before importing (by name in portland-vehicles.csv). */
const PLACED: Depot[] = [
  { id: 'd1', name: 'Portland Central', lat: 45.5231, lng: -122.6765, open: 360, close: 1200 },
  { id: 'd2', name: 'Portland East', lat: 45.5155, lng: -122.5810, open: 360, close: 1200 },
  { id: 'd3', name: 'Portland South', lat: 45.4710, lng: -122.6600, open: 360, close: 1200 },
];

function mount(initial: Scenario) {
  const onImported = vi.fn();
  const app = createRoot((dispose) => {
    disposers.push(dispose);
    const scenario = createScenarioStore(initial);
    return { scenario, importer: createImportStore({ scenario, openScenario: async () => {}, onImported }) };
  });
  return { ...app, onImported };
}

function demo(): Scenario {
  const read = upgradeScenario(JSON.parse(readFileSync(resolve('public/demo-scenario.json'), 'utf8')));
  if (!read.ok) throw new Error(read.message);
  return read.scenario;
}

/** A blank Portland scenario's import session with `text` loaded as file `name` and reviewed; the mapping it found. */
async function reviewed(name: string, text: string) {
  const { importer: [state, actions] } = mount({ ...makeBlankScenario('pdx', 'Portland', '2026-12-01'), depots: PLACED });
  await actions.loadFile(csv(name, text));
  const found = { kind: state.kind, targets: [...state.targets] };
  actions.review();
  return { state, found };
}

describe('Portland files through the import session', () => {
  it('imports the fleet and both orders files into a blank scenario, every row, no manual mapping', async () => {
    const { scenario: [open], importer: [state, actions], onImported } = mount({ ...makeBlankScenario('pdx', 'Portland', '2026-12-01'), depots: PLACED });

    await actions.loadFile(file('portland-vehicles.csv'));
    expect(state.kind).toBe('vehicles');
    actions.review();
    expect(state.invalid).toEqual([]);
    // Two starts are given as coordinates of no placed depot: reviewed before import.
    expect(state.newDepots.map((d) => [d.name, d.lat, d.lng])).toEqual([['Depot 45.52, -122.68', 45.52, -122.68], ['Depot 45.5051, -122.675', 45.5051, -122.675]]);
    expect(state.notices.kept).toEqual(['Driver phone']);
    await actions.commit();
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(open.scenario!.depots).toHaveLength(5);
    const fleet = open.scenario!.vehicles;
    expect(fleet.map((v) => v.id)).toEqual(['PDX-V1', 'PDX-V2', 'PDX-T1', 'PDX-T2', 'PDX-V3']);
    expect(fleet.find((v) => v.id === 'PDX-T1')).toMatchObject({ startDepotId: 'd2', crew: { size: 2, skills: ['white-glove', 'installer'] }, features: ['pallet jack', 'liftgate'] });
    expect(fleet.find((v) => v.id === 'PDX-V1')!.breaks).toEqual([{ id: 'break-1', timeWindows: [{ start: 720, end: 810 }], minutes: 30 }]);

    for (const [name, count] of [['portland-optimoroute.csv', 12], ['portland-circuit.csv', 10]] as const) {
      actions.restart();
      await actions.loadFile(file(name));
      expect(state.kind).toBe('orders');
      expect(state.mode).toBe('append');
      // OptimoRoute's "Date" is the delivery date (the scenario's here), checked and kept as written.
      expect(state.targets.filter((t) => t === 'extra')).toEqual([]);
      if (name.includes('optimo')) expect(state.targets[1]).toBe('date');
      actions.review();
      expect(state.invalid).toEqual([]);
      expect(state.validCount).toBe(count);
      expect(state.notices.far).toEqual([]);
      expect(state.notices.swap).toBeNull();
      await actions.commit();
    }
    expect(open.scenario!.orders).toHaveLength(22);
    expect(state.notices.skills).toEqual([]);
    const needs = open.scenario!.orders.filter((o) => o.skills?.length).map((o) => o.skills!.join('+'));
    expect(new Set(needs)).toEqual(new Set(['white-glove', 'installer', 'liftgate', 'white-glove+liftgate', 'installer+liftgate']));
  });

  it('replaces the demo by default and adds the next file', async () => {
    const { scenario: [open], importer: [state, actions] } = mount(demo());
    await actions.loadFile(file('portland-optimoroute.csv'));
    expect(state.mode).toBe('replace');
    actions.review();
    // Portland is far from the demo's Lyon hub: said, with the distance.
    expect(state.notices.far[0]).toMatch(/^row 2 \(PDX-1001\) is 8,\d{3} km from the nearest depot, Hub Vénissieux$/);
    await actions.commit();
    expect(open.scenario!.orders.map((o) => o.id)).toHaveLength(12);
    actions.restart();
    await actions.loadFile(file('portland-circuit.csv'));
    expect(state.mode).toBe('append');
    await actions.loadFile(file('portland-vehicles.csv'));
    expect(state.mode).toBe('replace');
  });

  it('fixes a whole column at once and swaps latitude and longitude columns', async () => {
    const { importer: [state, actions] } = mount({ ...makeBlankScenario('pdx', 'Portland', '2026-12-01'), depots: PLACED });
    await actions.loadFile(csv('swapped.csv', 'Id,Type,Lat,Lng\na,express,-122.68,45.52\nb,express,-122.64,45.51\nc,curbside,-122.60,45.50'));
    actions.review();
    expect(state.notices.swap).toContain('latitudes are beyond ±90°');
    actions.swapLatLng();
    expect(state.notices.swap).toBeNull();
    expect(state.invalid.map((r) => r.rowNumber)).toEqual([2, 3]);
    actions.replaceInColumn(1, 'express', 'white glove');
    expect(state.invalid).toEqual([]);
    expect(state.rows.map((r) => (r.value as Order | null)?.serviceType)).toEqual(['white-glove', 'white-glove', 'curbside']);
  });

  it('sets every empty service type at once, leaving the given ones', async () => {
    const { importer: [state, actions] } = mount({ ...makeBlankScenario('pdx', 'Portland', '2026-12-01'), depots: PLACED });
    await actions.loadFile(csv('types.csv', 'Id,Service type,Lat,Lng\na,,45.52,-122.68\nb,return,45.51,-122.64\nc, ,45.50,-122.60'));
    actions.review();
    actions.replaceInColumn(1, '', 'installation');
    expect(state.rows.map((r) => (r.value as Order | null)?.serviceType)).toEqual(['installation', 'return', 'installation']);
  });

  it('says when a fleet is priced by distance or use but not by time, and only then', async () => {
    const fleet = async (text: string) => {
      const { state, found } = await reviewed('fleet.csv', text);
      expect(found.kind).toBe('vehicles');
      expect(state.invalid).toEqual([]);
      return { noCosts: state.notices.noCosts, noTimeCost: state.notices.noTimeCost };
    };
    // [file, "No cost columns", "No cost per hour"]; a per-hour column left blank prices no hour either.
    const cases: [string, boolean, boolean][] = [
      ['Vehicle ID,Start location,Capacity kg,Cost per km\nV1,Portland Central,900,0.45\nV2,Portland East,800,0.5', false, true],
      ['Vehicle ID,Start location,Capacity kg,Fixed cost\nV1,Portland Central,900,40', false, true],
      ['Vehicle ID,Start location,Capacity kg,Cost per km,Cost per hour\nV1,Portland Central,900,0.45,\nV2,Portland East,800,0.5,', false, true],
      ['Vehicle ID,Start location,Capacity kg,Cost per km,Cost per hour\nV1,Portland Central,900,0.45,38\nV2,Portland East,800,0.5,', false, false],
      ['Vehicle ID,Start location,Capacity kg,Cost per hour\nV1,Portland Central,900,30', false, false],
      ['Vehicle ID,Start location,Capacity kg\nV1,Portland Central,900', true, false],
    ];
    for (const [text, noCosts, noTimeCost] of cases) expect(await fleet(text), text).toEqual({ noCosts, noTimeCost });
  });

  it('reads a fleet\'s Start and End columns of clock times as its shift and its Depot column as the start', async () => {
    const { state, found } = await reviewed('fleet.csv', 'Vehicle,Start,End,Depot,Capacity kg\nV1,07:00,5:30 PM,Portland East,900\nV2,8:00,16:00,Portland South,800');
    expect(found).toEqual({ kind: 'vehicles', targets: ['id', 'shiftStart', 'shiftEnd', 'startDepot', 'capacity:0'] });
    expect(state.invalid).toEqual([]);
    expect(state.rows.map((r) => { const v = r.value as Vehicle; return [v.id, v.startDepotId, v.shift.start, v.shift.end]; }))
      .toEqual([['V1', 'd2', 420, 1050], ['V2', 'd3', 480, 960]]);
  });

  it('reads a French orders file\'s "Nom" | "Prénom" as one customer name, first name first', async () => {
    const { state, found } = await reviewed('commandes.csv', 'Commande;Nom;Prénom;Latitude;Longitude\nC1;Dupont;Marie;45,52;-122,68');
    expect(found).toEqual({ kind: 'orders', targets: ['id', 'customerLastName', 'customerName', 'lat', 'lng'] });
    expect((state.rows[0].value as Order).customerName).toBe('Marie Dupont');
  });
});
