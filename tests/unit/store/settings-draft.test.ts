// The Settings dialog's draft (text in, settings and labelled issues out) and the
// store's updateSettings: what makes a plan stale, and units that move their data along.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { draftOf, settingsFromDraft, unitUse, type SettingsDraft } from '../../../web/src/components/settings-draft';
import type { Scenario } from '../../../web/src/domain/scenario';
import { validateScenario } from '../../../web/src/domain/validate';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';
import { smallScenario } from '../../fixtures/small-scenario';

function inRoot<T>(fn: () => T): T {
  return createRoot((dispose) => {
    const result = fn();
    dispose();
    return result;
  });
}

/** A draft of `scenario` with `edit` applied to it. */
function edited(scenario: Scenario, edit: (draft: SettingsDraft) => void) {
  const draft = draftOf(scenario);
  edit(draft);
  return settingsFromDraft(scenario, draft);
}

/** A scenario with a second vehicle type without a speed, an edited catalogue entry and an explicit item unit. */
function richScenario(): Scenario {
  const s = smallScenario();
  s.vehicles[1].type = 'box-truck';
  s.settings.serviceTypes = { 'white-glove': { label: 'White glove', baseMinutes: 40, minutesPerItem: 2.5, crewSize: 2, skills: ['white-glove', 'ladder'], pickup: 'none', priorityBoost: 0 } };
  s.settings.itemUnit = 'items';
  s.settings.tileUrl = 'https://tiles.example/{z}/{x}/{y}.png';
  s.settings.unassignedPenalty = { base: 10, perPriority: 5 };
  return s;
}

describe('settings draft', () => {
  it('gives back identical settings when nothing was typed', () => {
    for (const scenario of [smallScenario(), makeMiniScenario(), richScenario()]) {
      const { settings, unitSources, issues } = settingsFromDraft(scenario, draftOf(scenario));
      expect(issues).toEqual([]);
      expect(settings).toEqual(scenario.settings);
      expect(unitSources).toEqual(scenario.settings.capacityUnits.map((_, k) => k));
    }
  });

  it('shows one speed per vehicle type of the fleet, the default for a type without one', () => {
    expect(draftOf(richScenario()).speedKmh).toEqual({ van: '30', 'box-truck': '30' });
    const { settings } = edited(richScenario(), (d) => { d.speedKmh['box-truck'] = '22,5'; });
    expect(settings.speedKmh).toEqual({ van: 30, 'box-truck': 22.5 });
  });

  it('names the field and the rule of a bad circuity factor, and says when it is not a number', () => {
    expect(edited(smallScenario(), (d) => { d.circuityFactor = '0.8'; }).issues).toEqual([
      { path: 'settings.circuityFactor', label: 'Circuity factor', message: 'must be ≥ 1' },
    ]);
    expect(edited(smallScenario(), (d) => { d.circuityFactor = 'abc'; }).issues).toEqual([
      { path: 'settings.circuityFactor', label: 'Circuity factor', message: 'must be a number' },
    ]);
  });

  it('keeps the routing service off by default and stores its URL and non-default profiles only', () => {
    expect(draftOf(richScenario())).toMatchObject({ routingUrl: '', routingProfiles: { van: '', 'box-truck': '' } });
    const off = edited(richScenario(), (d) => { d.routingProfiles.van = 'car'; });
    expect(off.settings).not.toHaveProperty('routingUrl');
    expect(off.settings).not.toHaveProperty('routingProfiles');
    const on = edited(richScenario(), (d) => { d.routingUrl = ' https://router.example.test/ '; d.routingProfiles['box-truck'] = 'truck'; });
    expect(on.issues).toEqual([]);
    expect(on.settings.routingUrl).toBe('https://router.example.test/');
    expect(on.settings.routingProfiles).toEqual({ 'box-truck': 'truck' });
  });

  it('names a routing URL that is not a plain http(s) address, and a bad profile by vehicle type', () => {
    expect(edited(smallScenario(), (d) => { d.routingUrl = 'ftp://router.test'; }).issues).toEqual([
      { path: 'settings.routingUrl', label: 'Routing service URL', message: 'must be an http:// or https:// address such as https://router.example.org' },
    ]);
    expect(edited(smallScenario(), (d) => { d.routingUrl = 'http://router.test'; d.routingProfiles.van = 'a b'; }).issues).toEqual([
      { path: 'settings.routingProfiles.van', label: 'Routing profile, van', message: 'must be a profile name (letters, digits, - or _)' },
    ]);
  });

  it('names the vehicle type of a negative speed', () => {
    expect(edited(smallScenario(), (d) => { d.speedKmh.van = '-5'; }).issues).toEqual([
      { path: 'settings.speedKmh.van', label: 'Urban speed, van (km/h)', message: 'must be ≥ 1 km/h' },
    ]);
  });

  it('refuses an empty or repeated unit name, naming the unit by position', () => {
    expect(edited(smallScenario(), (d) => { d.capacityUnits[0].name = '  '; }).issues).toEqual([
      { path: 'settings.capacityUnits[0]', label: 'Capacity unit 1', message: 'must not be empty' },
    ]);
    expect(edited(smallScenario(), (d) => { d.capacityUnits[1].name = 'kg'; }).issues).toContainEqual(
      { path: 'settings.capacityUnits[1]', label: 'Capacity unit 2', message: "'kg' is used twice" },
    );
  });

  it('names the service type and column of a bad crew size', () => {
    expect(edited(smallScenario(), (d) => { d.serviceTypes.curbside.crewSize = '0'; }).issues).toEqual([
      { path: 'settings.serviceTypes.curbside.crewSize', label: 'Threshold / curbside: crew size', message: 'must be ≥ 1' },
    ]);
    expect(edited(smallScenario(), (d) => { d.serviceTypes['white-glove'].crewSize = '1.5'; }).issues).toEqual([
      { path: 'settings.serviceTypes.white-glove.crewSize', label: 'White glove: crew size', message: 'must be a whole number' },
    ]);
  });

  it('stores only the catalogue entries that differ from the defaults, with skills split on commas', () => {
    const { settings, issues } = edited(smallScenario(), (d) => {
      d.serviceTypes.installation.baseMinutes = '75';
      d.serviceTypes.installation.skills = 'installer, electrician ,';
    });
    expect(issues).toEqual([]);
    expect(Object.keys(settings.serviceTypes ?? {})).toEqual(['installation']);
    expect(settings.serviceTypes?.installation).toMatchObject({ baseMinutes: 75, skills: ['installer', 'electrician'], crewSize: 1 });
  });

  it('keeps counting items in a renamed item unit', () => {
    const { settings } = edited(smallScenario(), (d) => { d.capacityUnits[1].name = 'parcels-xl'; });
    expect(settings.capacityUnits).toEqual(['kg', 'parcels-xl']);
    expect(settings.itemUnit).toBe('parcels-xl');
  });

  it('refuses to remove a unit that orders carry amounts in, and allows adding one', () => {
    const removed = edited(smallScenario(), (d) => { d.capacityUnits.splice(0, 1); });
    expect(removed.issues).toEqual([
      { path: 'settings.capacityUnits', label: 'Capacity units', message: "'kg' cannot be removed: 5 orders carry an amount in it" },
    ]);
    const added = edited(smallScenario(), (d) => { d.capacityUnits.push({ name: 'm3', from: null }); });
    expect(added.issues).toEqual([]);
    expect(added.unitSources).toEqual([0, 1, null]);
  });

  it('allows removing a unit only vehicles have capacity in', () => {
    const s = smallScenario();
    s.orders.forEach((o) => { o.amounts[0] = 0; });
    expect(unitUse(s)).toEqual([{ orders: 0, vehicles: 2 }, { orders: 5, vehicles: 2 }]);
    const { issues, unitSources, settings } = edited(s, (d) => { d.capacityUnits.splice(0, 1); });
    expect(issues).toEqual([]);
    expect(unitSources).toEqual([1]);
    expect(settings.capacityUnits).toEqual(['items']);
  });
});

