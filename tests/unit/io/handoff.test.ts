// The driver link's payload: base64url(deflate-raw(JSON)) round trips, and every
// damaged link or route file is one clear message naming what is wrong.
import { describe, expect, it } from 'vitest';
import { decodeRoute, driverLink, driverPayload, encodeRoute, readRouteFile, routeFileText } from '../../../web/src/io/handoff';
import { demoDriverRoute } from '../../fixtures/driver-route';

describe('driver hand-off encoding', () => {
  it('round-trips a route through the fragment payload, which is URL-safe and smaller than the JSON', async () => {
    const route = demoDriverRoute(12);
    const payload = await encodeRoute(route);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(JSON.stringify(route).length);
    expect(await decodeRoute(payload)).toEqual({ ok: true, route });
  });

  it('builds the link on the base URL, replacing a fragment, and reads it back', async () => {
    const route = demoDriverRoute(2);
    const link = await driverLink(route, 'https://example.org/app/#old');
    expect(link).toMatch(/^https:\/\/example\.org\/app\/#driver=[A-Za-z0-9_-]+$/);
    const payload = driverPayload(new URL(link).hash);
    expect(payload).not.toBeNull();
    expect(await decodeRoute(payload!)).toEqual({ ok: true, route });
  });

  it('tells a damaged or cut link apart from a link without a route', async () => {
    const payload = await encodeRoute(demoDriverRoute(3));
    expect(await decodeRoute('not base64!')).toEqual({ ok: false, message: expect.stringMatching(/damaged: .*not base64url/) });
    expect(await decodeRoute(payload.slice(0, payload.length >> 1))).toEqual({ ok: false, message: expect.stringMatching(/damaged or cut short/) });
    const bad = await encodeRoute({ ...demoDriverRoute(2), stops: [{ ...demoDriverRoute(1).stops[0], lat: 95 }] });
    expect(await decodeRoute(bad)).toEqual({ ok: false, message: 'The driver link does not hold a route: stops[0].lat: latitude must be ≤ 90' });
  });

  it('reads route files and names the field or JSON problem', () => {
    const route = demoDriverRoute(2);
    expect(readRouteFile(routeFileText(route))).toEqual({ ok: true, route });
    expect(readRouteFile('{')).toEqual({ ok: false, message: expect.stringMatching(/^The route file is not valid JSON/) });
    expect(readRouteFile(JSON.stringify({ ...route, type: 'fmp-events' }))).toEqual({ ok: false, message: "The route file does not hold a route: type: must be 'fmp-route'" });
  });

  it('recognises only #driver fragments', () => {
    expect(driverPayload('#driver=abc')).toBe('abc');
    expect(driverPayload('#driver')).toBe('');
    expect(driverPayload('#drivers=abc')).toBeNull();
    expect(driverPayload('')).toBeNull();
  });
});
