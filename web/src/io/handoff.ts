// The driver hand-off's wire format (issue #13): a DriverRoute travels as
// base64url(deflate-raw(UTF-8 JSON)) in a link's `#driver=` fragment, or as a
// route file (plain JSON). Decoding checks every field; failures are one clear message.
// (Written by the driver helper to the c13 contract; the hand-off helper owns this module.)
import type { DriverRoute } from '../domain/handoff/driver-route';
import { checkDriverRoute } from '../domain/handoff/route-schema';

/** A route read from a link or a file, or why it could not be. */
export type RouteReadResult = { ok: true; route: DriverRoute } | { ok: false; message: string };

/** The link fragment's key: `#driver=<payload>`. */
export const DRIVER_FRAGMENT = 'driver';

async function pipeBytes(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The fragment payload of a route: base64url of the deflate-raw compressed UTF-8 JSON. */
export async function encodeRoute(route: DriverRoute): Promise<string> {
  return toBase64Url(await pipeBytes(new TextEncoder().encode(JSON.stringify(route)), new CompressionStream('deflate-raw')));
}

/** Reads a fragment payload back into a checked route. */
export async function decodeRoute(payload: string): Promise<RouteReadResult> {
  const bytes = fromBase64Url(payload.trim());
  if (!bytes || bytes.length === 0) return { ok: false, message: 'The driver link is damaged: its route is not base64url text.' };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await pipeBytes(bytes, new DecompressionStream('deflate-raw')));
  } catch {
    return { ok: false, message: 'The driver link is damaged or cut short: its route cannot be unpacked.' };
  }
  return readRouteJson(json, 'The driver link');
}

function readRouteJson(text: string, what: string): RouteReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, message: `${what} is not valid JSON: ${(error as Error).message}` };
  }
  const checked = checkDriverRoute(data);
  return checked.ok ? checked : { ok: false, message: `${what} does not hold a route: ${checked.message}` };
}

/** The driver link of a route: `<baseUrl>#driver=<payload>` (any fragment of baseUrl replaced). */
export async function driverLink(route: DriverRoute, baseUrl: string): Promise<string> {
  return `${baseUrl.replace(/#.*$/, '')}#${DRIVER_FRAGMENT}=${await encodeRoute(route)}`;
}

/** A route file's text (JSON of the route). */
export function routeFileText(route: DriverRoute): string {
  return JSON.stringify(route, null, 1);
}

/** Reads a route file. */
export function readRouteFile(text: string): RouteReadResult {
  return readRouteJson(text, 'The route file');
}

/** The payload of a `#driver=…` fragment, '' for a bare `#driver`, null for any other fragment. */
export function driverPayload(hash: string): string | null {
  const match = /^#driver(?:=(.*))?$/s.exec(hash);
  return match ? (match[1] ?? '') : null;
}
