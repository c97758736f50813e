// The driver link and the route file (issue #13): a real route of the demo and
// one with unicode names round-trip through the `#driver=` fragment (checked
// against node's own inflate too); size limits pick QR, link or route file;
// damaged and foreign payloads or files give a message naming what is wrong.
import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { DriverRoute, DriverStop } from '../../../web/src/domain/handoff/driver-route';
import { buildDriverRoute } from '../../../web/src/domain/handoff/route-payload';
import type { Scenario } from '../../../web/src/domain/scenario';
import { validateScenario } from '../../../web/src/domain/validate';
import {
  decodeRoute, driverLink, driverPayload, encodeRoute, handOffForms, LINK_MAX_CHARS, QR_MAX_LINK_CHARS, readRouteFile, routeFileName, routeFileText,
} from '../../../web/src/io/handoff';
import { rebuildRoute } from '../../../web/src/plan/rebuild-route';

const BASE = 'https://plan.example.com/fmp/';

function demoRoute(): DriverRoute {
  const result = validateScenario(JSON.parse(readFileSync('public/demo-scenario.json', 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  const scenario: Scenario = result.scenario;
  const orders = ['LYO-1001', 'LYO-1002', 'LYO-1003', 'LYO-1005', 'LYO-1006', 'LYO-1020', 'LYO-1012', 'LYO-1014', 'LYO-1009', 'LYO-1016', 'LYO-1023', 'LYO-1032'];
  const route = rebuildRoute(scenario, 'van-1', orders);
  return buildDriverRoute(scenario, { solvedRevision: 1, solution: { routes: [route] } }, 'van-1')!;
}

/** Deterministic pseudo-random words (xorshift32): text that deflate cannot shrink much. */
function words(seed: number): (n: number) => string {
  let x = seed || 1;
  const next = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) / 2 ** 32; };
  const word = () => Array.from({ length: 3 + Math.floor(next() * 7) }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('');
  return (n) => Array.from({ length: n }, word).join(' ');
}

/** A route of `count` stops with `noteWords` words of notes each. */
function longRoute(count: number, noteWords: number): DriverRoute {
  const base = demoRoute();
  const text = words(count * 31 + noteWords);
  const stops: DriverStop[] = Array.from({ length: count }, (_, i) => ({
    ...base.stops[i % base.stops.length], order: `ORD-${1000 + i}`, customerName: text(2), notes: text(noteWords), eta: 480 + i * 3,
  }));
  return { ...base, stops };
}

const deflated = (value: unknown) => deflateRawSync(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))).toString('base64url');

describe('route ⇄ link fragment', () => {
  it('round-trips a real route of the demo through the driver link', async () => {
    const route = demoRoute();
    const link = await driverLink(route, BASE);
    expect(link.startsWith(`${BASE}#driver=`)).toBe(true);
    expect(driverPayload(link)).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = await decodeRoute(driverPayload(link)!);
    expect(back).toEqual({ ok: true, route });
  });

  it('is base64url of deflate-raw of the UTF-8 JSON (node inflates it without our decoder)', async () => {
    const route = demoRoute();
    const payload = await encodeRoute(route);
    expect(JSON.parse(inflateRawSync(Buffer.from(payload, 'base64url')).toString('utf8'))).toEqual(route);
  });

  it('keeps unicode names, addresses and notes exactly (accents, CJK, RTL, emoji, quotes)', async () => {
    const route = demoRoute();
    route.vehicle.name = 'Camión Ñandú 🚚';
    route.stops[0] = { ...route.stops[0], customerName: 'Zoë Ødegård-Łukasiewicz', address: '東京都千代田区 1-1 · شارع الملك', notes: 'Code «42» — ring twice "door" \\ 🔑\n2nd floor' };
    const back = await decodeRoute((await encodeRoute(route)));
    expect(back).toEqual({ ok: true, route });
  });

  it('drops any fragment of the base address and finds the payload in a whole URL or a bare fragment', async () => {
    const route = demoRoute();
    const link = await driverLink(route, `${BASE}#old`);
    expect(link.startsWith(`${BASE}#driver=`)).toBe(true);
    expect(driverPayload(`#driver=${driverPayload(link)}`)).toBe(driverPayload(link));
    expect(driverPayload(BASE)).toBeNull();
  });
});

