// Restore: stored or fetched data is validated, saved plans are re-checked by
// the independent checker, damaged plans are dropped with a warning, and the
// demo download reports what went wrong.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fetchDemoScenario, readSavedScenario, readScenarioRecord, upgradeScenario } from '../../../web/src/io/restore';
import type { PlannerDb } from '../../../web/src/io/db';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

const jsonResponse = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function memoryDb(records: Record<string, unknown>, currentId?: string): PlannerDb {
  return {
    getCurrentScenarioId: async () => currentId,
    getScenario: async (id) => records[id],
    saveCurrentScenario: async () => {},
  };
}

describe('upgradeScenario', () => {
  it('accepts a valid scenario and re-checks its plan', () => {
    const result = upgradeScenario(makeMiniScenario({ plan: makeMiniPlan() }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario.plan?.solution.check.ok).toBe(true);
  });

  it('replaces a stored "ok" check by the checker\'s verdict when the plan was tampered with', () => {
    const plan = makeMiniPlan();
    plan.solution.routes[0].steps[1].arrivalS -= 600;
    const result = upgradeScenario(makeMiniScenario({ plan }));
    expect(result.ok && result.scenario.plan?.solution.check.ok).toBe(false);
  });

  it("keeps an explanation's groups (the whole fleet by rule) through restore", () => {
    const plan = makeMiniPlan();
    const groups = [{ reason: 'capacity' as const, count: 400, vehicleIds: ['v1'], rules: ['capacity'] }];
    plan.solution.explanations = [{ orderId: 'o1', kind: 'unassigned', vehicles: [], groups, summary: 'x' }];
    const result = upgradeScenario(makeMiniScenario({ plan }));
    expect(result.ok && result.scenario.plan?.solution.explanations?.[0].groups).toEqual(groups);
  });

  it('drops a damaged plan with a warning instead of failing the whole scenario', () => {
    const result = upgradeScenario({ ...makeMiniScenario(), plan: { solvedRevision: 'x' } });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.scenario.plan).toBeNull();
      expect(result.warnings[0]).toMatch(/plan was damaged/);
    }
  });

  it('rejects invalid data with messages naming entity and field', () => {
    const bad = makeMiniScenario();
    bad.orders[1].lat = 123;
    const result = upgradeScenario(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("order 'o2'");
  });
});

describe('readSavedScenario', () => {
  it('reports a first visit as none', async () => {
    expect(await readSavedScenario(memoryDb({}))).toEqual({ kind: 'none' });
  });

  it('finds the scenario the pointer names', async () => {
    const read = await readSavedScenario(memoryDb({ mini: makeMiniScenario() }, 'mini'));
    expect(read.kind).toBe('found');
  });

  it('calls a dangling pointer invalid', async () => {
    const read = await readSavedScenario(memoryDb({}, 'gone'));
    expect(read).toEqual({ kind: 'invalid', message: "the saved scenario 'gone' is missing" });
  });

  it('with a database that reads records itself (the save worker), opens what it read and adopts that version', async () => {
    const adopted: [string, number | undefined][] = [];
    const scenario = makeMiniScenario({ plan: makeMiniPlan() });
    const db: PlannerDb = {
      ...memoryDb({}, 'mini'),
      getScenario: () => Promise.reject(new Error('read on the page')),
      readRecord: async (id) => (id === 'mini' ? { read: readScenarioRecord(scenario), stamp: 42 } : undefined),
      adopt: (id, stamp) => void adopted.push([id, stamp]),
    };
    const read = await readSavedScenario(db);
    expect(read).toMatchObject({ kind: 'found', scenario: { id: 'mini' } });
    expect(read.kind === 'found' && read.scenario.plan?.solution.check.ok).toBe(true);
    expect(adopted).toEqual([['mini', 42]]);
    expect(await readSavedScenario({ ...db, getCurrentScenarioId: async () => 'gone' })).toEqual({ kind: 'invalid', message: "the saved scenario 'gone' is missing" });
  });
});

describe('fetchDemoScenario', () => {
  it('loads the shipped demo relative to the base URL and validates it', async () => {
    const demo = JSON.parse(readFileSync('public/demo-scenario.json', 'utf8'));
    let asked = '';
    const scenario = await fetchDemoScenario(async (url) => {
      asked = String(url);
      return jsonResponse(demo);
    }, '/planner');
    expect(asked).toBe('/planner/demo-scenario.json');
    expect(scenario.orders.length).toBeGreaterThan(0);
  });

  it('says which step failed', async () => {
    await expect(fetchDemoScenario(async () => jsonResponse({}, 404), '/')).rejects.toThrow('HTTP 404');
    await expect(fetchDemoScenario(async () => new Response('<html>'), '/')).rejects.toThrow('not valid JSON');
    await expect(fetchDemoScenario(async () => jsonResponse({ type: 'x' }), '/')).rejects.toThrow('not a valid scenario');
    await expect(fetchDemoScenario(async () => { throw new TypeError('Failed to fetch'); }, '/')).rejects.toThrow('Failed to fetch');
  });
});

describe('stored record schema (v3): plan and pins validated on load', () => {
  it('names the damaged plan field and removes only the plan', () => {
    const plan = makeMiniPlan() as unknown as { solution: { routes: { steps: { arrivalS: unknown }[] }[] } };
    plan.solution.routes[0].steps[1].arrivalS = 'soon';
    const result = upgradeScenario(makeMiniScenario({ plan: plan as never }));
    expect(result.ok && result.scenario.plan).toBeNull();
    expect(result.ok && result.warnings[0]).toMatch(/plan\.solution\.routes\.0\.steps\.1\.arrivalS/);
  });

  it('returns the pins of a record validated, and drops damaged pins with a warning naming the field', () => {
    const good = readScenarioRecord({ ...makeMiniScenario(), pins: { orders: { o1: 'v1' }, routes: ['v1'] } });
    expect(good.ok && good.pins).toEqual({ orders: { o1: 'v1' }, routes: ['v1'] });
    const bad = readScenarioRecord({ ...makeMiniScenario(), pins: { orders: { o1: 7 }, routes: [] } });
    expect(bad.ok && bad.pins).toEqual({ orders: {}, routes: [] });
    expect(bad.ok && bad.warnings.join(' ')).toMatch(/saved pins were damaged \(pins\.orders\.o1: /);
  });

  it('reports data of a newer version as such (to be left untouched), not as invalid', async () => {
    const newer = { ...makeMiniScenario(), version: 99 };
    expect(upgradeScenario(newer)).toMatchObject({ ok: false, newer: true });
    expect(await readSavedScenario(memoryDb({ mini: newer }, 'mini'))).toMatchObject({ kind: 'newer', message: expect.stringMatching(/newer version.*scenario version 99/) });
  });
});
