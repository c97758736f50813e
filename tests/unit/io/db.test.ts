// The IndexedDB layer: a saved scenario comes back as it went in, under the
// "open last" pointer; a first visit has no pointer.
import { describe, expect, it } from 'vitest';
import { isQuotaExceeded, makePlannerDb } from '../../../web/src/io/db';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

let dbCounter = 0;
const freshDb = () => makePlannerDb({ scenarios: `db-test-s-${++dbCounter}`, session: `db-test-p-${dbCounter}` });

describe('planner db', () => {
  it('has no current scenario on a first visit', async () => {
    expect(await freshDb().getCurrentScenarioId()).toBeUndefined();
  });

  it('round-trips the current scenario with its plan', async () => {
    const db = freshDb();
    const scenario = makeMiniScenario({ plan: makeMiniPlan() });
    await db.saveCurrentScenario(scenario);
    expect(await db.getCurrentScenarioId()).toBe('mini');
    expect(await db.getScenario('mini')).toEqual(scenario);
  });

  it('recognises quota errors by name, whatever their class', () => {
    expect(isQuotaExceeded(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaExceeded(Object.assign(new Error('full'), { name: 'QuotaExceededError' }))).toBe(true);
    expect(isQuotaExceeded(new Error('other'))).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
  });
});
