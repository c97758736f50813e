// The Settings dialog's customer messages: an untouched draft gives back the same
// settings, edits are stored (defaults left out), bad numbers are named by field,
// and saving only message settings leaves the plan current.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { draftOf, settingsFromDraft } from '../../../web/src/components/settings-draft';
import { DEFAULT_TEMPLATES } from '../../../web/src/domain/messages/templates';
import type { Scenario } from '../../../web/src/domain/scenario';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';
import { smallScenario } from '../../fixtures/small-scenario';

function withMessages(): Scenario {
  const s = smallScenario();
  s.settings.messages = { company: 'Acme', etaRoundMinutes: 10, templates: { delay: { subject: 'Late', body: 'Sorry {customer}' } } };
  return s;
}

describe('settings draft: customer messages', () => {
  it('gives back identical settings when nothing was typed', () => {
    for (const s of [smallScenario(), withMessages()]) {
      const { settings, issues } = settingsFromDraft(s, draftOf(s));
      expect(issues).toEqual([]);
      expect(settings).toEqual(s.settings);
    }
  });

  it('stores edited templates, company and ETA settings; a template back at its default is dropped', () => {
    const s = withMessages();
    const draft = draftOf(s);
    draft.messages!.templates['on-the-way'].body = 'On its way {eta_window}';
    draft.messages!.templates.delay = { ...DEFAULT_TEMPLATES.delay };
    draft.messages!.company = '  Acme Deliveries ';
    draft.messages!.etaHalfWidthMinutes = '20';
    const { settings, issues } = settingsFromDraft(s, draft);
    expect(issues).toEqual([]);
    expect(settings.messages).toEqual({
      company: 'Acme Deliveries', etaHalfWidthMinutes: 20, etaRoundMinutes: 10,
      templates: { 'on-the-way': { subject: DEFAULT_TEMPLATES['on-the-way'].subject, body: 'On its way {eta_window}' } },
    });
  });

  it('names bad ETA numbers and over-long texts by their field', () => {
    const s = smallScenario();
    const draft = draftOf(s);
    draft.messages!.etaHalfWidthMinutes = 'soon';
    draft.messages!.etaRoundMinutes = '0';
    draft.messages!.templates.redelivery.body = 'x'.repeat(2001);
    const found = settingsFromDraft(s, draft).issues.map((i) => `${i.label}: ${i.message}`);
    expect(found).toEqual(expect.arrayContaining([
      'ETA window, minutes either side: must be a number',
      'ETA window, rounded to minutes: must be ≥ 1',
      'Re-delivery confirmation: text: must be at most 2000 characters',
    ]));
  });

  it('saving only message settings keeps the plan current', () => {
    createRoot((dispose) => {
      const [state, actions] = createScenarioStore(makeMiniScenario({ plan: makeMiniPlan() }));
      const draft = draftOf(state.scenario!);
      draft.messages!.company = 'Acme';
      const { settings } = settingsFromDraft(actions.snapshot()!, draft);
      const changes = state.changes;
      actions.updateSettings(settings);
      expect(state.scenario!.settings.messages).toEqual({ company: 'Acme' });
      expect(state.changes).toBe(changes + 1);
      expect(state.planStatus).toBe('valid');
      dispose();
    });
  });
});
