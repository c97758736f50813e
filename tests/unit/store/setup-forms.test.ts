// The set-up forms' drafts: a depot typed in the form (Name, Location "lat, lng",
// Opens, Closes, optional Id) becomes a checked depot or issues named by those
// labels; ids are made from names and kept unique; the day and the scenario
// name are checked as typed; a depot outside the data asks the map to frame again.
import { describe, expect, it } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import { dateProblem, formatDay, nameProblem } from '../../../web/src/components/setup/day';
import { depotFromDraft, depotIdFor, draftOfDepot, emptyDepotDraft, outsideData, readDayTime } from '../../../web/src/components/setup/depot-draft';
import { issueFor } from '../../../web/src/components/ui/form/issues';
import { makeMiniScenario } from '../../fixtures/mini-scenario';

const draft = (fields: Partial<ReturnType<typeof emptyDepotDraft>>) => ({ ...emptyDepotDraft(), ...fields });

describe('depot form draft', () => {
  it('turns a typed depot into a depot with an id made from its name', () => {
    const scenario = makeMiniScenario();
    const result = depotFromDraft(draft({ name: 'North Hub', location: ' 45.8, 4.85 ', open: '6:30', close: '21:00' }), scenario);
    expect(result).toEqual({ ok: true, value: { id: 'north-hub', name: 'North Hub', lat: 45.8, lng: 4.85, open: 390, close: 1260 } });
  });

  it('names every field that is wrong, by its form label, and keeps going past the first', () => {
    const result = depotFromDraft(draft({ name: ' ', location: '95, 4.8', open: '25:00', close: '' }), makeMiniScenario());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.label)).toEqual(['Name', 'Location', 'Opens', 'Closes']);
    expect(issueFor(result.issues, 'Location')).toMatch(/latitude 95 is outside -90…90/);
    expect(issueFor(result.issues, 'Opens')).toMatch(/not a valid time/);
  });

  it('refuses a depot that closes before it opens, and an id another depot has', () => {
    const scenario = makeMiniScenario();
    const late = depotFromDraft(draft({ name: 'Late', location: '45.7, 4.8', open: '18:00', close: '08:00' }), scenario);
    expect(late.ok || issueFor(late.issues, 'Closes')).toBe('closes before it opens');
    const taken = depotFromDraft(draft({ name: 'Other', location: '45.7, 4.8', id: 'hub' }), scenario);
    expect(taken.ok || issueFor(taken.issues, 'Id')).toBe("another depot already has id 'hub'");
  });

  it('edits a depot: the form shows it as typed text, and an unchanged name keeps its id', () => {
    const scenario = makeMiniScenario();
    const hub = scenario.depots[0];
    const form = draftOfDepot(hub);
    expect(form).toEqual({ name: 'Hub', location: `${hub.lat}, ${hub.lng}`, open: '07:00', close: '19:00', id: 'hub' });
    const result = depotFromDraft({ ...form, id: '', close: '20:00' }, scenario, hub);
    expect(result).toEqual({ ok: true, value: { ...hub, close: 1200 } });
  });

  it('makes unique, readable ids', () => {
    expect(depotIdFor('Entrepôt Sud!', [])).toBe('entrepot-sud');
    expect(depotIdFor('Hub', ['hub', 'hub-2'])).toBe('hub-3');
    expect(depotIdFor('***', [])).toBe('depot');
  });

  it('reads times of day, and "+1" for the next day', () => {
    expect(readDayTime('07:30')).toEqual({ ok: true, value: 450 });
    expect(readDayTime('730')).toEqual({ ok: true, value: 450 });
    expect(readDayTime('02:00 +1')).toEqual({ ok: true, value: 1560 });
    expect(readDayTime('later').ok).toBe(false);
    expect(readDayTime('').ok).toBe(false);
  });

  it('asks for a new frame only when a depot lies outside the data (or there is no data yet)', () => {
    const scenario = makeMiniScenario();
    expect(outsideData(makeBlankScenario('b', 'Blank', '2026-12-07'), 45.5, -122.6)).toBe(true);
    const inside = scenario.depots[0];
    expect(outsideData(scenario, inside.lat, inside.lng)).toBe(false);
    expect(outsideData(scenario, 45.52, -122.68)).toBe(true);
  });
});

describe('day and name of a scenario', () => {
  it('accepts real calendar days only, saying what is wrong', () => {
    expect(dateProblem('2026-12-07')).toBeNull();
    expect(dateProblem('')).toBe('pick a day (YYYY-MM-DD)');
    expect(dateProblem('07/12/2026')).toMatch(/YYYY-MM-DD/);
    expect(dateProblem('2026-02-30')).toMatch(/not a day of the calendar/);
  });

  it('writes the day as the header shows it, and needs a name', () => {
    expect(formatDay('2026-12-07')).toBe('Mon, 7 Dec 2026');
    expect(nameProblem('  ')).toBe('type a name for the scenario');
    expect(nameProblem('Portland')).toBeNull();
  });
});
