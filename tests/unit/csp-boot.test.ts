// The policy installed at startup: it reads the tile hosts of every stored scenario
// (and a new scenario's defaults), adds them to a CSP <meta> in the head, and
// fails closed (defaults only) when the database is unreadable or too slow.
import { createStore, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installContentSecurityPolicy, urlAdmittedNow } from '../../web/src/csp-boot';

const metas = () => [...document.head.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')] as HTMLMetaElement[];

afterEach(() => {
  for (const meta of metas()) meta.remove();
  vi.restoreAllMocks();
});

describe('installContentSecurityPolicy', () => {
  it("admits exactly the stored scenarios' tile hosts and the default one", async () => {
    const store = createStore('csp-boot-a', 'scenarios');
    await set('s1', { id: 's1', settings: { tileUrl: 'https://{s}.tiles.example.test/{z}/{x}/{y}.png' } }, store);
    await set('s2', { id: 's2', settings: { tileUrl: 'http://localhost:8080/{z}/{x}/{y}.png' } }, store);
    await set('s3', { id: 's3', settings: { tileUrl: '' } }, store);
    await set('\u0000currentScenarioId', 's1', store);
    await set('broken', { id: 'broken', settings: null }, store);

    const sources = await installContentSecurityPolicy({ dbName: 'csp-boot-a' });
    expect(sources).toEqual([
      'http://localhost:8080', 'https://a.tiles.example.test', 'https://b.tiles.example.test', 'https://c.tiles.example.test', 'https://tile.openstreetmap.org',
    ]);
    const [meta] = metas();
    expect(metas()).toHaveLength(1);
    expect(meta.parentElement).toBe(document.head);
    expect(meta.content).toContain("img-src 'self' data: blob: http://localhost:8080 https://a.tiles.example.test");
    expect(meta.content).toContain("connect-src 'self' http://localhost:8080 https://a.tiles.example.test");
    expect(urlAdmittedNow('https://{s}.tiles.example.test/{z}/{x}/{y}.png')).toBe(true);
    expect(urlAdmittedNow('https://elsewhere.example.test/{z}/{x}/{y}.png')).toBe(false);
  });

  it('admits only the default host when the database does not answer in time', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest);
    const sources = await installContentSecurityPolicy({ dbName: 'csp-boot-b', timeoutMs: 50 });
    expect(open).toHaveBeenCalled();
    expect(sources).toEqual(['https://tile.openstreetmap.org']);
    expect(metas()[0].content).toContain("connect-src 'self' https://tile.openstreetmap.org; worker-src");
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('only default hosts admitted'), expect.any(Error));
  });
});
