// The scenario's optional message settings and message log: old scenarios load
// without them, a scenario with them validates and keeps them, bad entries are named by path.
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../../web/src/domain/validate';
import type { Scenario } from '../../../../web/src/domain/scenario';
import { smallScenario } from '../../../fixtures/small-scenario';

const ENTRY = { orderId: 'A', kind: 'delay', channel: 'sms', at: '2026-11-21T09:32:10.123Z', dayMinutes: 572, text: 'Hi & bye 🚚' } as const;

function withMessages(): Scenario {
  const s = smallScenario();
  s.settings.messages = { company: 'Acme', etaHalfWidthMinutes: 20, templates: { delay: { subject: 'Late', body: 'Sorry {customer}' } } };
  s.messageLog = [{ ...ENTRY }];
  return s;
}

describe('scenario with customer messages', () => {
  it('loads a scenario without them (older records), version 1 included', () => {
    const s = smallScenario();
    expect(validateScenario(s).ok).toBe(true);
    expect(validateScenario({ ...JSON.parse(JSON.stringify(s)), version: 1 }).ok).toBe(true);
  });

  it('keeps settings.messages and messageLog through validation', () => {
    const s = withMessages();
    const result = validateScenario(JSON.parse(JSON.stringify(s)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.settings.messages).toEqual(s.settings.messages);
    expect(result.scenario.messageLog).toEqual([ENTRY]);
  });

  it('names the field of a bad log entry or setting', () => {
    const bad = JSON.parse(JSON.stringify(withMessages()));
    bad.messageLog[0].channel = 'fax';
    bad.messageLog.push({ ...ENTRY, at: 'yesterday' });
    bad.settings.messages.etaRoundMinutes = 0;
    bad.settings.messages.templates.shout = { subject: '', body: '' };
    const result = validateScenario(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => `${i.path}: ${i.message}`);
    expect(paths).toEqual(expect.arrayContaining([
      'messageLog[0].channel: unknown channel',
      'messageLog[1].at: must be an ISO timestamp',
      'settings.messages.etaRoundMinutes: must be ≥ 1',
    ]));
    expect(paths.some((p) => p.startsWith('settings.messages.templates') && p.includes('unknown message kind'))).toBe(true);
  });
});