describe('updateSettings', () => {
  it('makes the plan stale when a speed changes', () => inRoot(() => {
    const [state, actions] = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    const scenario = actions.snapshot()!;
    actions.updateSettings(edited(scenario, (d) => { d.speedKmh.van = '35'; }).settings);
    expect(state.scenario?.settings.speedKmh.van).toBe(35);
    expect(state.planStatus).toBe('stale');
    expect(state.changes).toBe(1);
  }));

  it('keeps the plan current when only the map tiles change', () => inRoot(() => {
    const [state, actions] = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    const scenario = actions.snapshot()!;
    actions.updateSettings(edited(scenario, (d) => { d.tileUrl = 'https://tiles.example/{z}/{x}/{y}.png'; d.tileAttribution = '© Example'; }).settings);
    expect(state.scenario?.settings.tileUrl).toBe('https://tiles.example/{z}/{x}/{y}.png');
    expect(state.planStatus).toBe('valid');
    expect(state.changes).toBe(1);
  }));

  it('is not an edit when nothing changed', () => inRoot(() => {
    const [state, actions] = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    const scenario = actions.snapshot()!;
    const { settings, unitSources } = settingsFromDraft(scenario, draftOf(scenario));
    actions.updateSettings(settings, unitSources);
    expect(state.changes).toBe(0);
    expect(state.planStatus).toBe('valid');
  }));

  it('moves capacities, amounts and plan loads along with added and reordered units', () => inRoot(() => {
    const [state, actions] = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    const scenario = actions.snapshot()!;
    const loadsBefore = scenario.plan!.solution.routes.flatMap((r) => r.steps.map((s) => s.load));
    const { settings, unitSources, issues } = edited(scenario, (d) => { d.capacityUnits = [d.capacityUnits[1], { name: 'm3', from: null }, d.capacityUnits[0]]; });
    expect(issues).toEqual([]);
    actions.updateSettings(settings, unitSources);
    const after = actions.snapshot()!;
    expect(after.settings.capacityUnits).toEqual(['items', 'm3', 'kg']);
    expect(after.vehicles[0].capacity).toEqual([10, 0, 100]);
    expect(after.orders.map((o) => o.amounts)).toEqual(scenario.orders.map((o) => [o.amounts[1], 0, o.amounts[0]]));
    expect(after.plan!.solution.routes.flatMap((r) => r.steps.map((s) => s.load))).toEqual(loadsBefore.map((l) => [l[1], 0, l[0]]));
    expect(validateScenario(after).ok).toBe(true);
    expect(state.planStatus).toBe('stale');
  }));
});
