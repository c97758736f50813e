// The phone's driver database: routes, their append-only logs and media survive a
// new connection; damaged records are refused with a message; the startup check
// never creates the database.
import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { makeDriverEvent } from '../../../web/src/domain/driver/driver-log';
import { makeDriverDb, storedDriverMode } from '../../../web/src/io/driver-db';
import { demoDriverRoute } from '../../fixtures/driver-route';

let n = 0;
const freshName = () => `driver-test-${++n}-${Math.random()}`;

describe('driver db', () => {
  it('keeps a route, its events and their media across connections', async () => {
    const name = freshName();
    const route = demoDriverRoute(2);
    const db = makeDriverDb(name);
    await db.saveRoute(route);
    const media = { id: 'signature-1', type: 'image/png', data: 'iVBORw0KGgo=' };
    await db.appendEvent(route.routeId, makeDriverEvent(route.stops[0], { type: 'arrived' }, 'e1', 500), []);
    await db.appendEvent(route.routeId, makeDriverEvent(route.stops[0], { type: 'done', pod: { signature: media.id } }, 'e2', 505.25), [media]);
    const again = makeDriverDb(name);
    expect(await again.readMeta()).toEqual({ mode: 'driver', routes: [route.routeId] });
    expect(await again.readRoute(route.routeId)).toEqual(route);
    expect((await again.readLog(route.routeId)).map((e) => [e.id, e.type, e.at])).toEqual([['e1', 'arrived', 500], ['e2', 'done', 505.25]]);
    expect(await again.readMedia([media.id, 'nope'])).toEqual(new Map([[media.id, media]]));
  });

  it('lists the route opened last first, without repeats', async () => {
    const db = makeDriverDb(freshName());
    const one = demoDriverRoute(1);
    const two = { ...demoDriverRoute(2), routeId: 'other' };
    await db.saveRoute(one);
    await db.saveRoute(two);
    await db.saveRoute(one);
    expect((await db.readMeta()).routes).toEqual([one.routeId, 'other']);
  });

  it('opens the driver view at startup only once a route is kept and the planner was not chosen', async () => {
    const name = freshName();
    expect(await storedDriverMode(name)).toBe(false);
    const databases = await indexedDB.databases();
    expect(databases.map((d) => d.name)).not.toContain(name);
    const db = makeDriverDb(name);
    await db.saveRoute(demoDriverRoute(1));
    expect(await storedDriverMode(name)).toBe(true);
    await db.setMode('planner');
    expect(await storedDriverMode(name)).toBe(false);
  });

  it('keeps a device that has planner scenarios on the planner', async () => {
    const name = freshName();
    const scenarios = freshName();
    await makeDriverDb(name).saveRoute(demoDriverRoute(1));
    expect(await storedDriverMode(name, scenarios)).toBe(true);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(scenarios);
    await set('demo', { id: 'demo' }, createStore(scenarios, 'scenarios'));
    expect(await storedDriverMode(name, scenarios)).toBe(false);
  });

  it('refuses a damaged stored route with a message naming the field', async () => {
    const name = freshName();
    const db = makeDriverDb(name);
    const route = demoDriverRoute(1);
    await db.saveRoute({ ...route, stops: [{ ...route.stops[0], eta: -5 }] });
    await expect(db.readRoute(route.routeId)).rejects.toThrow(/stored route .* is damaged: stops\[0\]\.eta: must be ≥ 0/);
  });
});
