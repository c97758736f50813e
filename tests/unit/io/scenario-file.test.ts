// The scenario file: an export imports back to the very same scenario (plan
// included); other JSON and newer versions are refused with a reason.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../web/src/domain/scenario';
import { upgradeScenario } from '../../../web/src/io/restore';
import { readScenarioFile, serializeScenarioFile } from '../../../web/src/io/scenario-file';
import { makeMiniPlan, makeMiniScenario as makeV1 } from '../../fixtures/mini-scenario';

/** The fixture upgraded to the current schema version, as the app holds it. */
function makeMiniScenario(): Scenario {
  const upgraded = upgradeScenario(makeV1());
  if (!upgraded.ok) throw new Error(upgraded.message);
  return upgraded.scenario;
}

describe('scenario file', () => {
  it('round-trips a scenario with its plan and custom fields losslessly', () => {
    const base = makeMiniScenario();
    base.orders[0].extra = { Floor: '3', 'Gate code': '4821A' };
    base.orders[0].skills = ['white-glove'];
    const scenario = { ...base, plan: makeMiniPlan(base) };
    const text = serializeScenarioFile(scenario);
    expect(JSON.parse(text)).toMatchObject({ type: 'final-mile-scenario-file', version: 1 });
    expect(readScenarioFile(text)).toEqual({ ok: true, scenario, warnings: [] });
  });

  it('carries the scenario\'s pins, and leaves them out when nothing is pinned', () => {
    const scenario = makeMiniScenario();
    const pins = { orders: { o1: 'v1', o3: 'v2' }, routes: ['v2'] };
    const text = serializeScenarioFile(scenario, pins);
    expect(JSON.parse(text).pins).toEqual(pins);
    expect(readScenarioFile(text)).toEqual({ ok: true, scenario, warnings: [], pins });
    expect(JSON.parse(serializeScenarioFile(scenario, { orders: {}, routes: [] }))).not.toHaveProperty('pins');
  });

  it('also opens a bare scenario record, upgrading an old version', () => {
    expect(readScenarioFile(JSON.stringify(makeV1()))).toMatchObject({ ok: true, scenario: makeMiniScenario() });
  });

  it('refuses other JSON, broken JSON, newer versions and invalid scenarios, saying why', () => {
    expect(readScenarioFile('{"jobs": []}')).toEqual({ ok: false, message: 'this is not a Final Mile Planner scenario file' });
    expect(readScenarioFile('{').ok).toBe(false);
    expect(readScenarioFile(JSON.stringify({ type: 'final-mile-scenario-file', version: 99, scenario: {} }))).toMatchObject({ ok: false, message: expect.stringContaining('newer') });
    const bad = makeMiniScenario();
    bad.orders[0].lat = 123;
    expect(readScenarioFile(serializeScenarioFile(bad))).toMatchObject({ ok: false, message: expect.stringContaining('latitude must be ≤ 90') });
  });
});
