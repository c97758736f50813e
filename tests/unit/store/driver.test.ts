// The driver store: a link opens and keeps its route; reports land in the phone's
// log with fresh ids; a reload (new store, same database) with or without the
// fragment shows the same route and work; a damaged link leaves the kept route open.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { parseEventsFile } from '../../../web/src/domain/day/events-file';
import { makeDriverDb } from '../../../web/src/io/driver-db';
import { encodeRoute } from '../../../web/src/io/handoff';
import { createDriverStore } from '../../../web/src/store/driver';
import { demoDriverRoute, demoScenario } from '../../fixtures/driver-route';

let n = 0;
const store = (name: string) => createRoot(() => createDriverStore(makeDriverDb(name)));

describe('driver store', () => {
  it('opens a link, records arrived and done with POD, and survives a reload without the fragment', async () => {
    const name = `driver-store-${++n}`;
    const route = demoDriverRoute(3);
    const [state, actions] = store(name);
    await actions.start(`#driver=${await encodeRoute(route)}`);
    expect(state).toMatchObject({ phase: 'ready', message: '', saved: [route.routeId] });
    expect(state.route).toEqual(route);
    const signature = { id: 'signature-x', type: 'image/png', data: 'iVBORw0KGgo=' };
    await actions.report(route.stops[0], { type: 'arrived' }, []);
    await actions.report(route.stops[0], { type: 'done', pod: { recipient: 'Ann', signature: signature.id } }, [signature]);
    expect(state.log.map((e) => e.type)).toEqual(['arrived', 'done']);
    expect(new Set(state.log.map((e) => e.id)).size).toBe(2);

    const [again, againActions] = store(name);
    await againActions.start('');
    expect(again.route?.routeId).toBe(route.routeId);
    expect(again.log).toEqual(state.log);
    const first = await againActions.statusFile(new Date(2026, 10, 21, 9, 7));
    const second = await againActions.statusFile(new Date(2026, 10, 21, 9, 7));
    expect(first.fileName).toBe('van-1-status-0907.json');
    expect(second.text).toBe(first.text);
    const parsed = parseEventsFile(first.text, demoScenario());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.events.map((e) => e.id)).toEqual(state.log.map((e) => e.id));
    expect(parsed.media).toEqual([signature]);
  });

  it('keeps the stored route open and says why when a link is damaged', async () => {
    const name = `driver-store-${++n}`;
    const route = demoDriverRoute(2);
    const [, actions] = store(name);
    await actions.start(`#driver=${await encodeRoute(route)}`);
    const [state, again] = store(name);
    await again.start('#driver=AAAA');
    expect(state.message).toMatch(/driver link is damaged/);
    expect(state.route?.routeId).toBe(route.routeId);
  });

  it('shows an empty phone, then a route file, and refuses a bad file without losing the open route', async () => {
    const [state, actions] = store(`driver-store-${++n}`);
    await actions.start('');
    expect(state).toMatchObject({ phase: 'empty', route: null });
    const route = demoDriverRoute(2);
    await actions.openFile(JSON.stringify(route));
    expect(state.route).toEqual(route);
    await actions.openFile('{"type":"fmp-route"}');
    expect(state.message).toMatch(/^The route file is not a valid route: version: /);
    expect(state.route).toEqual(route);
  });

  it('keeps nothing and says so when the phone storage is full', async () => {
    const db = makeDriverDb(`driver-store-${++n}`);
    const full = { ...db, appendEvent: async () => { throw new DOMException('quota', 'QuotaExceededError'); } };
    const [state, actions] = createRoot(() => createDriverStore(full));
    const route = demoDriverRoute(1);
    await actions.openFile(JSON.stringify(route));
    expect(await actions.report(route.stops[0], { type: 'arrived' }, [])).toBe(false);
    expect(state.log).toEqual([]);
    expect(state.message).toMatch(/storage is full: this was not saved/);
    expect(await db.readLog(route.routeId)).toEqual([]);
  });
});
