// Fuzz target of the whole import flow at store level (happy-dom + fake
// IndexedDB): a persisted scenario, the import store, a generated file (CSV of
// orders or vehicles, a scenario file or a VROOM problem) loaded, reviewed and
// committed. A rejected import leaves storage byte-for-byte as it was; an
// accepted one stores a scenario that reads back valid.
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { createStore, entries } from 'idb-keyval';
import { createRoot } from 'solid-js';
import type { Scenario } from '../../web/src/domain/scenario';
import { formatIssues, validateScenario } from '../../web/src/domain/validate';
import { makePlannerDb } from '../../web/src/io/db';
import { readScenarioRecord } from '../../web/src/io/restore';
import { makeScenarioFile } from '../../web/src/io/scenario-file';
import { createImportStore } from '../../web/src/store/import';
import { createPersistence } from '../../web/src/store/persist';
import { createScenarioStore } from '../../web/src/store/scenario';
import { makeMiniScenario } from '../fixtures/mini-scenario';
import { vroomProblem } from '../fixtures/vroom-problem';
import { csvBytes, csvShapeArb, csvText, type CsvShape } from './csv-bytes';
import { clearErrorMessage, expectThat, type FuzzTarget, type Outcome } from './harness';
import { jsonText, mutate, mutationArb, textDamageArb, type Mutation, type TextDamage } from './json-mutate';
import { expandRows, tableArb, type TableSpec } from './table-gen';

type StoreCase =
  | { file: 'csv'; spec: TableSpec; shape: CsvShape }
  | { file: 'json'; base: number; mutations: Mutation[]; damage: TextDamage };

const JSON_BASES = [makeScenarioFile(makeMiniScenario({ id: 'other', name: 'Other' })), vroomProblem()];

function fileOf(c: StoreCase): File {
  if (c.file === 'json') return new File([jsonText(mutate(JSON_BASES[c.base], c.mutations), c.damage)], 'fuzz.json');
  const text = csvText(c.spec.headers.map((h) => h.toWellFormed()), expandRows(c.spec).map((r) => r.map((x) => x.toWellFormed())), c.shape);
  return new File([csvBytes(text, c.shape)], 'fuzz.csv');
}

let dbCounter = 0;

/** Everything stored, as text: what a rejected import must leave untouched. */
async function snapshot(names: { scenarios: string }): Promise<string> {
  const all = await entries(createStore(names.scenarios, 'scenarios'));
  return JSON.stringify(all.sort(([a], [b]) => String(a).localeCompare(String(b))));
}

function mount(names: { scenarios: string; session: string }) {
  const opened: Scenario[] = [];
  const app = createRoot((dispose) => {
    const scenario = createScenarioStore();
    const persist = createPersistence(scenario, { db: makePlannerDb(names), loadDemo: async () => makeMiniScenario(), debounceMs: 0, retryMs: 10, channel: names.scenarios });
    const importer = createImportStore({ scenario, openScenario: async (s) => { opened.push(s); } });
    return { scenario, persist, importer, dispose };
  });
  return { ...app, opened };
}

async function runStore(c: StoreCase): Promise<Outcome> {
  // Each case gets an IndexedDB of its own, dropped afterwards: deleting the databases instead is
  // blocked by the connections idb-keyval keeps open, and fake-indexeddb polls each blocked delete
  // with setImmediate forever, so every case ran slower than the last (10,000 cases never finished).
  globalThis.indexedDB = new IDBFactory();
  const names = { scenarios: `fuzz-store-s-${++dbCounter}`, session: `fuzz-store-p-${dbCounter}` };
  const { scenario: [open], persist, importer: [state, actions], opened, dispose } = mount(names);
  try {
    await persist.restore();
    await persist.flush();
    const before = await snapshot(names);
    const ordersBefore = open.scenario!.orders.length + open.scenario!.vehicles.length;
    actions.start();
    await actions.loadFile(fileOf(c));
    if (state.step === 'map') actions.review();
    const validCount = state.validCount;
    const valid = state.document !== null || validCount > 0;
    const first = state.error ?? state.invalid[0]?.issues.map((i) => `row ${state.invalid[0].rowNumber}, ${i.field}: ${i.message}`)[0] ?? null;
    await actions.commit();
    await persist.flush();
    if (!valid) {
      expectThat(await snapshot(names) === before, 'a rejected import changed what was stored');
      expectThat(opened.length === 0, 'a rejected file opened a scenario');
      const message = state.error ? clearErrorMessage(new Error(state.error)) : first ?? 'no rows';
      return { kind: 'rejected', message };
    }
    return checkAccepted(names, open.scenario!, opened, ordersBefore, validCount, first);
  } finally {
    dispose();
  }
}

/** An accepted import: the opened scenario re-validates, or the stored one reads back with the rows added. */
async function checkAccepted(names: { scenarios: string; session: string }, current: Scenario, opened: Scenario[], countBefore: number, validCount: number, first: string | null): Promise<Outcome> {
  if (opened.length > 0) {
    const checked = validateScenario(opened[0]);
    expectThat(checked.ok, () => `the opened scenario does not pass the schema:\n${checked.ok ? '' : formatIssues(checked.issues)}`);
    return { kind: 'valid' };
  }
  const stored = await makePlannerDb(names).getScenario(current.id);
  const read = readScenarioRecord(stored);
  expectThat(read.ok, () => `the stored scenario does not read back: ${read.ok ? '' : read.message}`);
  const count = read.ok ? read.scenario.orders.length + read.scenario.vehicles.length : -1;
  expectThat(count >= validCount && count <= countBefore + validCount, () => `stored ${count} orders and vehicles after importing ${validCount} to ${countBefore}`);
  return first === null ? { kind: 'valid' } : { kind: 'rejected', message: first };
}

/** The import dialog's store flow over persisted storage. */
export const storeTarget: FuzzTarget<StoreCase> = {
  name: 'store import flow',
  arbitrary: fc.oneof(
    { weight: 3, arbitrary: fc.record({ file: fc.constant('csv' as const), spec: fc.oneof(tableArb('orders'), tableArb('vehicles')), shape: csvShapeArb }) },
    { weight: 1, arbitrary: fc.record({ file: fc.constant('json' as const), base: fc.nat(JSON_BASES.length - 1), mutations: fc.array(mutationArb, { maxLength: 3 }), damage: textDamageArb }) },
  ),
  run: runStore,
  budgetMs: (c) => (c.file === 'csv' && c.spec.repeat > 1) || (c.file === 'json' && c.mutations.some((m) => m.op === 'grow' && m.size > 1000)) ? 60_000 : 10_000,
  describe: (c) => JSON.stringify(c.file === 'csv' ? { ...c, spec: { ...c.spec, rows: c.spec.rows.slice(0, 10) } } : c).slice(0, 3000),
};
