// The scenario catalogue: branch copies the open scenario whole and opens it;
// new starts empty with the same fleet; rename and delete work on open and
// stored scenarios; delete can be undone; nothing pending is lost on a switch.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makePlannerDb } from '../../../web/src/io/db';
import { upgradeScenario } from '../../../web/src/io/restore';
import { createPersistence } from '../../../web/src/store/persist';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { createScenariosStore } from '../../../web/src/store/scenarios';
import { uniqueName } from '../../../web/src/store/scenarios-list';
import { createPinsStore, isOrderPinned, makePinsRecord } from '../../../web/src/store/pins';
import { makeDispatch } from '../../../web/src/store/day-log';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';
import { makePodMediaStore, type PodMediaStore } from '../../../web/src/io/pod-media';

const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));
let dbCounter = 0;

async function mount(media?: Pick<PodMediaStore, 'copy' | 'removeScenario' | 'keepOnly'>) {
  const db = makePlannerDb({ scenarios: `scen-s-${++dbCounter}`, session: `scen-p-${dbCounter}` });
  let ids = 0;
  const app = createRoot((dispose) => {
    disposers.push(dispose);
    const scenario = createScenarioStore();
    const pins = createPinsStore();
    const persist = createPersistence(scenario, { db, loadDemo: async () => makeMiniScenario({ plan: makeMiniPlan() }), debounceMs: 5, pins: makePinsRecord(pins) });
    const scenarios = createScenariosStore({ db, scenario, flush: persist.flush, newId: () => `id-${++ids}`, pins, media });
    return { scenario, persist, scenarios, pins };
  });
  await app.persist.restore();
  await app.scenarios[1].refresh();
  return { ...app, db };
}

