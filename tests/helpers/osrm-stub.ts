// A small local server speaking the OSRM `table` protocol (issue #14 tests):
// GET /table/v1/{profile}/{lng,lat;…}?annotations=duration,distance&sources=…&destinations=…
// answers distances = 1.4 × great-circle metres and durations = 1.3 × great-circle metres
// / 10 m/s, so its figures differ from the embedded model's. Counts requests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running stub. */
export interface OsrmStub {
  url: string;
  port: number;
  /** Table requests answered so far. */
  requests: () => number;
  close: () => Promise<void>;
}

/** Great-circle metres between two [lng, lat] points. */
export function greatCircleM(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The stub's duration (s) between two [lng, lat] points. */
export const stubDurationS = (a: [number, number], b: [number, number]) => Math.round((1.3 * greatCircleM(a, b)) / 10);
/** The stub's distance (m) between two [lng, lat] points. */
export const stubDistanceM = (a: [number, number], b: [number, number]) => Math.round(1.4 * greatCircleM(a, b));

const indices = (text: string | null, n: number) => (text ? text.split(';').map(Number) : Array.from({ length: n }, (_, i) => i));

/** The body answering one table path + query. */
function answer(path: string, query: URLSearchParams): { status: number; body: unknown } {
  const match = /^\/table\/v1\/([^/]+)\/(.+)$/.exec(path);
  if (!match) return { status: 400, body: { code: 'InvalidUrl', message: `bad path ${path}` } };
  const coords = decodeURIComponent(match[2]).split(';').map((c) => c.split(',').map(Number) as [number, number]);
  if (coords.some((c) => c.length !== 2 || c.some((x) => !Number.isFinite(x)))) return { status: 400, body: { code: 'InvalidQuery', message: 'bad coordinates' } };
  const sources = indices(query.get('sources'), coords.length);
  const destinations = indices(query.get('destinations'), coords.length);
  const durations = sources.map((i) => destinations.map((j) => stubDurationS(coords[i], coords[j])));
  const distances = sources.map((i) => destinations.map((j) => stubDistanceM(coords[i], coords[j])));
  return { status: 200, body: { code: 'Ok', durations, distances } };
}

/** Starts the stub on `port` (0 = any free port) of 127.0.0.1. */
export async function startOsrmStub(port = 0): Promise<OsrmStub> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const { status, body } = answer(url.pathname, url.searchParams);
    if (req.method === 'GET' && url.pathname.startsWith('/table/')) count++;
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    requests: () => count,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
