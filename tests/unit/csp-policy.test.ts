// The Content Security Policy as a function of the settings: exactly the app's own
// origin plus the configured tile hosts, no inline script or eval, and no setting
// value can widen it (wildcards, extra directives) or slip in a host by its shape.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANY_WEB_HOST, buildPolicy, configuredSources, sourcesOfUrl, urlAdmission } from '../../web/src/csp-policy';
import { defaultSettings } from '../../web/src/domain/blank';

/** The policy as directive → sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

describe('sourcesOfUrl', () => {
  it('names the scheme, host and port of a tile URL template, without its path', () => {
    expect(sourcesOfUrl('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toEqual(['https://tile.openstreetmap.org']);
    expect(sourcesOfUrl('  HTTP://Tiles.Example.test:8080/{z}/{x}/{y}.png?key=1 ')).toEqual(['http://tiles.example.test:8080']);
    expect(sourcesOfUrl('//cdn.example.test/{z}/{x}/{y}.png')).toEqual(['cdn.example.test']);
  });

  it("writes Leaflet's {s} subdomains out as a, b and c", () => {
    expect(sourcesOfUrl('https://{s}.tile.example.test/{z}/{x}/{y}.png')).toEqual([
      'https://a.tile.example.test', 'https://b.tile.example.test', 'https://c.tile.example.test',
    ]);
  });

  it('gives nothing for no URL, a relative URL (the app itself) or anything but a plain http(s) host', () => {
    for (const url of ['', '/tiles/{z}/{x}/{y}.png', 'tiles/{z}.png', 'ftp://x.test/a', 'javascript:alert(1)', 'data:image/png;base64,AA==',
      'https://*.example.test/{z}.png', "https://x.test;script-src 'unsafe-inline'/a", 'https://x.test https://y.test/a',
      'https://user@x.test/a', "https://x.test'/a", 'https://{r}.x.test/a', 'https://[::1]:8080/a', 'https://x.test,y.test/a']) {
      expect(sourcesOfUrl(url), url).toEqual([]);
    }
  });
});

describe('configuredSources', () => {
  it("collects every scenario's tile host once, sorted, ignoring values that are not text", () => {
    const sources = configuredSources([
      { tileUrl: 'https://b.example.test/{z}/{x}/{y}.png' }, { tileUrl: 'https://a.example.test/{z}.png' },
      { tileUrl: 'https://b.example.test/other/{z}.png' }, { tileUrl: '' }, { tileUrl: 42 }, {},
    ]);
    expect(sources).toEqual(['https://a.example.test', 'https://b.example.test']);
  });

  it("admits exactly the routing service's host next to the tile host (issue #14)", () => {
    const sources = configuredSources([
      { tileUrl: 'https://tiles.example.test/{z}.png', routingUrl: 'http://127.0.0.1:5000/' },
      { routingUrl: 'https://router.example.test/osrm' }, { routingUrl: '' }, { routingUrl: "https://x.test;connect-src *" },
    ]);
    expect(sources).toEqual(['http://127.0.0.1:5000', 'https://router.example.test', 'https://tiles.example.test']);
    const policy = buildPolicy({ hosts: sources });
    expect(policy).toContain("connect-src 'self' http://127.0.0.1:5000 https://router.example.test https://tiles.example.test");
  });

  it('admits the tiles of the demo and of a new scenario from the defaults alone', () => {
    const demo = JSON.parse(readFileSync(resolve('public/demo-scenario.json'), 'utf8')) as { settings: { tileUrl: string } };
    const defaults = configuredSources([defaultSettings('2026-01-01')]);
    expect(defaults).toEqual(['https://tile.openstreetmap.org']);
    expect(urlAdmission(demo.settings.tileUrl, defaults)).toBe('now');
  });
});

describe('urlAdmission', () => {
  const admitted = ['https://a.tiles.test', 'https://b.tiles.test', 'https://c.tiles.test', 'https://maps.test'];
  it('admits configured hosts and the app itself now, other plain hosts from the next start, odd URLs never', () => {
    const admission = (url: string) => urlAdmission(url, admitted);
    expect(['https://maps.test/{z}/{x}/{y}.png', 'https://{s}.tiles.test/{z}/{x}/{y}.png', '/local/{z}/{x}/{y}.png', 'tiles/{z}.png', ''].map(admission))
      .toEqual(['now', 'now', 'now', 'now', 'now']);
    expect(['https://other.test/{z}.png', 'http://maps.test/{z}.png', 'https://maps.test:8443/{z}.png', 'https://{s}.maps.test/{z}.png'].map(admission))
      .toEqual(['next-start', 'next-start', 'next-start', 'next-start']);
    expect(['javascript:alert(1)', 'ftp://maps.test/a', 'https://[::1]/{z}.png', 'https://user@maps.test/{z}.png'].map(admission))
      .toEqual(['never', 'never', 'never', 'never']);
  });
});

describe('buildPolicy', () => {
  it('admits the given hosts for images and requests only, with scripts from the app and WebAssembly', () => {
    const policy = directives(buildPolicy({ hosts: ['https://maps.test'] }));
    expect(policy).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:', 'https://maps.test'],
      'connect-src': ["'self'", 'https://maps.test'],
      'worker-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    });
  });

  it('never allows inline script or eval, also on the dev server', () => {
    for (const policy of [buildPolicy({ hosts: [] }), buildPolicy({ hosts: ANY_WEB_HOST, dev: true })]) {
      expect(directives(policy)['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      expect(policy).not.toMatch(/'unsafe-eval'|'unsafe-inline'.*script|frame-ancestors|report-uri|sandbox/);
    }
  });

  it("lets the dev server inject styles and open its websocket, and the build admit any web host for the runtime policy to narrow", () => {
    const dev = directives(buildPolicy({ hosts: ANY_WEB_HOST, dev: true }));
    expect(dev['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev['connect-src']).toEqual(["'self'", 'https:', 'http:', 'ws:', 'wss:']);
    expect(dev['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https:', 'http:']);
  });

  it('keeps a hostile tile URL from adding a directive or a wildcard', () => {
    const hosts = configuredSources([{ tileUrl: "https://x.test; script-src 'unsafe-inline' *; img-src */a" }, { tileUrl: 'https://*/a' }]);
    expect(hosts).toEqual([]);
    expect(Object.keys(directives(buildPolicy({ hosts })))).toHaveLength(9);
  });
});
