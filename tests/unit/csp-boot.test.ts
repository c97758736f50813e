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

/** A stand-in for the settings worker (csp-read.worker.ts): answers each request with `answer`, or fails. */
function fakeWorker(answer: { settings?: unknown[]; fail?: string }): Worker & { posted: unknown[]; terminated: boolean } {
  const worker = {
    posted: [] as unknown[],
    terminated: false,
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    onmessageerror: null as (() => void) | null,
    postMessage(message: unknown) {
      worker.posted.push(message);
      setTimeout(() => {
        if (answer.fail !== undefined) worker.onerror?.({ message: answer.fail, preventDefault() {} } as ErrorEvent);
        else worker.onmessage?.({ data: { ok: true, settings: answer.settings } } as MessageEvent);
      }, 0);
    },
    terminate() { worker.terminated = true; },
  };
  return worker as unknown as Worker & { posted: unknown[]; terminated: boolean };
}

describe('installContentSecurityPolicy with a settings worker', () => {
  it('takes the hosts the worker read (the page deserialises no record) and ends the worker', async () => {
    const worker = fakeWorker({ settings: [{ tileUrl: 'https://worker-read.example.test/{z}/{x}/{y}.png' }] });
    const sources = await installContentSecurityPolicy({ dbName: 'csp-boot-w1', spawnWorker: () => worker });
    expect(worker.posted).toEqual([{ dbName: 'csp-boot-w1' }]);
    expect(sources).toEqual(['https://tile.openstreetmap.org', 'https://worker-read.example.test']);
    expect(worker.terminated).toBe(true);
  });

  it('reads on the page when the worker fails or cannot start, so stored hosts are still admitted', async () => {
    await seed('csp-boot-w2', { s1: { id: 's1', settings: { tileUrl: 'https://fallback.example.test/{z}.png' } } });
    const failing = fakeWorker({ fail: 'script blocked' });
    expect(await installContentSecurityPolicy({ dbName: 'csp-boot-w2', spawnWorker: () => failing })).toContain('https://fallback.example.test');
    expect(failing.terminated).toBe(true);
    const sources = await installContentSecurityPolicy({ dbName: 'csp-boot-w2', spawnWorker: () => { throw new Error('no workers here'); } });
    expect(sources).toContain('https://fallback.example.test');
  });

  it('fails closed when the worker reports a database error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const worker = fakeWorker({});
    worker.postMessage = (message: unknown) => {
      worker.posted.push(message);
      setTimeout(() => worker.onmessage?.({ data: { ok: false, message: 'UnknownError: the disk went away' } } as MessageEvent), 0);
    };
    expect(await installContentSecurityPolicy({ dbName: 'csp-boot-w3', spawnWorker: () => worker })).toEqual(['https://tile.openstreetmap.org']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('only default hosts admitted'), expect.objectContaining({ message: 'UnknownError: the disk went away' }));
  });
});