describe('scenario catalogue', () => {
  it('keeps each scenario\'s pins with it: a branch copies them, switching shows the right ones, rename and undo keep them', async () => {
    const { scenario: [open], scenarios: [, actions], pins: [pinsState, pinsActions], db } = await mount();
    pinsActions.toggleOrder('mini', 'o1', 'v1');
    await actions.duplicate();
    expect(open.scenario?.id).toBe('id-1');
    expect(isOrderPinned(pinsState, 'id-1', 'o1')).toBe(true);
    pinsActions.toggleOrder('id-1', 'o2', 'v2');
    await actions.open('mini');
    expect(isOrderPinned(pinsState, 'mini', 'o1')).toBe(true);
    expect(isOrderPinned(pinsState, 'mini', 'o2')).toBe(false);
    // Renaming the stored branch keeps its pins in its record.
    await actions.rename('id-1', 'Branch with pins');
    expect((await db.getScenario('id-1') as { pins: { orders: Record<string, string> } }).pins.orders).toEqual({ o1: 'v1', o2: 'v2' });
    await actions.open('id-1');
    expect(isOrderPinned(pinsState, 'id-1', 'o2')).toBe(true);
    // Deleted and restored: the pins come back too.
    await actions.remove('id-1');
    expect(open.scenario?.id).toBe('mini');
    expect(isOrderPinned(pinsState, 'mini', 'o1')).toBe(true);
    await actions.undoRemove();
    await actions.open('id-1');
    expect(isOrderPinned(pinsState, 'id-1', 'o1') && isOrderPinned(pinsState, 'id-1', 'o2')).toBe(true);
  });

  it('lists the stored scenarios with their plan figures', async () => {
    const { scenarios: [state] } = await mount();
    expect(state.entries).toHaveLength(1);
    expect(state.entries[0]).toMatchObject({ id: 'mini', name: 'Mini Lyon', orders: 4, vehicles: 2 });
    expect(state.entries[0].kpis).toMatchObject({ stops: 3, unassigned: 1 });
  });

  it('branches: a full copy (plan included) under a new id and name, opened at once', async () => {
    const { scenario: [open], scenarios: [state, actions], db } = await mount();
    await actions.duplicate();
    expect(open.scenario).toMatchObject({ id: 'id-1', name: 'Mini Lyon (branch)' });
    expect(open.scenario?.plan).not.toBeNull();
    expect(state.entries.map((e) => e.name)).toEqual(['Mini Lyon', 'Mini Lyon (branch)']);
    expect(await db.getCurrentScenarioId()).toBe('id-1');
    expect(state.error).toBeNull();
  });

  it('keeps an edit made just before switching, then opens the other scenario', async () => {
    const { scenario: [open, openActions], scenarios: [, actions], db } = await mount();
    await actions.duplicate();
    openActions.rename('Edited branch');
    await actions.open('mini');
    expect(open.scenario?.id).toBe('mini');
    expect((await db.getScenario('id-1') as { name: string }).name).toBe('Edited branch');
  });

  it('creates a blank scenario (no depots, fleet or orders) with its own name and date', async () => {
    const { scenario: [open], scenarios: [state, actions], db } = await mount();
    await actions.create({ name: 'Portland Monday', date: '2026-12-07' });
    expect(open.scenario).toMatchObject({ id: 'id-1', name: 'Portland Monday', depots: [], vehicles: [], orders: [], plan: null });
    expect(open.scenario?.settings.date).toBe('2026-12-07');
    expect(state.entries.map((e) => e.name)).toContain('Portland Monday');
    expect(await db.getCurrentScenarioId()).toBe('id-1');
  });

  it('creates a scenario with the depots and fleet of another one, without its orders or plan', async () => {
    const { scenario: [open], scenarios: [, actions] } = await mount();
    await actions.create({ copyFleetOf: 'mini' });
    expect(open.scenario).toMatchObject({ name: 'New scenario', orders: [], plan: null });
    expect(open.scenario?.vehicles).toHaveLength(2);
    expect(open.scenario?.depots.length).toBeGreaterThan(0);
  });

  it('renames the open scenario and a stored one', async () => {
    const { scenario: [open], scenarios: [state, actions] } = await mount();
    await actions.duplicate();
    await actions.rename('id-1', 'Two vans');
    await actions.rename('mini', 'Baseline');
    expect(open.scenario?.name).toBe('Two vans');
    expect(state.entries.map((e) => e.name)).toEqual(['Baseline', 'Two vans']);
    await actions.rename('mini', '  ');
    expect(state.error).toContain('a scenario needs a name');
  });

  it('deletes the open scenario (opening another) and undoes the delete', async () => {
    const { scenario: [open], scenarios: [state, actions] } = await mount();
    await actions.duplicate();
    await actions.remove('id-1');
    expect(open.scenario?.id).toBe('mini');
    expect(state.entries.map((e) => e.id)).toEqual(['mini']);
    expect(state.deleted?.scenario.name).toBe('Mini Lyon (branch)');
    await actions.undoRemove();
    expect(open.scenario?.id).toBe('id-1');
    expect(state.entries.map((e) => e.id)).toEqual(['mini', 'id-1']);
    expect(state.deleted).toBeNull();
  });

  it("a deleted scenario's proof-of-delivery media go once the deletion is final, not while it can be undone; orphans go at start", async () => {
    const media = makePodMediaStore(`scen-media-${++dbCounter}`);
    const { scenarios: [state, actions] } = await mount(media);
    await actions.duplicate();
    const item = (id: string) => ({ id, type: 'image/png', data: 'iVBORw0KGgo=' });
    await media.put('id-1', [item('sig-1'), item('photo-1')]);
    await media.put('mini', [item('sig-2')]);
    const held = async () => (await media.list()).map((m) => `${m.scenarioId}/${m.media.id}`).sort();
    await actions.remove('id-1');
    expect(await held()).toEqual(['id-1/photo-1', 'id-1/sig-1', 'mini/sig-2']);
    await actions.undoRemove();
    expect(await held()).toEqual(['id-1/photo-1', 'id-1/sig-1', 'mini/sig-2']);
    await actions.remove('id-1');
    actions.dismissUndo();
    expect(state.deleted).toBeNull();
    await vi.waitFor(async () => expect(await held()).toEqual(['mini/sig-2']));
    // A page closed while a deletion could still be undone leaves media of a scenario no longer stored.
    await media.put('gone-before-reload', [item('sig-3')]);
    await actions.pruneMedia();
    expect(await held()).toEqual(['mini/sig-2']);
  });

  it('deleting the last scenario opens a new empty one', async () => {
    const { scenario: [open], scenarios: [state, actions] } = await mount();
    await actions.remove('mini');
    expect(open.scenario).toMatchObject({ id: 'id-1', orders: [] });
    expect(state.entries.map((e) => e.id)).toEqual(['id-1']);
  });

  it('adds an imported scenario under a new id when its id is taken', async () => {
    const { scenario: [open], scenarios: [state, actions] } = await mount();
    const upgraded = upgradeScenario(makeMiniScenario({ name: 'Imported' }));
    if (!upgraded.ok) throw new Error(upgraded.message);
    await actions.add(upgraded.scenario);
    expect(open.scenario).toMatchObject({ id: 'id-1', name: 'Imported' });
    expect(state.entries).toHaveLength(2);
  });

  it('names copies uniquely', () => {
    expect(uniqueName('A', ['A', 'A 2'])).toBe('A 3');
    expect(uniqueName('B', ['A'])).toBe('B');
  });

  it('a branch of a dispatched day gets its proof-of-delivery media; a branch without a day copies none', async () => {
    const copies: string[] = [];
    const { scenario: [open, openActions], scenarios: [, actions] } = await mount({ copy: async (from, to) => { copies.push(`${from}->${to}`); return 1; }, removeScenario: async () => 0, keepOnly: async () => 0 });
    await actions.duplicate();
    expect(copies).toEqual([]);
    openActions.setDay(makeDispatch(openActions.snapshot()!, 480));
    await actions.duplicate();
    expect(open.scenario?.id).toBe('id-2');
    expect(copies).toEqual(['id-1->id-2']);
  });
});
