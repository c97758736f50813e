// The page's Content Security Policy as a pure function of the settings: the app
// reaches its own origin and the hosts the user configured (map tiles, the
// routing service; geocoding once it exists) and nothing else; no inline
// script, no eval (WebAssembly compiles under 'wasm-unsafe-eval'). Used by the
// build (vite.config.ts) and at startup (csp-boot.ts); no DOM here.

/** Settings whose values are URLs the page contacts; a new outside service adds its key here. */
export const HOST_SETTINGS = ['tileUrl', 'geocodeUrl', 'routingUrl'] as const;

/** A settings key naming an outside service. */
export type HostSetting = (typeof HOST_SETTINGS)[number];

/** The part of a scenario's settings that names outside hosts (values unchecked: stored data may be anything). */
export type HostSettings = Partial<Record<HostSetting, unknown>>;

/**
 * What the build-time policy admits for images and requests: any web host. The policy
 * installed at startup narrows it to the configured hosts (two policies: both must allow).
 */
export const ANY_WEB_HOST: readonly string[] = ['https:', 'http:'];

/** Leaflet's default tile subdomains: what `{s}` in a tile URL stands for. */
const TILE_SUBDOMAINS = ['a', 'b', 'c'];

/**
 * A host as a CSP source may name it: DNS labels and an optional port. Anything else (spaces,
 * `;`, quotes, `*`, user info…) is refused so a setting can never add a directive or a wildcard.
 */
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

/** `https://host/…`, `http://host/…` or `//host/…` (scheme of the page). */
const ABSOLUTE = /^(?:(https?):)?\/\/([^/?#\\]*)/i;

/**
 * The CSP sources of one URL setting: `https://tile.example.org` (scheme, host and port, no path).
 * `{s}` is written out as Leaflet's subdomains a, b and c. An empty or relative URL (the app's own
 * origin, already 'self') and anything that is not a plain http(s) host give none.
 */
export function sourcesOfUrl(url: string): string[] {
  const match = ABSOLUTE.exec(url.trim());
  if (!match) return [];
  const scheme = match[1] ? `${match[1].toLowerCase()}://` : '';
  const authority = match[2].toLowerCase();
  const hosts = authority.includes('{s}') ? TILE_SUBDOMAINS.map((s) => authority.replaceAll('{s}', s)) : [authority];
  return hosts.every((host) => HOST.test(host)) ? hosts.map((host) => `${scheme}${host}`) : [];
}

/** Every outside source the settings name (each scenario's), sorted, without repeats. */
export function configuredSources(settings: readonly HostSettings[]): string[] {
  const sources = new Set<string>();
  for (const entry of settings) {
    for (const key of HOST_SETTINGS) {
      const value = entry[key];
      if (typeof value === 'string') for (const source of sourcesOfUrl(value)) sources.add(source);
    }
  }
  return [...sources].sort();
}

/**
 * Whether a page whose policy admits `admitted` may load `url`: `now` (a relative URL is the
 * app's own), `next-start` (a plain http(s) host the next startup policy will admit once it is
 * stored in a scenario), or `never` (a URL no policy built here admits: another scheme, an odd host).
 */
export type Admission = 'now' | 'next-start' | 'never';

/** See `Admission`. */
export function urlAdmission(url: string, admitted: readonly string[]): Admission {
  const text = url.trim();
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//');
  if (text === '' || !absolute) return 'now';
  const sources = sourcesOfUrl(text);
  if (sources.length === 0) return 'never';
  return sources.every((source) => admitted.includes(source)) ? 'now' : 'next-start';
}

/** What a policy is made for. */
export interface PolicyOptions {
  /** Outside sources images and requests may reach (`ANY_WEB_HOST` at build time). */
  hosts: readonly string[];
  /** Vite's dev server: it injects CSS as <style> elements and talks to its HMR websocket. */
  dev?: boolean;
}

/**
 * Image sources that are not hosts and reach no network: `data:` (Leaflet's blank tile, the
 * small images Vite inlines into the CSS) and `blob:` (tiles read from a map archive on disk).
 */
const LOCAL_IMAGES = ['data:', 'blob:'];

/**
 * The policy text. Everything defaults to the app's own origin; scripts only from it (no inline
 * script, no eval) plus WebAssembly compilation; workers (the solver, the service worker) from it;
 * images and requests from it and `hosts`; no plugins; no <base> or form target elsewhere.
 * Only directives a <meta> element may carry (no frame-ancestors, report-uri or sandbox).
 */
export function buildPolicy({ hosts, dev = false }: PolicyOptions): string {
  const directives: string[][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    ['style-src', "'self'", ...(dev ? ["'unsafe-inline'"] : [])],
    ['img-src', "'self'", ...LOCAL_IMAGES, ...hosts],
    ['connect-src', "'self'", ...hosts, ...(dev ? ['ws:', 'wss:'] : [])],
    ['worker-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}
