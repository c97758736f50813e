// The geocoding setting: off by default, a bad URL or interval explained under
// its field, saving it keeps the plan current, and the page's policy admits
// exactly the configured geocoding host.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { draftOf, settingsFromDraft } from '../../../web/src/components/settings-draft';
import { configuredSources } from '../../../web/src/csp-policy';
import { defaultSettings } from '../../../web/src/domain/blank';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

describe('geocoding setting', () => {
  it('is off by default: no URL, and the draft leaves it absent', () => {
    expect(defaultSettings('2026-12-01').geocodeUrl).toBeUndefined();
    const scenario = makeMiniScenario();
    const { settings, issues } = settingsFromDraft(scenario, draftOf(scenario));
    expect(issues).toEqual([]);
    expect('geocodeUrl' in settings).toBe(false);
    expect('geocodeIntervalMs' in settings).toBe(false);
  });

  it('explains a bad URL or interval under its field', () => {
    const scenario = makeMiniScenario();
    const draft = { ...draftOf(scenario), geocodeUrl: 'nominatim.example.org', geocodeIntervalMs: '-5' };
    const paths = settingsFromDraft(scenario, draft).issues.map((i) => `${i.label}: ${i.message}`);
    expect(paths).toContain('Geocoding search URL: must be a full URL such as https://nominatim.openstreetmap.org/search');
    expect(paths).toContain('Time between geocoding requests (ms): must be ≥ 0');
  });

  it('saves without making the plan stale, and is read back into the draft', () => createRoot((dispose) => {
    const [state, actions] = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    const scenario = actions.snapshot()!;
    const draft = { ...draftOf(scenario), geocodeUrl: ' https://geo.example.org/search ', geocodeIntervalMs: '1500' };
    const { settings, issues } = settingsFromDraft(scenario, draft);
    expect(issues).toEqual([]);
    actions.updateSettings(settings);
    expect(state.scenario?.settings.geocodeUrl).toBe('https://geo.example.org/search');
    expect(state.scenario?.settings.geocodeIntervalMs).toBe(1500);
    expect(state.planStatus).toBe('valid');
    expect(state.changes).toBe(1);
    expect(draftOf(actions.snapshot()!)).toMatchObject({ geocodeUrl: 'https://geo.example.org/search', geocodeIntervalMs: '1500' });
    dispose();
  }));

  it('admits exactly the geocoding host in the CSP', () => {
    expect(configuredSources([{ tileUrl: '', geocodeUrl: 'https://geo.example.org:8443/search' }])).toEqual(['https://geo.example.org:8443']);
    expect(configuredSources([{ geocodeUrl: 'http://127.0.0.1:7070/search' }, { geocodeUrl: '' }])).toEqual(['http://127.0.0.1:7070']);
    expect(configuredSources([{ geocodeUrl: 'https://evil.example; script-src *' }])).toEqual([]);
  });
});
