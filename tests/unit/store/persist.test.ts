// Persistence: the first visit opens and stores the demo; a reload restores
// exactly what was left (scenario + plan); a late storage read never overwrites
// an edit; saves are debounced but flushed when the page hides; every storage
// failure is reported, never swallowed.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCENARIO_VERSION, type Scenario } from '../../../web/src/domain/scenario';
import { makePlannerDb, type PlannerDb } from '../../../web/src/io/db';
import { recordPiecesWithoutPlan } from '../../../web/src/io/record-text';
import { createPersistence, type Persistence } from '../../../web/src/store/persist';
import { rawOf } from '../../../web/src/store/raw';
import { createScenarioStore, type ScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

const DEBOUNCE_MS = 20;
const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));

let dbCounter = 0;
const freshDb = () => makePlannerDb({ scenarios: `persist-s-${++dbCounter}`, session: `persist-p-${dbCounter}` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise the test resolves by hand. */
function gate<T>(): { promise: Promise<T>; open(value: T): void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => { open = resolve; });
  return { promise, open };
}

/** Counts writes and lets a test replace any db method. */
function spyDb(inner: PlannerDb, overrides: Partial<PlannerDb> = {}): PlannerDb & { writes: Scenario[] } {
  const writes: Scenario[] = [];
  return {
    writes,
    getCurrentScenarioId: () => inner.getCurrentScenarioId(),
    getScenario: (id) => inner.getScenario(id),
    // A copy, as IndexedDB takes one: a save is handed the store's own data (scenario.ts `current`).
    saveCurrentScenario: async (s, leaving) => { writes.push(structuredClone(s)); await inner.saveCurrentScenario(s, leaving); },
    ...overrides,
  };
}

function mount(db: PlannerDb, loadDemo: () => Promise<Scenario> = async () => makeMiniScenario(), debounceMs = DEBOUNCE_MS): { scenario: ScenarioStore; persist: Persistence; dispose(): void } {
  return createRoot((dispose) => {
    disposers.push(dispose);
    const scenario = createScenarioStore();
    const persist = createPersistence(scenario, { db, loadDemo, debounceMs, retryMs: 30, channel: `persist-test-${++dbCounter}` });
    return { scenario, persist, dispose };
  });
}

describe('persistence', () => {
  it('opens the demo on a first visit and stores it at once', async () => {
    const db = spyDb(freshDb());
    const { scenario: [state], persist } = mount(db);
    expect(persist.loadStatus()).toBe('loading');
    await persist.restore();
    expect(state.scenario?.id).toBe('mini');
    expect(persist.loadStatus()).toBe('ready');
    expect(persist.saveStatus()).toBe('saved');
    expect(await db.getScenario('mini')).toEqual(makeMiniScenario());
  });

  it('restores exactly the scenario and plan left before a reload, without the demo', async () => {
    const db = freshDb();
    const first = mount(db);
    await first.persist.restore();
    first.scenario[1].setPlan(makeMiniPlan());
    first.scenario[1].rename('Tuesday');
    const left = first.scenario[1].snapshot();
    await first.persist.flush();
    first.dispose();

    let demoLoads = 0;
    const second = mount(db, async () => { demoLoads += 1; return makeMiniScenario(); });
    await second.persist.restore();
    expect(demoLoads).toBe(0);
    expect(second.scenario[1].snapshot()).toEqual(left);
    expect(second.scenario[0].planStatus).toBe('valid');
  });

  it('saves a new plan with the scenario\'s text the store last wrote (its data unchanged since), and an edit with its new text', async () => {
    const records: object[] = [];
    const db = spyDb(freshDb(), {});
    const inner = db.saveCurrentScenario;
    db.saveCurrentScenario = (s, leaving) => { records.push(s); return inner(s, leaving); };
    const { scenario: [state, actions], persist } = mount(db);
    await persist.restore();
    const text = actions.snapshotWithText()!.text;
    // Changed behind the store's back (no edit counted): the save of a new plan does not write the data again.
    rawOf(state.scenario!).name = 'Not written again';
    actions.setPlan(makeMiniPlan());
    await persist.flush();
    const saved = records.at(-1)!;
    expect(saved).not.toBe(rawOf(state.scenario!));
    expect((await recordPiecesWithoutPlan(saved)).join('')).toBe(text);
    actions.rename('Tuesday');
    await persist.flush();
    expect(JSON.parse((await recordPiecesWithoutPlan(records.at(-1)!)).join('')).name).toBe('Tuesday');
  });

  it('never lets a late storage read overwrite an edit made while it was pending', async () => {
    const inner = freshDb();
    await inner.saveCurrentScenario(makeMiniScenario({ name: 'stored long ago' }));
    const slowRead = gate<void>();
    const db = spyDb(inner, { getCurrentScenarioId: async () => { await slowRead.promise; return inner.getCurrentScenarioId(); } });
    const { scenario: [state, actions], persist } = mount(db);
    const restoring = persist.restore();
    actions.replace(makeMiniScenario({ name: 'edited meanwhile' }));
    slowRead.open();
    await restoring;
    expect(state.scenario?.name).toBe('edited meanwhile');
    expect(persist.loadStatus()).toBe('ready');
    await persist.flush();
    expect((await inner.getScenario('mini') as Scenario).name).toBe('edited meanwhile');
  });

  it('never lets a late demo download overwrite an edit made while it was pending', async () => {
    const slowDemo = gate<Scenario>();
    const { scenario: [state, actions], persist } = mount(freshDb(), () => slowDemo.promise);
    const restoring = persist.restore();
    await sleep(5);
    actions.replace(makeMiniScenario({ id: 'imported' }));
    slowDemo.open(makeMiniScenario());
    await restoring;
    expect(state.scenario?.id).toBe('imported');
  });

  it('debounces edits into one write', async () => {
    const db = spyDb(freshDb());
    const { scenario: [, actions], persist } = mount(db);
    await persist.restore();
    db.writes.length = 0;
    actions.rename('a');
    actions.rename('b');
    actions.setSolverOptions({ timeLimitS: 9 });
    expect(persist.saveStatus()).toBe('pending');
    await sleep(DEBOUNCE_MS * 3);
    await persist.flush();
    expect(db.writes).toHaveLength(1);
    expect(db.writes[0].name).toBe('b');
    expect(persist.saveStatus()).toBe('saved');
  });

  it('flushes pending edits at once when the page is hidden or left, without waiting for the debounce', async () => {
    const db = spyDb(freshDb());
    const { scenario: [, actions], persist } = mount(db, undefined, 10_000);
    await persist.restore();
    db.writes.length = 0;
    actions.rename('before pagehide');
    window.dispatchEvent(new Event('pagehide'));
    // No flush() here: only the page's own event may start the write (the debounce is 10 s, far beyond the 2 s wait).
    await vi.waitFor(() => expect(db.writes.map((s) => s.name)).toEqual(['before pagehide']), { timeout: 2000 });

    actions.rename('before hidden');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    await vi.waitFor(() => {
      expect(db.writes.map((s) => s.name)).toEqual(['before pagehide', 'before hidden']);
      expect(persist.storageError()).toBeNull();
      expect(persist.saveStatus()).toBe('saved');
    }, { timeout: 2000 });
  });

  it('a page closed while its last edit was being saved: the next start opens that edit, or keeps it as a copy when the scenario changed since', async () => {
    const where = { scenarios: `persist-rescue-s-${++dbCounter}`, session: `persist-rescue-p-${dbCounter}` };
    /** A page of the app (no retry within the test: a closed page does not retry). */
    const page = (newId?: () => string) => createRoot((dispose) => {
      disposers.push(dispose);
      const scenario = createScenarioStore();
      const persist = createPersistence(scenario, { db: makePlannerDb(where), loadDemo: async () => makeMiniScenario(), debounceMs: 10_000, retryMs: 600_000, channel: `persist-test-${++dbCounter}`, newId });
      return { scenario, persist, dispose };
    });
    /** Renames, then the page is left mid-save: the browser aborts the checked write of a page that is gone. */
    const renameAndClose = async (open: ReturnType<typeof page>, name: string) => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        const request = put.call(this, value, key);
        if (key === '\u0000currentScenarioId') this.transaction.abort();
        return request;
      };
      try {
        open.scenario[1].rename(name);
        window.dispatchEvent(new Event('pagehide'));
        await vi.waitFor(() => expect(open.persist.saveStatus()).toBe('error'), { timeout: 2000 });
        open.dispose();
        await sleep(50);
      } finally {
        IDBObjectStore.prototype.put = put;
      }
    };
    const first = page();
    await first.persist.restore();
    await renameAndClose(first, 'renamed, then reloaded at once');
    const second = page();
    await second.persist.restore();
    expect(second.scenario[0].scenario?.name).toBe('renamed, then reloaded at once');
    expect(second.persist.storageError()).toBeNull();

    // Closed mid-save again, while another tab had saved the scenario: both are kept, and the user is told.
    await renameAndClose(second, 'closing edit');
    const otherTab = makePlannerDb(where);
    await otherTab.getScenario('mini');
    await otherTab.saveCurrentScenario(makeMiniScenario({ name: 'saved in another tab' }));
    const third = page(() => 'kept');
    await third.persist.restore();
    expect(third.scenario[0].scenario?.name).toBe('saved in another tab');
    expect(third.persist.storageError()?.message).toContain('kept as the scenario “closing edit (unsaved edits)”');
    expect(await makePlannerDb(where).getScenario('kept')).toMatchObject({ name: 'closing edit (unsaved edits)' });
  });

  it('asks the browser to warn before leaving while a save is pending, and starts it', async () => {
    const db = spyDb(freshDb());
    const { scenario: [, actions], persist } = mount(db, undefined, 10_000);
    await persist.restore();
    const idle = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(idle);
    expect(idle.defaultPrevented).toBe(false);
    db.writes.length = 0;
    actions.rename('leaving');
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
    await sleep(10);
    expect(db.writes.map((s) => s.name)).toEqual(['leaving']);
  });

  it('reports a full storage on its own and clears the report once a save succeeds', async () => {
    let full = true;
    const inner = freshDb();
    const db = spyDb(inner, {
      saveCurrentScenario: async (s) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        await inner.saveCurrentScenario(s);
      },
    });
    const { scenario: [, actions], persist } = mount(db);
    await persist.restore();
    expect(persist.storageError()?.kind).toBe('quota');
    expect(persist.storageError()?.message).toMatch(/storage is full/);
    expect(persist.saveStatus()).toBe('error');
    full = false;
    actions.rename('after cleanup');
    await persist.flush();
    expect(persist.storageError()).toBeNull();
    expect(persist.saveStatus()).toBe('saved');
  });

  it('reports other write failures with their message', async () => {
    const db = spyDb(freshDb(), { saveCurrentScenario: async () => { throw new Error('disk on fire'); } });
    const { persist } = mount(db);
    await persist.restore();
    expect(persist.storageError()?.kind).toBe('write');
    expect(persist.storageError()?.message).toMatch(/could not be saved yet \(disk on fire\)\. They are kept in this tab and saving is retried/);
    expect(persist.saveStatus()).toBe('error');
  });

  it('keeps a failed edit in memory and retries it with backoff until storage works again', async () => {
    let failing = true;
    const inner = freshDb();
    const attempts: string[] = [];
    const db = spyDb(inner, {
      saveCurrentScenario: async (s) => {
        attempts.push(s.name);
        if (failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        await inner.saveCurrentScenario(s);
      },
    });
    const { scenario: [, actions], persist } = mount(db);
    await persist.restore();
    actions.rename('kept through a full disk');
    await sleep(DEBOUNCE_MS * 2);
    expect(persist.storageError()?.kind).toBe('quota');
    expect(persist.saveStatus()).toBe('error');
    await sleep(200); // retries after 30, 60, 120 ms…
    const retried = attempts.filter((name) => name === 'kept through a full disk').length;
    expect(retried).toBeGreaterThan(1);
    failing = false;
    await sleep(300);
    expect(persist.saveStatus()).toBe('saved');
    expect(persist.storageError()).toBeNull();
    expect((await inner.getScenario('mini') as Scenario).name).toBe('kept through a full disk');
  });

  it('leaves data saved by a newer version untouched, says so, and does not make the demo current', async () => {
    const inner = freshDb();
    await inner.saveCurrentScenario(makeMiniScenario({ id: 'future', name: 'From the future' }));
    const stored = await inner.getScenario('future') as Record<string, unknown>;
    const newer = { ...stored, version: SCENARIO_VERSION + 1, newField: { kept: true } };
    await inner.putScenario(newer as unknown as Scenario);
    const db = spyDb(inner);
    const { scenario: [state, actions], persist } = mount(db, async () => makeMiniScenario({ id: 'demo' }));
    await persist.restore();
    expect(state.scenario?.id).toBe('demo');
    expect(persist.storageError()?.message).toMatch(/newer version of the planner \(scenario version 4; this version reads up to 3\)\. It is left untouched/);
    expect(persist.saveStatus()).toBe('off');
    actions.rename('an edit');
    await persist.flush();
    expect(db.writes).toHaveLength(0);
    expect(await inner.getCurrentScenarioId()).toBe('future');
    expect(await inner.getScenario('future')).toEqual(newer);
  });

  it('opens the demo but switches saving off when stored data cannot be read, so nothing is overwritten', async () => {
    const db = spyDb(freshDb(), { getCurrentScenarioId: async () => { throw new Error('database is blocked'); } });
    const { scenario: [state, actions], persist } = mount(db);
    await persist.restore();
    expect(state.scenario?.id).toBe('mini');
    expect(persist.storageError()?.kind).toBe('read');
    expect(persist.storageError()?.message).toContain('database is blocked');
    expect(persist.saveStatus()).toBe('off');
    actions.rename('not saved');
    await persist.flush();
    expect(db.writes).toHaveLength(0);
  });

  it('explains an unreadable saved scenario and opens the demo instead', async () => {
    const inner = freshDb();
    const broken = makeMiniScenario({ id: 'broken' });
    broken.orders[0].lat = 500;
    await inner.saveCurrentScenario(broken);
    const { scenario: [state], persist } = mount(inner, async () => makeMiniScenario({ id: 'demo' }));
    await persist.restore();
    expect(state.scenario?.id).toBe('demo');
    expect(persist.storageError()?.kind).toBe('restore');
    expect(persist.storageError()?.message).toContain("order 'o1'");
  });

  it('shows why nothing could be opened when the demo download fails', async () => {
    const { scenario: [state], persist } = mount(freshDb(), async () => { throw new Error('HTTP 404'); });
    await persist.restore();
    expect(state.scenario).toBeNull();
    expect(persist.loadStatus()).toBe('failed');
    expect(persist.loadError()).toBe('The demo scenario could not be opened: HTTP 404');
  });
});
