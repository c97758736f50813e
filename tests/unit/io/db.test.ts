// The IndexedDB layer: a saved scenario comes back as it went in, under the
// "open last" pointer; a first visit has no pointer.
import { describe, expect, it } from 'vitest';
import { createStore, set } from 'idb-keyval';
import { CURRENT_KEY, isQuotaExceeded, isStaleWrite, makePlannerDb } from '../../../web/src/io/db';
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

describe('planner db: no half-written scenario, no overwritten newer copy', () => {
  const names = () => ({ scenarios: `db-atomic-s-${++dbCounter}`, session: `db-atomic-p-${dbCounter}` });

  it('keeps the last complete state when a save transaction aborts midway (crash, closed tab)', async () => {
    const where = names();
    const db = makePlannerDb(where);
    await db.saveCurrentScenario(makeMiniScenario({ name: 'complete', pins: { orders: { o1: 'v1' }, routes: [] } } as never));
    await db.putScenario(makeMiniScenario({ id: 'other' }));
    // The scenario record is written, then the transaction dies before the pointer is.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const request = put.call(this, value, key);
      if (key === CURRENT_KEY) this.transaction.abort();
      return request;
    };
    try {
      await expect(db.saveCurrentScenario({ ...makeMiniScenario({ id: 'other', name: 'half' }), pins: { orders: {}, routes: ['v1'] } })).rejects.toThrow();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    const reopened = makePlannerDb(where);
    expect(await reopened.getCurrentScenarioId()).toBe('mini');
    expect(await reopened.getScenario('mini')).toMatchObject({ name: 'complete', pins: { orders: { o1: 'v1' }, routes: [] } });
    expect(await reopened.getScenario('other')).toEqual(makeMiniScenario({ id: 'other' }));
  });

  it('refuses to save over a copy another tab stored since this tab read it, and leaves that copy as it is', async () => {
    const where = names();
    const tabA = makePlannerDb(where);
    const tabB = makePlannerDb(where);
    await tabA.saveCurrentScenario(makeMiniScenario({ name: 'v1' }));
    await tabB.getScenario('mini');
    await tabA.saveCurrentScenario(makeMiniScenario({ name: 'v2 from A' }));
    const refused = tabB.saveCurrentScenario(makeMiniScenario({ name: 'stale edit from B' }));
    await expect(refused).rejects.toSatisfy(isStaleWrite);
    expect(await makePlannerDb(where).getScenario('mini')).toMatchObject({ name: 'v2 from A' });
    // Once B has read the newer copy it may save again.
    await tabB.getScenario('mini');
    await tabB.saveCurrentScenario(makeMiniScenario({ name: 'B after reading' }));
    expect(await makePlannerDb(where).getScenario('mini')).toMatchObject({ name: 'B after reading' });
  });

  it('keeps the stamp out of what reads return, and the pointer out of the list', async () => {
    const db = makePlannerDb(names());
    await db.saveCurrentScenario(makeMiniScenario());
    expect(await db.listScenarios()).toEqual([makeMiniScenario()]);
    expect(db.knownStamp?.('mini')).toBeTypeOf('number');
  });

  it('still finds the open scenario of an older build (pointer in the session database)', async () => {
    const where = names();
    await makePlannerDb(where).putScenario(makeMiniScenario());
    await set('currentScenarioId', 'mini', createStore(where.session, 'session'));
    expect(await makePlannerDb(where).getCurrentScenarioId()).toBe('mini');
  });
});
