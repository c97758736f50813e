// A save started as the page is left: its checked transaction needs the page to
// run once more, so a closing page can lose it; the copy written beside it in a
// transaction that commits on its own is stored at the next start (or kept as a
// new scenario when the stored one changed since). The closed page is simulated
// by aborting the checked transaction, as a browser does when the page is gone.
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_KEY, makePlannerDb } from '../../../web/src/io/db';
import { makeMiniScenario } from '../../fixtures/mini-scenario';

let counter = 0;
const names = () => ({ scenarios: `db-rescue-s-${++counter}`, session: `db-rescue-p-${counter}` });

const put = IDBObjectStore.prototype.put;
const remove = IDBObjectStore.prototype.delete;
/** From now on the checked write (the one that moves the "open last" pointer) dies with its page. */
function closePagesMidSave(): void {
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const request = put.call(this, value, key);
    if (key === CURRENT_KEY) this.transaction.abort();
    return request;
  };
}
afterEach(() => {
  IDBObjectStore.prototype.put = put;
  IDBObjectStore.prototype.delete = remove;
});

describe('planner db: saving while the page is left', () => {
  it('stores the copy at the next start when the checked write died with the page, once', async () => {
    const where = names();
    const page = makePlannerDb(where);
    await page.saveCurrentScenario(makeMiniScenario({ name: 'before' }));
    closePagesMidSave();
    await expect(page.saveCurrentScenario(makeMiniScenario({ name: 'edited just before reload' }), true)).rejects.toThrow();
    IDBObjectStore.prototype.put = put;
    const next = makePlannerDb(where);
    expect(await next.getScenario('mini')).toMatchObject({ name: 'before' });
    expect(await next.recoverRescued!(() => 'unused')).toEqual([{ kind: 'stored', id: 'mini' }]);
    expect(await next.getScenario('mini')).toMatchObject({ name: 'edited just before reload' });
    expect(await makePlannerDb(where).recoverRescued!(() => 'unused')).toEqual([]);
    // The stored copy is an ordinary version: the next tab saves over it.
    await next.saveCurrentScenario(makeMiniScenario({ name: 'after' }));
    expect(await makePlannerDb(where).getScenario('mini')).toMatchObject({ name: 'after' });
  });

  it('leaves no copy when the page lived on, and changes nothing when the checked write landed but its copy stayed', async () => {
    const where = names();
    const page = makePlannerDb(where);
    await page.saveCurrentScenario(makeMiniScenario({ name: 'hidden tab' }), true);
    expect(await makePlannerDb(where).recoverRescued!(() => 'unused')).toEqual([]);
    // The page went away after the checked write committed, before it could drop its copy.
    IDBObjectStore.prototype.delete = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
      const request = remove.call(this, key);
      this.transaction.abort();
      return request;
    };
    await page.saveCurrentScenario(makeMiniScenario({ name: 'landed' }), true);
    IDBObjectStore.prototype.delete = remove;
    const next = makePlannerDb(where);
    expect(await next.recoverRescued!(() => 'unused')).toEqual([{ kind: 'landed', id: 'mini' }]);
    expect(await next.getScenario('mini')).toMatchObject({ name: 'landed' });
    expect(await next.listScenarios()).toHaveLength(1);
  });

  it('keeps both when another tab saved the scenario since: the copy becomes a new scenario', async () => {
    const where = names();
    const tabA = makePlannerDb(where);
    const tabB = makePlannerDb(where);
    await tabA.saveCurrentScenario(makeMiniScenario({ name: 'v1' }));
    await tabB.getScenario('mini');
    await tabB.saveCurrentScenario(makeMiniScenario({ name: 'v2 from B' }));
    closePagesMidSave();
    await expect(tabA.saveCurrentScenario(makeMiniScenario({ name: 'A closing' }), true)).rejects.toThrow();
    IDBObjectStore.prototype.put = put;
    const next = makePlannerDb(where);
    expect(await next.recoverRescued!(() => 'kept-copy')).toEqual([{ kind: 'copied', id: 'mini', copyId: 'kept-copy', name: 'A closing (unsaved edits)' }]);
    expect(await next.getScenario('mini')).toMatchObject({ name: 'v2 from B' });
    expect(await next.getScenario('kept-copy')).toMatchObject({ id: 'kept-copy', name: 'A closing (unsaved edits)' });
  });

  it('issues a leaving save at once behind a write in flight, and both land in order', async () => {
    const where = names();
    const page = makePlannerDb(where);
    await page.saveCurrentScenario(makeMiniScenario({ name: 'v1' }));
    const inFlight = page.saveCurrentScenario(makeMiniScenario({ name: 'v2 in flight' }));
    const leaving = page.saveCurrentScenario(makeMiniScenario({ name: 'v3 leaving' }), true);
    await Promise.all([inFlight, leaving]);
    const next = makePlannerDb(where);
    expect(await next.getScenario('mini')).toMatchObject({ name: 'v3 leaving' });
    expect(await next.recoverRescued!(() => 'unused')).toEqual([]);
  });
});
