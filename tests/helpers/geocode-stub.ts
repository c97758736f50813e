// A tiny geocoding service for tests: a node http server that answers
// Nominatim-style `/search?q=…&format=jsonv2` with the places it knows (matched
// on the normalised address), `[]` for anything else, and records every query.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One place as Nominatim's jsonv2 writes it (coordinates as strings). */
export interface StubPlace { lat: string; lon: string; display_name: string; importance: number }

/** A running stub. */
export interface GeocodeStub {
  /** The search URL to configure: `http://<host>:<port>/search`. */
  url: string;
  /** The `q` of every search received, in order. */
  queries: string[];
  /** The full query strings received (to check `format=jsonv2`). */
  requests: string[];
  close(): Promise<void>;
}

const key = (address: string) => address.toLowerCase().replace(/\s*,\s*/g, ', ').replace(/\s+/g, ' ').trim();

/** Starts the stub on a free port (or `port`) of `host`, knowing `places` (address → matches). */
export async function startGeocodeStub(places: Record<string, StubPlace[]>, { host = '127.0.0.1', port = 0 } = {}): Promise<GeocodeStub> {
  const known = new Map(Object.entries(places).map(([address, matches]) => [key(address), matches]));
  const queries: string[] = [];
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stub');
    const headers = { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' };
    if (url.pathname !== '/search' || url.searchParams.get('format') !== 'jsonv2') {
      response.writeHead(400, headers).end(JSON.stringify({ error: 'expected /search?q=…&format=jsonv2' }));
      return;
    }
    const q = url.searchParams.get('q') ?? '';
    queries.push(q);
    requests.push(url.search);
    response.writeHead(200, headers).end(JSON.stringify(known.get(key(q)) ?? []));
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}/search`,
    queries, requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
