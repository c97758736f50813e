// The backup file: every stored record round-trips; bad entries are named with
// their place; a restore says what it does and never overwrites unless asked.
import { describe, expect, it } from 'vitest';
import { describeRestore, makeBackup, planRestore, readBackup, serializeBackup } from '../../../web/src/io/backup';
import { makePlannerDb } from '../../../web/src/io/db';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

const pins = { orders: { o1: 'v1' }, routes: ['v1'] };
let counter = 0;

describe('backup file', () => {
  it('round-trips every stored scenario with its plan and pins', async () => {
    const db = makePlannerDb({ scenarios: `backup-s-${++counter}`, session: `backup-p-${counter}` });
    await db.putScenario({ ...makeMiniScenario({ plan: makeMiniPlan() }), pins });
    await db.putScenario(makeMiniScenario({ id: 'second', name: 'Second' }));
    const text = serializeBackup(makeBackup(await db.listScenarios(), new Date('2026-11-30T10:00:00Z')));
    expect(JSON.parse(text)).toMatchObject({ type: 'fmp-backup', version: 2, createdAt: '2026-11-30T10:00:00.000Z' });
    const read = readBackup(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.problems).toEqual([]);
    const byId = Object.fromEntries(read.entries.map((e) => [e.scenario.id, e]));
    expect(byId.mini.pins).toEqual(pins);
    expect(byId.mini.scenario.plan?.solution.routes).toEqual(makeMiniPlan().solution.routes);
    expect(byId.second.scenario.name).toBe('Second');
  });

  it('names what is wrong: not JSON, not a backup, a bad scenario by index and id', () => {
    expect(readBackup('{oops')).toMatchObject({ ok: false, message: expect.stringMatching(/not valid JSON/) });
    expect(readBackup('{"type":"other"}')).toMatchObject({ ok: false, message: expect.stringMatching(/^type: this is not a planner backup/) });
    const bad = makeMiniScenario({ id: 'bad' });
    bad.orders[0].lat = 500;
    const read = readBackup(JSON.stringify(makeBackup([makeMiniScenario(), bad])));
    expect(read.ok && read.entries.map((e) => e.scenario.id)).toEqual(['mini']);
    expect(read.ok && read.problems[0]).toMatch(/^scenarios\[1\] \(scenario 'bad'\): orders\[0\] \(order 'o1'\)\.lat/);
  });

  it('plans a restore: new ones added, identical ones left, differing ones copied unless replacing was asked', () => {
    const entries = [
      { scenario: makeMiniScenario({ id: 'new' }), pins: { orders: {}, routes: [] }, media: [] },
      { scenario: makeMiniScenario({ id: 'same' }), pins: { orders: {}, routes: [] }, media: [] },
      { scenario: makeMiniScenario({ id: 'changed', name: 'backup version' }), pins: { orders: {}, routes: [] }, media: [] },
    ];
    const stored = [makeMiniScenario({ id: 'same' }), makeMiniScenario({ id: 'changed', name: 'here' })];
    expect(planRestore(entries, stored, false).map((i) => i.action)).toEqual(['add', 'same', 'copy']);
    const replacing = planRestore(entries, stored, true);
    expect(replacing.map((i) => i.action)).toEqual(['add', 'same', 'replace']);
    expect(describeRestore(replacing).join(' ')).toMatch(/1 scenario will be added.*1 scenario already here.*1 scenario here will be REPLACED/);
  });

  it('carries the proof-of-delivery media of the backed-up scenarios and reads them back by scenario', () => {
    const media = [
      { scenarioId: 'mini', media: { id: 'sig-1', type: 'image/png', data: 'iVBORw==' } },
      { scenarioId: 'mini', media: { id: 'photo-1', type: 'image/jpeg', data: '/9j/' } },
      { scenarioId: 'deleted-since', media: { id: 'old', type: 'image/png', data: 'AAAA' } },
    ];
    const file = makeBackup([makeMiniScenario(), makeMiniScenario({ id: 'second' })], new Date('2026-11-30T10:00:00Z'), media);
    expect(file.version).toBe(2);
    expect(file.media?.map((m) => `${m.scenarioId}/${m.id}`)).toEqual(['mini/sig-1', 'mini/photo-1']);
    const read = readBackup(serializeBackup(file));
    if (!read.ok) throw new Error(read.message);
    expect(read.problems).toEqual([]);
    const byId = Object.fromEntries(read.entries.map((e) => [e.scenario.id, e.media]));
    expect(byId.mini).toEqual([media[0].media, media[1].media]);
    expect(byId.second).toEqual([]);
    expect(describeRestore(planRestore(read.entries, [], false)).join(' ')).toMatch(/2 photos and signatures of proofs of delivery come with them/);
  });

  it('restores a version 1 backup (no media), and names a bad media item without dropping the scenarios', () => {
    const v1 = JSON.stringify({ type: 'fmp-backup', version: 1, createdAt: '2026-11-01T00:00:00Z', scenarios: [makeMiniScenario()] });
    const old = readBackup(v1);
    expect(old.ok && old.entries.map((e) => [e.scenario.id, e.media])).toEqual([['mini', []]]);
    const withBad = JSON.parse(serializeBackup(makeBackup([makeMiniScenario()])));
    withBad.media = [{ scenarioId: 'mini', id: 'x', type: 'image/gif', data: 'AAAA' }, { scenarioId: 'mini', id: 'ok', type: 'image/png', data: 'AAAA' }];
    const read = readBackup(JSON.stringify(withBad));
    expect(read.ok && read.problems).toEqual(['media[0].type: must be one of image/jpeg, image/png, image/webp']);
    expect(read.ok && read.entries[0].media.map((m) => m.id)).toEqual(['ok']);
    expect(readBackup(JSON.stringify({ ...withBad, version: 3 }))).toMatchObject({ ok: false, message: expect.stringMatching(/^version: backup version 3 is not supported/) });
  });
});
