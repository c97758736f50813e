// @vitest-environment node
// (node, not happy-dom: the batch talks to the stub through node's own fetch, as a browser would over HTTP)
// The geocoding batch against the local stub service: one request per distinct
// address, spaced by the interval, answers cached in IndexedDB (a second batch
// asks nothing), Cancel stops it, a failing or malformed service gives a message
// that names the host and the address. Rows given a place are read as orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheKey, geocodeBatch, idbGeocodeCache, memoryGeocodeCache } from '../../../web/src/io/geocode-batch';
import type { GeocodeCandidate } from '../../../web/src/io/geocode';
import { parseCsv } from '../../../web/src/io/csv';
import { readRows } from '../../../web/src/io/import-rows';
import { NEEDS_PLACE } from '../../../web/src/io/import-orders';
import { startGeocodeStub, type GeocodeStub } from '../../helpers/geocode-stub';

let stub: GeocodeStub;
beforeAll(async () => {
  stub = await startGeocodeStub({
    '1 Known Street, Lyon': [{ lat: '45.7601', lon: '4.8402', display_name: '1, Known Street, Lyon', importance: 0.5 }],
  }, { host: '127.0.0.1' });
});
afterAll(() => stub.close());

const noWait = (log: number[]) => async (ms: number) => void log.push(ms);

describe('geocodeBatch', () => {
  it('asks the service once per address, spaced by the interval, and caches every answer', async () => {
    const cache = memoryGeocodeCache();
    const waits: number[] = [];
    const results: [string, GeocodeCandidate[]][] = [];
    const progress: string[] = [];
    const before = stub.queries.length;
    // A clock that moves 40 ms per request answered and by each wait: the interval is measured on it, not on how
    // fast this machine answers (on a busy one the first answer took over 100 ms of the real clock).
    let clock = 5_000;
    const sleepOnClock = async (ms: number) => { waits.push(ms); clock += Math.max(0, ms); };
    const clockFetch: typeof fetch = async (...args) => { const answer = await fetch(...args); clock += 40; return answer; };
    const outcome = await geocodeBatch(['1 Known Street, Lyon', '9 Nowhere Lane'], {
      baseUrl: stub.url, intervalMs: 1000, cache, signal: new AbortController().signal, fetch: clockFetch, now: () => clock,
      sleep: sleepOnClock, onResult: (a, c) => results.push([a, c]), onProgress: (d, t) => progress.push(`${d}/${t}`),
    });
    expect(outcome).toEqual({ status: 'done', done: 2 });
    expect(stub.queries.slice(before)).toEqual(['1 Known Street, Lyon', '9 Nowhere Lane']);
    expect(stub.requests.at(-1)).toContain('format=jsonv2');
    expect(results).toEqual([
      ['1 Known Street, Lyon', [{ lat: 45.7601, lng: 4.8402, label: '1, Known Street, Lyon', score: 0.5 }]],
      ['9 Nowhere Lane', []],
    ]);
    expect(progress).toEqual(['1/2', '2/2']);
    // The first request waits for nothing; the second for the interval less the first's 40 ms.
    expect(waits[0]).toBeLessThanOrEqual(0);
    expect(waits[1]).toBe(960);
    expect(cache.entries.get(cacheKey(stub.url, ' 1 known street ,  LYON'))).toEqual(results[0][1]);

    const again = stub.queries.length;
    await geocodeBatch(['1 KNOWN STREET, Lyon'], { baseUrl: stub.url, intervalMs: 1000, cache, signal: new AbortController().signal, fetch, sleep: noWait([]) });
    expect(stub.queries.length).toBe(again);
  });

  it('stops at Cancel without asking further', async () => {
    const controller = new AbortController();
    const before = stub.queries.length;
    const outcome = await geocodeBatch(['a 1', 'a 2', 'a 3'], {
      baseUrl: stub.url, intervalMs: 0, cache: memoryGeocodeCache(), signal: controller.signal, fetch, sleep: noWait([]),
      onProgress: (done) => { if (done === 1) controller.abort(); },
    });
    expect(outcome).toEqual({ status: 'cancelled', done: 1 });
    expect(stub.queries.length - before).toBe(1);
  });

  it('says why a service failed: status, unreachable host, malformed answer', async () => {
    const run = (baseUrl: string, doFetch?: typeof fetch) => geocodeBatch(['1 Known Street, Lyon'], {
      baseUrl, intervalMs: 0, cache: memoryGeocodeCache(), signal: new AbortController().signal, fetch: doFetch ?? fetch, sleep: noWait([]),
    });
    const wrongPath = await run(stub.url.replace('/search', '/other'));
    expect(wrongPath).toMatchObject({ status: 'failed', done: 0 });
    expect(wrongPath.status === 'failed' && wrongPath.message).toMatch(/answered 400 .*for “1 Known Street, Lyon”/);
    const down = await run('http://127.0.0.1:1/search');
    expect(down.status === 'failed' && down.message).toMatch(/at 127\.0\.0\.1:1 could not be reached/);
    const odd = await run('https://geo.example/search', async () => new Response(JSON.stringify([{ lat: 'north', lon: 1 }]), { status: 200 }));
    expect(odd.status === 'failed' && odd.message).toBe('The geocoding service at geo.example gave an unexpected answer for “1 Known Street, Lyon”: [0].lat is not a latitude.');
    const html = await run('https://geo.example/search', async () => new Response('<html>', { status: 200 }));
    expect(html.status === 'failed' && html.message).toMatch(/did not answer JSON/);
  });

  it('keeps answers in IndexedDB across cache objects', async () => {
    const first = idbGeocodeCache('fmp-geocode-test');
    await first.set('k', [{ lat: 1, lng: 2, label: 'x', score: 1 }]);
    expect(await idbGeocodeCache('fmp-geocode-test').get('k')).toEqual([{ lat: 1, lng: 2, label: 'x', score: 1 }]);
    expect(await idbGeocodeCache('fmp-geocode-test').get('other')).toBeUndefined();
  });
});

