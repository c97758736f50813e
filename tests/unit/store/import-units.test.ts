// The import session on files that name their units: a new scenario's fleet in
// pounds makes its unit "lb"; an order file in kilograms is then converted to
// pounds, and the review says both before anything is imported.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import { createImportStore } from '../../../web/src/store/import';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniScenario } from '../../fixtures/mini-scenario';
import type { Scenario } from '../../../web/src/domain/scenario';

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));
const csvFile = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

function mount(start: Scenario) {
  return createRoot((dispose) => {
    disposers.push(dispose);
    const scenario = createScenarioStore(start);
    return { scenario, importer: createImportStore({ scenario, openScenario: vi.fn(async () => {}) }) };
  });
}

describe('import units', () => {
  it('a new scenario takes the fleet file\'s pounds; orders in kilograms are converted to them', async () => {
    const start = { ...makeBlankScenario('chi', 'Chicago', '2026-12-09'), depots: [{ id: 'hub', name: 'Hub', lat: 41.83, lng: -87.72, open: 0, close: 1440 }] };
    const { scenario: [open], importer: [state, actions] } = mount(start);
    actions.start();
    await actions.loadFile(csvFile('trucks.csv', 'Truck,Driver,Capacity (lbs),Start depot\nTRK-01,Maria,4500,hub\nTRK-02,James,6000,hub\n'));
    expect(state.kind).toBe('vehicles');
    expect([...state.targets]).toEqual(['id', 'name', 'capacity:0', 'startDepot']);
    actions.review();
    expect(state.notices.units).toEqual(['Capacity (lbs): the capacity unit “kg” is renamed “lb” (nothing in this scenario is measured in kg yet), and the values are kept as written.']);
    await actions.commit();
    expect(open.scenario!.settings.capacityUnits).toEqual(['lb', 'items']);
    expect(open.scenario!.vehicles.map((v) => [v.id, v.capacity[0]])).toEqual([['TRK-01', 4500], ['TRK-02', 6000]]);

    actions.restart();
    await actions.loadFile(csvFile('orders.csv', 'Order,Lat,Lng,Weight (kg)\nA1,41.9,-87.7,100\nA2,41.8,-87.65,2.5\n'));
    expect(state.kind).toBe('orders');
    actions.review();
    expect(state.notices.units).toEqual(['Weight (kg): read in kg and converted to lb (× 2.2046).']);
    await actions.commit();
    expect(open.scenario!.settings.capacityUnits).toEqual(['lb', 'items']);
    expect(open.scenario!.orders.map((o) => [o.id, o.amounts[0]])).toEqual([['A1', 220.462], ['A2', 5.512]]);
  });

  it('a scenario measured in kilograms converts an order file in pounds and keeps its unit', async () => {
    const { scenario: [open], importer: [state, actions] } = mount(makeMiniScenario());
    const before = open.scenario!.orders.length;
    actions.start();
    await actions.loadFile(csvFile('orders.csv', 'Order,Lat,Lng,Weight (lbs)\nP1,45.76,4.84,10\n'));
    actions.review();
    expect(state.notices.units).toEqual(['Weight (lbs): read in lb and converted to kg (× 0.45359).']);
    await actions.commit();
    expect(open.scenario!.settings.capacityUnits).toEqual(['kg', 'items']);
    expect(open.scenario!.orders).toHaveLength(before + 1);
    expect(open.scenario!.orders.at(-1)!.amounts[0]).toBe(4.536);
  });

  it('a service time in seconds is imported in minutes, and the review says so', async () => {
    const { scenario: [open], importer: [state, actions] } = mount(makeMiniScenario());
    actions.start();
    await actions.loadFile(csvFile('stops.csv', 'Order,Lat,Lng,Service time (sec)\nS1,45.76,4.84,300\nS2,45.75,4.85,10 min\n'));
    expect([...state.targets]).toEqual(['id', 'lat', 'lng', 'serviceMinutes']);
    actions.review();
    expect(state.notices.units).toEqual(['Service time (sec): read in seconds and converted to minutes (300 is 5 minutes); a cell that writes its unit (“15 min”) is read as written.']);
    await actions.commit();
    expect(open.scenario!.orders.slice(-2).map((o) => [o.id, o.serviceMinutes])).toEqual([['S1', 5], ['S2', 10]]);
  });

  it('a fleet\'s limits in hours and miles and its overtime per hour are imported in minutes and km, and the review says so', async () => {
    const { scenario: [open], importer: [state, actions] } = mount(makeMiniScenario());
    actions.start();
    await actions.loadFile(csvFile('fleet.csv', 'Vehicle,Start depot,Max driving time (hours),Max distance (miles),Overtime cost per hour,Max overtime (h)\nV9,hub,9,120,30,1\n'));
    expect(state.kind).toBe('vehicles');
    actions.setMode('append');
    actions.review();
    expect(state.notices.units).toEqual([
      'Overtime cost per hour: a cost per hour, converted to a cost per minute (÷ 60).',
      'Max distance (miles): read in miles and converted to km (× 1.6093); a cell that writes its unit (“190 km”) is read as written.',
      'Max driving time (hours): read in hours and converted to minutes (1.5 is 90 minutes); a cell that writes its unit (“15 min”) is read as written.',
      'Max overtime (h): read in hours and converted to minutes (1.5 is 90 minutes); a cell that writes its unit (“15 min”) is read as written.',
    ]);
    await actions.commit();
    const v = open.scenario!.vehicles.find((x) => x.id === 'V9')!;
    expect([v.limits, v.overtime]).toEqual([{ maxDrivingMinutes: 540, maxDistanceKm: 193.121 }, { maxMinutes: 60, costPerMinute: 0.5 }]);
  });
});
