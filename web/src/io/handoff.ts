// Carries a DriverRoute to a phone (issue #13) with no server: in a link's
// fragment (`#driver=` + base64url(deflate-raw(UTF-8 JSON)), never sent to any
// server), as a QR code of that link when it is short enough, or as a route file.
// Reading never throws: a damaged or foreign payload gives a message.
//
//   DriverRoute ──JSON──▶ UTF-8 ──CompressionStream('deflate-raw')──▶ bytes ──base64url──▶ payload
import * as v from 'valibot';
import type { DriverRoute } from '../domain/handoff/driver-route';
import { driverRouteSchema, ROUTE_TYPE, ROUTE_VERSION } from '../domain/handoff/route-schema';
import { safeFileName } from './download';

/** What comes before the payload in a driver link. */
export const DRIVER_FRAGMENT = '#driver=';
/**
 * Longest link offered as a QR code. A QR code holds at most 2,953 bytes (version 40, level L, byte
 * mode, 177 modules a side), a code phones struggle with on a laptop screen or a printed page;
 * 2,300 characters is version 35 (157 modules), which a phone still reads from a 6 cm print or a
 * dialog. A route costs ~120 characters a stop, so 15–17 stops fit (the demo's vans).
 */
export const QR_MAX_LINK_CHARS = 2300;
/** Longest link offered at all: browsers and messengers cut or refuse longer URLs. Beyond it: the route file. */
export const LINK_MAX_CHARS = 32_000;
/** Most bytes a payload may unpack to (a guard against a crafted link that inflates without end). */
export const ROUTE_JSON_MAX_BYTES = 4_000_000;

/** A route read from a link or a file, or why it could not be read. */
export type RouteReadResult = { ok: true; route: DriverRoute } | { ok: false; message: string };

/** The route's payload for a driver link: base64url of the deflated JSON. */
export async function encodeRoute(route: DriverRoute): Promise<string> {
  const packed = await pipeThrough(new TextEncoder().encode(JSON.stringify(route)), new CompressionStream('deflate-raw'), Infinity);
  return toBase64Url(packed!);
}

/** Reads a link payload back; never throws. */
export async function decodeRoute(payload: string): Promise<RouteReadResult> {
  const what = 'The driver link';
  const again = 'Ask the dispatcher to share the route again.';
  const text = payload.trim();
  if (!text) return { ok: false, message: `${what} holds no route (nothing follows ${DRIVER_FRAGMENT}).` };
  const bytes = fromBase64Url(text);
  if (typeof bytes === 'number') return { ok: false, message: `${what} is damaged: character ${bytes + 1} cannot be part of a route. ${again}` };
  if (!bytes) return { ok: false, message: `${what} is damaged: it was cut short. ${again}` };
  let json: Uint8Array | null;
  try {
    json = await pipeThrough(bytes, new DecompressionStream('deflate-raw'), ROUTE_JSON_MAX_BYTES);
  } catch {
    return { ok: false, message: `${what} is damaged: its route cannot be unpacked (was the link cut short or changed?). ${again}` };
  }
  if (!json) return { ok: false, message: `${what} unpacks to more than ${ROUTE_JSON_MAX_BYTES / 1_000_000} MB: it is not a route.` };
  return readJson(json, what);
}

/** The driver link of `route`: `baseUrl` (the app's origin and base path; any fragment dropped) + `#driver=` + payload. */
export async function driverLink(route: DriverRoute, baseUrl: string): Promise<string> {
  return `${baseUrl.split('#')[0]}${DRIVER_FRAGMENT}${await encodeRoute(route)}`;
}

/** The payload of a driver link (a whole URL or its fragment), or null when it is no driver link. */
export function driverPayload(link: string): string | null {
  const at = link.indexOf(DRIVER_FRAGMENT);
  return at < 0 ? null : link.slice(at + DRIVER_FRAGMENT.length);
}

/** How a route can travel: its link (null when longer than LINK_MAX_CHARS) and whether the link fits a QR code. */
export interface HandOffForms {
  link: string | null;
  /** Characters of the link, offered or not. */
  linkLength: number;
  qr: boolean;
}

/** Works out which forms of hand-off `route` fits (the route file always does). */
export async function handOffForms(route: DriverRoute, baseUrl: string): Promise<HandOffForms> {
  const link = await driverLink(route, baseUrl);
  const fits = link.length <= LINK_MAX_CHARS;
  return { link: fits ? link : null, linkLength: link.length, qr: link.length <= QR_MAX_LINK_CHARS };
}

/** The route file's text: the DriverRoute as JSON. */
export function routeFileText(route: DriverRoute): string {
  return `${JSON.stringify(route, null, 2)}\n`;
}

/** The route file's name: `<vehicle>-route.fmp-route.json`. */
export function routeFileName(route: DriverRoute): string {
  return `${safeFileName(route.vehicle.name || route.vehicle.id)}-route.fmp-route.json`;
}

/** Reads a route file; the message names the JSON path of the first problem. */
export function readRouteFile(text: string): RouteReadResult {
  if (text.length > ROUTE_JSON_MAX_BYTES) return { ok: false, message: `The route file is larger than ${ROUTE_JSON_MAX_BYTES / 1_000_000} MB: it is not a route.` };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    return { ok: false, message: `The route file is not valid JSON: ${(err as Error).message}` };
  }
  return checkRoute(data, 'The route file');
}

function readJson(bytes: Uint8Array, what: string): RouteReadResult {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, message: `${what} is damaged: what it unpacks to is not a route (not JSON text).` };
  }
  return checkRoute(data, what);
}

/** Checks parsed JSON against the DriverRoute schema: type, then version, then every field. */
function checkRoute(data: unknown, what: string): RouteReadResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, message: `${what} is not a route: it holds ${Array.isArray(data) ? 'a list' : typeof data === 'object' ? 'null' : `a ${typeof data}`}, not a route object.` };
  const { type, version } = data as { type?: unknown; version?: unknown };
  if (type !== ROUTE_TYPE) return { ok: false, message: `${what} is not a Final Mile Planner route: type is ${JSON.stringify(type) ?? 'missing'}, expected "${ROUTE_TYPE}".` };
  if (typeof version === 'number' && version > ROUTE_VERSION) return { ok: false, message: `${what} was made by a newer version of the planner (route version ${version}; this app reads version ${ROUTE_VERSION}): update the app.` };
  const parsed = v.safeParse(driverRouteSchema, data);
  if (parsed.success) return { ok: true, route: parsed.output };
  const [first, ...rest] = parsed.issues;
  const more = rest.length ? ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})` : '';
  return { ok: false, message: `${what} is not a valid route: ${jsonPath(first)}: ${first.message}${more}.` };
}

/** `stops[3].windows[0].start` from a valibot issue path. */
function jsonPath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : String(key);
  }
  return out || '(route)';
}

/**
 * Pushes `bytes` through a (de)compression stream and collects the output; null once it grows past
 * `maxBytes`. Rejects when the stream fails (corrupt input). Writes are not awaited: awaiting
 * them before reading would stall on the stream's back-pressure.
 */
async function pipeThrough(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Bytes → base64url without padding (RFC 4648 §5). */
function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url → bytes; the index of the first character outside the alphabet, or null for an impossible length. */
function fromBase64Url(text: string): Uint8Array | number | null {
  const bad = text.search(/[^A-Za-z0-9_-]/);
  if (bad >= 0) return bad;
  if (text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
