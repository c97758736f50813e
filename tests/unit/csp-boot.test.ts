// The policy installed at startup: it reads the tile hosts of every stored scenario
// (and a new scenario's defaults), adds them to a CSP <meta> in the head, and
// fails closed (defaults only) when the database is unreadable or too slow.
import { createStore, get, set } from 'idb-keyval';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { admissionNow, installContentSecurityPolicy } from '../../web/src/csp-boot';

/** Writes records into `dbName` through a connection that is closed again (as another tab would). */
function seed(dbName: string, records: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(dbName);
    open.onupgradeneeded = () => open.result.createObjectStore('scenarios');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('scenarios', 'readwrite');
      for (const [key, value] of Object.entries(records)) tx.objectStore('scenarios').put(value, key);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const metas = () => [...document.head.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')] as HTMLMetaElement[];

afterEach(() => {
  for (const meta of metas()) meta.remove();
  vi.restoreAllMocks();
});

describe('installContentSecurityPolicy', () => {
  it("admits exactly the stored scenarios' tile hosts and the default one", async () => {
    await seed('csp-boot-a', {
      s1: { id: 's1', settings: { tileUrl: 'https://{s}.tiles.example.test/{z}/{x}/{y}.png' } },
      s2: { id: 's2', settings: { tileUrl: 'http://localhost:8080/{z}/{x}/{y}.png' } },
      s3: { id: 's3', settings: { tileUrl: '' } },
      '\u0000currentScenarioId': 's1',
      broken: { id: 'broken', settings: null },
    });

    const sources = await installContentSecurityPolicy({ dbName: 'csp-boot-a' });
    expect(sources).toEqual([
      'http://localhost:8080', 'https://a.tiles.example.test', 'https://b.tiles.example.test', 'https://c.tiles.example.test', 'https://tile.openstreetmap.org',
    ]);
    const [meta] = metas();
    expect(metas()).toHaveLength(1);
    expect(meta.parentElement).toBe(document.head);
    expect(meta.content).toContain("img-src 'self' data: blob: http://localhost:8080 https://a.tiles.example.test");
    expect(meta.content).toContain("connect-src 'self' http://localhost:8080 https://a.tiles.example.test");
    expect(admissionNow('https://{s}.tiles.example.test/{z}/{x}/{y}.png')).toBe('now');
    expect(admissionNow('https://elsewhere.example.test/{z}/{x}/{y}.png')).toBe('next-start');
  });

  it('creates no database on a first visit, so the app still creates its own afterwards', async () => {
    expect(await installContentSecurityPolicy({ dbName: 'csp-boot-fresh' })).toEqual(['https://tile.openstreetmap.org']);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('csp-boot-fresh');
    const store = createStore('csp-boot-fresh', 'scenarios');
    await set('s1', { id: 's1' }, store);
    expect(await get('s1', store)).toEqual({ id: 's1' });
  });

  it('lets another connection upgrade the database once it has read it', async () => {
    await seed('csp-boot-c', { s1: { id: 's1', settings: { tileUrl: 'https://maps.example.test/{z}.png' } } });
    expect(await installContentSecurityPolicy({ dbName: 'csp-boot-c' })).toContain('https://maps.example.test');
    const upgraded = await new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('csp-boot-c', 5);
      open.onblocked = () => reject(new Error('blocked by an open connection'));
      open.onsuccess = () => { open.result.close(); resolve(open.result.version); };
      open.onerror = () => reject(open.error);
    });
    expect(upgraded).toBe(5);
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
