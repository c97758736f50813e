// Two tabs on one scenario (two persistences on one database and one channel):
// a tab without unsaved edits follows the other's saves; a tab with unsaved
// edits is refused the write (the newer copy stays), told so, and can keep its
// version as a copy or take the newer one. No edit is lost silently.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../web/src/domain/scenario';
import { makePlannerDb } from '../../../web/src/io/db';
import { createPersistence, type Persistence } from '../../../web/src/store/persist';
import { createPinsStore, makePinsRecord, type PinsStore } from '../../../web/src/store/pins';
import { createScenarioStore, type ScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniScenario } from '../../fixtures/mini-scenario';

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let counter = 0;

interface Tab { scenario: ScenarioStore; pins: PinsStore; persist: Persistence }

function openTab(names: { scenarios: string; session: string }, channel: string, debounceMs: number): Tab {
  return createRoot((dispose) => {
    disposers.push(dispose);
    const scenario = createScenarioStore();
    const pins = createPinsStore();
    const persist = createPersistence(scenario, {
      db: makePlannerDb(names), loadDemo: async () => makeMiniScenario(), debounceMs, channel, pins: makePinsRecord(pins), newId: () => 'copy-id',
    });
    return { scenario, pins, persist };
  });
}

async function twoTabs(debounceB = 10): Promise<[Tab, Tab, ReturnType<typeof makePlannerDb>]> {
  const names = { scenarios: `tabs-s-${++counter}`, session: `tabs-p-${counter}` };
  const channel = `tabs-${counter}`;
  const a = openTab(names, channel, 10);
  await a.persist.restore();
  const b = openTab(names, channel, debounceB);
  await b.persist.restore();
  return [a, b, makePlannerDb(names)];
}

/** Waits for the other tab's message (up to 10 s: a busy machine delays it; the condition decides, not the time). */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition() && Date.now() < deadline) await sleep(10);
  expect(condition(), what).toBe(true);
}

describe('two tabs on one scenario', () => {
  it('the other tab follows each save, both ways, pins included', async () => {
    const [a, b, db] = await twoTabs();
    a.scenario[1].rename('renamed in A');
    a.pins[1].toggleOrder('mini', 'o1', 'v1');
    await a.persist.flush();
    await until(() => b.scenario[0].scenario?.name === 'renamed in A', 'B follows A');
    expect(b.pins[1].snapshot('mini').orders).toEqual({ o1: 'v1' });
    expect(b.persist.saveStatus()).toBe('saved');

    b.scenario[1].rename('renamed in B');
    await b.persist.flush();
    await until(() => a.scenario[0].scenario?.name === 'renamed in B', 'A follows B');
    a.scenario[1].rename('A again');
    await a.persist.flush();
    expect(a.persist.storageError()).toBeNull();
    expect(await db.getScenario('mini')).toMatchObject({ name: 'A again', pins: { orders: { o1: 'v1' }, routes: [] } });
  });

  it('a tab with unsaved edits never overwrites the newer copy: it is told, and keeps its version as a copy', async () => {
    const [a, b, db] = await twoTabs(60_000);
    b.scenario[1].rename('unsaved in B');
    a.scenario[1].rename('saved in A');
    await a.persist.flush();
    await until(() => b.persist.storageError()?.kind === 'conflict', 'B is told');
    expect(b.persist.storageError()?.message).toMatch(/changed in another tab.*NOT saved/);
    expect(b.persist.saveStatus()).toBe('error');
    expect(b.scenario[0].scenario?.name).toBe('unsaved in B');
    expect(await db.getScenario('mini')).toMatchObject({ name: 'saved in A' });

    await b.persist.resolveConflict('copy');
    expect(b.persist.storageError()).toBeNull();
    expect(b.scenario[0].scenario?.id).toBe('copy-id');
    expect(await db.getScenario('copy-id')).toMatchObject({ name: 'unsaved in B (copy from another tab)' });
    expect(await db.getScenario('mini')).toMatchObject({ name: 'saved in A' });
    expect(await db.getCurrentScenarioId()).toBe('copy-id');
  });

  it('after a conflict, "theirs" opens the newer stored copy and saving goes on from it', async () => {
    const [a, b, db] = await twoTabs(60_000);
    b.scenario[1].rename('unsaved in B');
    a.scenario[1].rename('saved in A');
    await a.persist.flush();
    await until(() => b.persist.storageError()?.kind === 'conflict', 'B is told');
    await b.persist.resolveConflict('theirs');
    expect(b.scenario[0].scenario?.name).toBe('saved in A');
    b.scenario[1].rename('B continues');
    await b.persist.flush();
    expect(b.persist.storageError()).toBeNull();
    expect((await db.getScenario('mini') as Scenario).name).toBe('B continues');
  });
});
