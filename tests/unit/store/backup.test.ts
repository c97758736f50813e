// The backup store: "Back up everything" saves the open scenario first and
// downloads every record; a restore previews what it will do and writes only on
// confirm, as copies unless replacing was asked for.
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import { makePlannerDb } from '../../../web/src/io/db';
import { makePodMediaStore } from '../../../web/src/io/pod-media';
import { createBackupStore } from '../../../web/src/store/backup';
import { makeMiniScenario } from '../../fixtures/mini-scenario';

let counter = 0;

function setup() {
  const db = makePlannerDb({ scenarios: `backup-store-s-${++counter}`, session: `backup-store-p-${counter}` });
  const media = makePodMediaStore(`backup-store-m-${counter}`);
  const downloads: { fileName: string; text: string }[] = [];
  const calls: string[] = [];
  const restored: string[][] = [];
  let ids = 0;
  const store = createRoot(() => createBackupStore({
    db,
    flush: async () => { calls.push('flush'); },
    restored: async (replaced) => { restored.push(replaced); },
    download: (fileName, text) => downloads.push({ fileName, text }),
    media,
    newId: () => `copy-${++ids}`,
    now: () => new Date('2026-11-30T08:00:00Z'),
  }));
  return { db, media, store, downloads, calls, restored };
}

describe('backup store', () => {
  it('backs up every stored scenario after saving the open one', async () => {
    const { db, store: [state, actions], downloads, calls } = setup();
    await db.putScenario(makeMiniScenario());
    await db.putScenario(makeMiniScenario({ id: 'b', name: 'B' }));
    await actions.backUp();
    expect(calls).toEqual(['flush']);
    expect(downloads[0].fileName).toBe('final-mile-backup-2026-11-30.json');
    expect(JSON.parse(downloads[0].text).scenarios).toHaveLength(2);
    expect(state.done).toBe('Backed up 2 scenarios.');
  });

  it('previews a restore, writes nothing before confirm, then adds a differing scenario as a copy', async () => {
    const { db, store: [state, actions], downloads, restored } = setup();
    await db.putScenario(makeMiniScenario({ name: 'in the backup' }));
    await actions.backUp();
    await db.putScenario(makeMiniScenario({ name: 'changed since' }));
    await actions.choose(new File([downloads[0].text], 'backup.json'));
    expect(state.error).toBeNull();
    expect(state.preview?.items.map((i) => i.action)).toEqual(['copy']);
    expect((await db.listScenarios())).toHaveLength(1);
    await actions.confirm();
    expect(state.preview).toBeNull();
    const names = (await db.listScenarios()).map((r) => (r as { name: string }).name).sort();
    expect(names).toEqual(['changed since', 'in the backup (restored)']);
    expect(restored).toEqual([[]]);
  });

  it('replaces only when asked, and reports which scenarios were replaced', async () => {
    const { db, store: [state, actions], downloads, restored } = setup();
    await db.putScenario(makeMiniScenario({ name: 'in the backup' }));
    await actions.backUp();
    await db.putScenario(makeMiniScenario({ name: 'changed since' }));
    await actions.choose(new File([downloads[0].text], 'backup.json'));
    await actions.setReplace(true);
    expect(state.preview?.summary.join(' ')).toMatch(/REPLACED/);
    await actions.confirm();
    expect(await db.listScenarios()).toEqual([expect.objectContaining({ id: 'mini', name: 'in the backup' })]);
    expect(restored).toEqual([['mini']]);
  });

  it('names the file and the problem when it is not a backup', async () => {
    const { db, store: [state, actions] } = setup();
    await actions.choose(new File(['{"type":"final-mile-scenario"}'], 'scenario.json'));
    expect(state.error).toMatch(/^Reading the backup failed: scenario\.json: type: this is not a planner backup/);
    expect(await db.listScenarios()).toEqual([]);
  });

  it('backs up the POD media and restores them with their scenario, under the id of a copy', async () => {
    const signature = { id: 'sig-1', type: 'image/png', data: 'iVBORw==' };
    const source = setup();
    await source.db.putScenario(makeMiniScenario());
    await source.media.put('mini', [signature]);
    await source.store[1].backUp();
    expect(JSON.parse(source.downloads[0].text).media).toEqual([{ scenarioId: 'mini', ...signature }]);

    // A fresh browser: the scenario and its media come back under the same id.
    const target = setup();
    await target.store[1].choose(new File([source.downloads[0].text], 'backup.json'));
    await target.store[1].confirm();
    expect((await target.media.get('mini', ['sig-1'])).get('sig-1')).toEqual(signature);

    // Here with a different version: the backup's comes back as a copy, its media under the copy's id.
    await target.db.putScenario(makeMiniScenario({ name: 'changed since' }));
    await target.store[1].choose(new File([source.downloads[0].text], 'backup.json'));
    await target.store[1].confirm();
    expect((await target.media.get('copy-1', ['sig-1'])).get('sig-1')).toEqual(signature);
    expect((await target.media.list()).map((m) => `${m.scenarioId}/${m.media.id}`).sort()).toEqual(['copy-1/sig-1', 'mini/sig-1']);
  });
});
