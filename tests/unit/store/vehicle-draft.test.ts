// The vehicle form's draft (components/fleet): text ⇄ vehicle (times, lists,
// blank = no limit / no crew / generated id), issues named by the form's labels,
// and bulk edit of a column through the same conversion.
import { describe, expect, it } from 'vitest';
import { applyBulk } from '../../../web/src/components/fleet/bulk-edit';
import { DraftReader, parseList, parseTime, uniqueId } from '../../../web/src/components/fleet/draft-parse';
import { vehicleCodec, vehicleColumns } from '../../../web/src/components/fleet/vehicle-columns';
import { draftOfVehicle, duplicateVehicle, newBreakDraft, newVehicleDraft, vehicleFromDraft } from '../../../web/src/components/fleet/vehicle-draft';
import type { Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { makeMiniScenario } from '../../fixtures/mini-scenario';

/** A vehicle using every optional field of the model. */
function fullVehicle(): Vehicle {
  return {
    id: 'truck-9', name: 'Truck 9', type: 'box-truck', capacity: [1200, null], startDepotId: 'hub', endDepotId: 'hub2',
    shift: { start: 390, end: 1530 }, speedFactor: 1.2, costs: { fixed: 80, perKm: 0.5, perHour: 40 },
    features: ['liftgate', 'ev'], crew: { size: 2, skills: ['installer'] },
    breaks: [{ id: 'lunch', timeWindows: [{ start: 720, end: 810 }, { start: 900, end: 960 }], minutes: 30 }],
    limits: { maxStops: 25, maxDurationMinutes: 600, maxDrivingMinutes: 300, maxDistanceKm: 180.5 },
    overtime: { maxMinutes: 60, costPerMinute: 1.5 },
    // Custom columns kept from an import: the form does not show them, a save must keep them.
    extra: { 'Driver phone': '+1 503 555 0302' },
  };
}

function scenarioWithTwoDepots(): Scenario {
  const s = makeMiniScenario();
  s.depots.push({ id: 'hub2', name: 'North hub', lat: 45.8, lng: 4.85, open: 360, close: 1200 });
  return s;
}

describe('draft parsing', () => {
  it('reads times as HH:MM, H:MM, HHMM and past midnight, and refuses other text', () => {
    expect(parseTime('08:30')).toBe(510);
    expect(parseTime(' 7:05 ')).toBe(425);
    expect(parseTime('1730')).toBe(1050);
    expect(parseTime('25:30')).toBe(1530);
    expect(parseTime('8.30')).toBeNull();
    expect(parseTime('08:75')).toBeNull();
    expect(parseTime('')).toBeNull();
  });
  it('reads comma lists trimmed, without blanks or repeats', () => {
    expect(parseList(' liftgate , ev,, liftgate ')).toEqual(['liftgate', 'ev']);
    expect(parseList('')).toEqual([]);
  });
  it('reads blank numbers as absent, none or a named mistake', () => {
    const r = new DraftReader();
    expect(r.number('', 'a', 'A', 'absent')).toBeUndefined();
    expect(r.number(' ', 'b', 'B', 'none')).toBeNull();
    expect(r.number('', 'c', 'C', 'required')).toBeNaN();
    expect(r.number('1 200', 'd', 'D', 'required')).toBe(1200);
    expect(r.number('12kg', 'e', 'E', 'required')).toBeNaN();
    expect(r.issues).toEqual([
      { field: 'c', label: 'C', message: 'enter a number' },
      { field: 'e', label: 'E', message: "'12kg' is not a number" },
    ]);
  });
  it('makes ids unique by numbering', () => {
    expect(uniqueId('van', [])).toBe('van');
    expect(uniqueId('van', ['van', 'van-2'])).toBe('van-3');
  });
});

describe('vehicle draft', () => {
  it('gives back the same vehicle, every optional field included, when nothing was typed', () => {
    const scenario = scenarioWithTwoDepots();
    const vehicle = fullVehicle();
    scenario.vehicles.push(vehicle);
    expect(vehicleFromDraft(draftOfVehicle(vehicle), scenario, vehicle.id)).toEqual({ vehicle, issues: [] });
    for (const v of makeMiniScenario().vehicles) expect(vehicleFromDraft(draftOfVehicle(v), scenario, v.id).vehicle).toEqual(v);
  });

  it('reads a new vehicle: blank capacity = no limit, blank id from the name, lists, shift, break, crew', () => {
    const scenario = scenarioWithTwoDepots();
    scenario.vehicles[1].id = 'van-1';
    const draft = { ...newVehicleDraft(scenario), name: 'Van 1', capacity: ['800', ''], features: 'liftgate, ev', crewSize: '2', crewSkills: 'installer', shiftStart: '7:30', shiftEnd: '16:00' };
    draft.breaks = [{ ...newBreakDraft([]), start: '12:00', end: '13:30', minutes: '45' }];
    const { vehicle, issues } = vehicleFromDraft(draft, scenario);
    expect(issues).toEqual([]);
    expect(vehicle).toMatchObject({
      id: 'van-1-2', name: 'Van 1', type: 'van', capacity: [800, null], startDepotId: 'hub', shift: { start: 450, end: 960 },
      features: ['liftgate', 'ev'], crew: { size: 2, skills: ['installer'] }, breaks: [{ id: 'break', timeWindows: [{ start: 720, end: 810 }], minutes: 45 }],
    });
    expect(vehicle).not.toHaveProperty('limits');
    expect(vehicle).not.toHaveProperty('overtime');
    expect(vehicle).not.toHaveProperty('crew.size', undefined);
  });

  it('names each bad field by its form label and saves nothing', () => {
    const scenario = scenarioWithTwoDepots();
    const draft = { ...newVehicleDraft(scenario), shiftStart: '8h', capacity: ['-5', ''], crewSkills: 'installer', speedFactor: '0', maxStops: 'ten', overtimeCost: '2' };
    const { vehicle, issues } = vehicleFromDraft(draft, scenario);
    expect(vehicle).toBeNull();
    const byLabel = Object.fromEntries(issues.map((i) => [i.label, i.message]));
    expect(byLabel).toEqual({
      'Capacity (kg)': 'must be ≥ 0',
      'Speed factor': 'must be ≥ 0.1',
      'Shift start': 'type a time as HH:MM, e.g. 08:30',
      'Crew size': 'enter how many people are on board to give the crew skills',
      'Max stops': "'ten' is not a number",
      'Overtime (max min)': 'enter the minutes of overtime allowed, or clear the cost',
    });
    // The model's own rules are named the same way: a shift that ends before it starts.
    const fixed = vehicleFromDraft({ ...draft, shiftStart: '18:00', shiftEnd: '09:00', crewSkills: '', maxStops: '', overtimeCost: '' }, scenario);
    expect(fixed.issues).toEqual([
      { field: 'capacity[0]', label: 'Capacity (kg)', message: 'must be ≥ 0' },
      { field: 'shift.end', label: 'Shift end', message: 'the shift ends before it starts' },
      { field: 'speedFactor', label: 'Speed factor', message: 'must be ≥ 0.1' },
    ]);
  });

  it('refuses an id another vehicle has and an unknown depot', () => {
    const scenario = scenarioWithTwoDepots();
    const issues = vehicleFromDraft({ ...newVehicleDraft(scenario), id: 'v2', startDepotId: 'gone' }, scenario).issues;
    expect(issues.map((i) => `${i.label}: ${i.message}`)).toEqual(["Id: another vehicle already has id 'v2'", "Start depot: unknown depot 'gone'"]);
    expect(vehicleFromDraft(draftOfVehicle(scenario.vehicles[1]), scenario, 'v2').issues).toEqual([]);
  });

  it('duplicates with a new id and name, all else equal', () => {
    const scenario = makeMiniScenario();
    const copy = duplicateVehicle(scenario.vehicles[0], scenario);
    expect(copy).toEqual({ ...scenario.vehicles[0], id: 'v1-copy', name: 'Van 1 (copy)' });
    scenario.vehicles.push(copy);
    expect(duplicateVehicle(scenario.vehicles[0], scenario)).toMatchObject({ id: 'v1-copy-2', name: 'Van 1 (copy 2)' });
  });
});

describe('vehicle bulk edit', () => {
  const column = (s: Scenario, name: string) => vehicleColumns(s).find((c) => c.name === name)!;

  it('sets the shift of every selected vehicle and leaves the rest of each as it was', () => {
    const scenario = scenarioWithTwoDepots();
    scenario.vehicles.push(fullVehicle());
    const picked = [scenario.vehicles[0], scenario.vehicles[2]];
    const { changed, issues } = applyBulk(picked, column(scenario, 'Shift'), ['06:00', '14:30'], vehicleCodec(scenario));
    expect(issues).toEqual([]);
    expect([...changed.keys()]).toEqual(['v1', 'truck-9']);
    expect(changed.get('truck-9')).toEqual({ ...fullVehicle(), shift: { start: 360, end: 870 } });
    expect(changed.get('v1')).toEqual({ ...scenario.vehicles[0], shift: { start: 360, end: 870 } });
  });

  it('clears a limit with a blank value and a capacity to no limit', () => {
    const scenario = scenarioWithTwoDepots();
    scenario.vehicles = [fullVehicle()];
    const codec = vehicleCodec(scenario);
    expect(applyBulk(scenario.vehicles, column(scenario, 'Max stops'), [''], codec).changed.get('truck-9')!.limits).toEqual({ maxDurationMinutes: 600, maxDrivingMinutes: 300, maxDistanceKm: 180.5 });
    expect(applyBulk(scenario.vehicles, column(scenario, 'Capacity (kg)'), [''], codec).changed.get('truck-9')!.capacity).toEqual([null, null]);
    expect(applyBulk(scenario.vehicles, column(scenario, 'Break'), ['', '', ''], codec).changed.get('truck-9')).not.toHaveProperty('breaks');
  });

  it('refuses the whole change when one vehicle cannot take it, naming the vehicle', () => {
    const scenario = scenarioWithTwoDepots();
    scenario.vehicles[1].shift = { start: 900, end: 1200 };
    const codec = vehicleCodec(scenario);
    const bad = applyBulk(scenario.vehicles, column(scenario, 'Shift'), ['8:00', 'late'], codec);
    expect(bad).toEqual({ changed: new Map(), issues: [{ field: 'shift.end', label: 'Shift end', message: 'type a time as HH:MM, e.g. 08:30' }] });
    const skills = applyBulk(scenario.vehicles, column(scenario, 'Crew skills'), ['installer'], codec);
    expect(skills.issues).toEqual([{ field: 'crew.size', label: 'Crew size', message: 'Van 1: enter how many people are on board to give the crew skills', item: 'Van 1' }, { field: 'crew.size', label: 'Crew size', message: 'Van 2: enter how many people are on board to give the crew skills', item: 'Van 2' }]);
  });
});