describe('size limits: QR code, link, route file', () => {
  it('offers a QR code for the demo-sized route', async () => {
    const forms = await handOffForms(demoRoute(), BASE);
    expect(forms.linkLength).toBeLessThanOrEqual(QR_MAX_LINK_CHARS);
    expect(forms.qr).toBe(true);
    expect(forms.link).toMatch(/^https:\/\/plan\.example\.com\/fmp\/#driver=/);
  });

  it('offers the QR code up to exactly QR_MAX_LINK_CHARS characters and not one more', async () => {
    const route = demoRoute();
    const payload = await encodeRoute(route);
    const baseOf = (total: number) => `https://x.example/${'a'.repeat(total - payload.length - '#driver='.length - 'https://x.example/'.length - 1)}/`;
    const at = await handOffForms(route, baseOf(QR_MAX_LINK_CHARS));
    expect([at.linkLength, at.qr]).toEqual([QR_MAX_LINK_CHARS, true]);
    const over = await handOffForms(route, baseOf(QR_MAX_LINK_CHARS + 1));
    expect([over.linkLength, over.qr, over.link !== null]).toEqual([QR_MAX_LINK_CHARS + 1, false, true]);
  });

  it('falls back to the route file for a route of 150 stops with long notes: no QR code, the file reads back whole', async () => {
    const route = longRoute(150, 40);
    const forms = await handOffForms(route, BASE);
    expect(forms.linkLength).toBeGreaterThan(QR_MAX_LINK_CHARS);
    expect(forms.qr).toBe(false);
    expect(readRouteFile(routeFileText(route))).toEqual({ ok: true, route });
  });

  it('offers no link at all beyond LINK_MAX_CHARS, yet still the route file', async () => {
    const route = longRoute(150, 120);
    const forms = await handOffForms(route, BASE);
    expect(forms.linkLength).toBeGreaterThan(LINK_MAX_CHARS);
    expect([forms.link, forms.qr]).toEqual([null, false]);
    expect(readRouteFile(routeFileText(route))).toEqual({ ok: true, route });
    // A link that long still decodes: the limit is about what browsers and messengers carry, not the format.
    expect(await decodeRoute(await encodeRoute(route))).toEqual({ ok: true, route });
  });

  it('names the route file after the vehicle', () => {
    expect(routeFileName(demoRoute())).toBe('Van-1-route.fmp-route.json');
    expect(routeFileName({ ...demoRoute(), vehicle: { id: 'v9', name: 'Camión Ñ / 2' } })).toBe('Camion-N-2-route.fmp-route.json');
  });
});

describe('damaged or foreign payloads give a message, never an exception', () => {
  const fails = async (payload: string, pattern: RegExp) => {
    const result = await decodeRoute(payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(pattern);
  };

  it('an empty payload, a character outside base64url, an impossible length', async () => {
    await fails('', /holds no route/);
    await fails('abc$def', /damaged: character 4 cannot be part of a route/);
    await fails('abcde', /cut short/);
  });

  it('a payload cut short cannot be unpacked; one with a changed character unpacks to garbage', async () => {
    const payload = await encodeRoute(demoRoute());
    const half = Math.floor(payload.length / 2);
    await fails(payload.slice(0, half - (half % 4)), /damaged: its route cannot be unpacked/);
    const changed = payload.slice(0, half) + (payload[half] === 'A' ? 'B' : 'A') + payload.slice(half + 1);
    await fails(changed, /^The driver link is (damaged|not a valid route)/);
  });

  it('unpacked data that is not JSON, not an object, another file type, a newer version', async () => {
    await fails(deflated('hello, driver'), /not a route \(not JSON text\)/);
    await fails(deflated([1, 2]), /is not a route: it holds a list/);
    await fails(deflated({ type: 'fmp-events', version: 1, events: [] }), /not a Final Mile Planner route: type is "fmp-events"/);
    await fails(deflated({ ...demoRoute(), version: 2 }), /newer version of the planner \(route version 2; this app reads version 1\)/);
  });

  it('a route with a wrong field names its JSON path', async () => {
    const route = demoRoute();
    const bad = { ...route, stops: route.stops.map((s, i) => (i === 2 ? { ...s, lat: 200 } : s)) };
    await fails(deflated(bad), /^The driver link is not a valid route: stops\[2\]\.lat: latitude must be ≤ 90\.$/);
  });

  it('a payload that inflates past 4 MB is refused while unpacking', async () => {
    const bomb = deflateRawSync(Buffer.alloc(5_000_000, 32)).toString('base64url');
    expect(bomb.length).toBeLessThan(LINK_MAX_CHARS);
    await fails(bomb, /unpacks to more than 4 MB/);
  });

  it('a browser without DecompressionStream is told so, not told the link is damaged', async () => {
    const payload = await encodeRoute(demoRoute());
    vi.stubGlobal('DecompressionStream', undefined);
    try {
      await fails(payload, /^This browser cannot unpack a driver link \(it has no DecompressionStream\)/);
    } finally {
      vi.unstubAllGlobals();
    }
    expect((await decodeRoute(payload)).ok).toBe(true);
  });

  it('any text at all resolves to a result, never a rejection', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
      const result = await decodeRoute(text);
      expect(result.ok).toBe(false);
    }), { numRuns: 300 });
  });
});

describe('readRouteFile', () => {
  it('reads a file written by routeFileText, with or without a BOM, and drops unknown keys', () => {
    const route = demoRoute();
    expect(readRouteFile(`\ufeff${routeFileText(route)}`)).toEqual({ ok: true, route });
    expect(readRouteFile(JSON.stringify({ ...route, extra: '<script>' }))).toEqual({ ok: true, route });
  });

  it('names the JSON path of the first problem, and counts the rest', () => {
    const route = demoRoute();
    const reversed = { ...route, stops: route.stops.map((s, i) => (i === 0 ? { ...s, windows: [{ start: 600, end: 540 }] } : s)) };
    expect(readRouteFile(JSON.stringify(reversed))).toEqual({ ok: false, message: 'The route file is not a valid route: stops[0].windows[0]: window opens after it closes.' });
    const { phone: _, ...noPhone } = route.stops[1];
    const two = { ...route, stops: [route.stops[0], noPhone, ...route.stops.slice(2)], date: '21/11/2026' };
    const read = readRouteFile(JSON.stringify(two));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/^The route file is not a valid route: (date: must be YYYY-MM-DD|stops\[1\]\.phone: .+) \(and 1 more problem\)\.$/);
  });

  it('refuses text that is not JSON or not a route', () => {
    expect(readRouteFile('{"type": "fmp-route",')).toMatchObject({ ok: false, message: expect.stringMatching(/^The route file is not valid JSON: /) });
    expect(readRouteFile('"a route"')).toEqual({ ok: false, message: 'The route file is not a route: it holds a string, not a route object.' });
    expect(readRouteFile('{}')).toEqual({ ok: false, message: 'The route file is not a Final Mile Planner route: type is missing, expected "fmp-route".' });
  });
});
