// The On-time target setting (issue #14): off and absent by default, 0–99 whole
// percent with the problem named under its field, stored only when set, read back
// into the draft, round-tripped by a scenario file, and a change makes the plan stale.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { draftOf, settingsFromDraft } from '../../../web/src/components/settings-draft';
import { validateScenario } from '../../../web/src/domain/validate';
import { readScenarioFile, serializeScenarioFile } from '../../../web/src/io/scenario-file';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

describe('On-time target setting', () => {
  it('is absent by default, and an empty or 0 draft leaves it absent', () => {
    const scenario = makeMiniScenario();
    expect(draftOf(scenario).onTimeTarget).toBe('');
    for (const text of ['', ' 0 ']) {
      const { settings, issues } = settingsFromDraft(scenario, { ...draftOf(scenario), onTimeTarget: text });
      expect(issues).toEqual([]);
      expect('onTimeTarget' in settings).toBe(false);
    }
  });

  it('accepts whole percents 1–99 and names the field for anything else', () => {
    const scenario = makeMiniScenario();
    expect(settingsFromDraft(scenario, { ...draftOf(scenario), onTimeTarget: '90' }).settings.onTimeTarget).toBe(90);
    const problems = (text: string) => settingsFromDraft(scenario, { ...draftOf(scenario), onTimeTarget: text }).issues.map((i) => `${i.label}: ${i.message}`);
    expect(problems('100')).toEqual(['On-time target (%): must be ≤ 99']);
    expect(problems('-5')).toEqual(['On-time target (%): must be ≥ 0']);
    expect(problems('90.5')).toEqual(['On-time target (%): must be a whole percent']);
    expect(problems('ninety')).toHaveLength(1);
    expect(problems('ninety')[0]).toMatch(/^On-time target \(%\): /);
  });

  it('is validated in a scenario: 0–99 whole percent', () => {
    const scenario = makeMiniScenario();
    const check = (target: unknown) => validateScenario({ ...scenario, settings: { ...scenario.settings, onTimeTarget: target } });
    expect(check(0).ok && check(95).ok).toBe(true);
    for (const bad of [100, -1, 12.5, '90']) expect(check(bad).ok).toBe(false);
  });

  it('round-trips in a scenario file, and saving it makes the plan stale', () => createRoot((dispose) => {
    const [state, actions] = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
    const scenario = actions.snapshot()!;
    const { settings } = settingsFromDraft(scenario, { ...draftOf(scenario), onTimeTarget: '85' });
    actions.updateSettings(settings);
    expect(state.scenario?.settings.onTimeTarget).toBe(85);
    expect(state.planStatus).not.toBe('valid');
    expect(draftOf(actions.snapshot()!).onTimeTarget).toBe('85');
    const read = readScenarioFile(serializeScenarioFile(actions.snapshot()!));
    expect(read.ok && read.scenario.settings.onTimeTarget).toBe(85);
    const without = readScenarioFile(serializeScenarioFile(makeMiniScenario()));
    expect(without.ok && 'onTimeTarget' in without.scenario.settings).toBe(false);
    dispose();
  }));
});