describe('rows without coordinates', () => {
  const table = { headers: ['id', 'address', 'lat', 'lng'], rows: [['A', '1 Known Street, Lyon', '', ''], ['B', '', '', ''], ['C', '2 Rue, Lyon', '45.1', '4.2']], warnings: [] };
  const ctx = { kind: 'orders' as const, targets: ['id', 'address', 'lat', 'lng'], timeFormats: {}, capacityUnits: ['kg'], existingIds: new Set<string>(), idPrefix: 'f', depots: [] };

  it('waits for a place when it has an address; needs coordinates when it has none', () => {
    const rows = readRows(table, ctx);
    expect(rows[0].issues).toEqual([{ field: 'lat/lng', column: 2, message: NEEDS_PLACE }]);
    expect(rows[1].issues[0].message).toMatch(/coordinates are required/);
    expect(rows[2].value).toMatchObject({ lat: 45.1, lng: 4.2 });
  });

  it('becomes an order at the place it was given; a row with its own coordinates keeps them', () => {
    const placements = new Map([[0, { lat: 45.7601, lng: 4.8402 }], [2, { lat: 1, lng: 1 }]]);
    const rows = readRows(table, { ...ctx, placements });
    expect(rows[0].issues).toEqual([]);
    expect(rows[0].value).toMatchObject({ id: 'A', address: '1 Known Street, Lyon', lat: 45.7601, lng: 4.8402 });
    expect(rows[2].value).toMatchObject({ lat: 45.1, lng: 4.2 });
  });

  it('gives a place to the row it was given to in a file whose rows are numbered past a title and a blank line', async () => {
    // The review keeps places by row index; the rows' spreadsheet numbers are 6, 8 and 9 here. The place of index 1
    // went to no row (read as index 3), and a place of index 3 would have gone to row 2's order.
    const titled = await parseCsv(['Deliveries,,', 'week 50,,', ',,', 'Order,Address,City', 'A1,1 High St,Lyon', ',,', 'A2,2 Low St,Lyon', 'A3,3 Mid St,Lyon'].join('\n'));
    expect(titled.rowNumbers).toEqual([5, 7, 8]);
    const rows = readRows(titled, { ...ctx, targets: ['id', 'address', 'city'], placements: new Map([[1, { lat: 45.75, lng: 4.85 }]]) });
    expect(rows.map((r) => [r.rowNumber, r.value ? (r.value as { id: string; lat: number }).id : r.issues[0].message])).toEqual([
      [5, NEEDS_PLACE], [7, 'A2'], [8, NEEDS_PLACE],
    ]);
    expect(rows[1].value).toMatchObject({ address: '2 Low St, Lyon', lat: 45.75, lng: 4.85 });
  });
});
