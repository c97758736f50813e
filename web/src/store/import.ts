// The import session aggregate: choose a file → map its columns → review the
// rows (fix or remove the invalid ones in place) → import. Rows that are still
// invalid stay in the session, "kept aside", until fixed or removed: never dropped.
// A scenario file or a VROOM problem is opened as a scenario of its own instead.
import { createMemo } from 'solid-js';
import { createStore, produce, unwrap } from 'solid-js/store';
import type { Order, Scenario, Vehicle } from '../domain/scenario';
import { autoMatch, detectTimeFormat, fieldsFor, type ColumnTarget, type FieldDef, type ImportKind, type TimeFormat } from '../io/column-map';
import { readTableFile, type Table } from '../io/csv';
import { guessKind, mergeIntoScenario, readRows, type ImportMode, type RowResult } from '../io/import-rows';
import { readScenarioDocument } from '../io/scenario-file';
import type { PinSet } from '../plan/pins';
import type { ScenarioStore } from './scenario';

/** Where the import dialog is. `done`: rows were imported; any kept aside are still listed. */
export type ImportStep = 'closed' | 'choose' | 'map' | 'review' | 'done';

interface ImportFields {
  step: ImportStep;
  fileName: string;
  kind: ImportKind;
  table: Table | null;
  targets: ColumnTarget[];
  timeFormats: Record<number, TimeFormat>;
  mode: ImportMode;
  /** Row indexes the user removed. */
  removed: number[];
  /** Row indexes already imported. */
  imported: number[];
  /** A scenario file waiting to be opened. */
  document: { scenario: Scenario; warnings: string[]; pins?: PinSet } | null;
  lastImport: { count: number; kind: ImportKind; mode: ImportMode } | null;
  busy: boolean;
  error: string | null;
}

/** Read-only session state plus the rows read through the current mapping. */
export type ImportState = Readonly<ImportFields> & {
  readonly fields: FieldDef[];
  readonly rows: RowResult<Order | Vehicle>[];
  readonly invalid: RowResult<Order | Vehicle>[];
  readonly validCount: number;
};

/** Verbs of the import dialog. */
export interface ImportActions {
  /** Opens the dialog; a session with rows kept aside resumes where it was. */
  start(): void;
  /** Forgets the session and opens the file step. */
  restart(): void;
  close(): void;
  loadFile(file: File): Promise<void>;
  setKind(kind: ImportKind): void;
  mapColumn(column: number, target: ColumnTarget): void;
  setTimeFormat(column: number, format: TimeFormat): void;
  review(): void;
  back(): void;
  editCell(index: number, column: number, value: string): void;
  removeRow(index: number): void;
  restoreRows(): void;
  setMode(mode: ImportMode): void;
  /** Imports the valid rows (or opens the scenario file). */
  commit(): Promise<void>;
}

/** The import store as `[state, actions]`. */
export type ImportStore = [state: ImportState, actions: ImportActions];

/** Collaborators: the open scenario (orders and vehicles go there) and the catalogue (scenario files go there). */
export interface ImportDeps {
  scenario: ScenarioStore;
  /** Adds and opens a scenario (with the pins its file carries); rejects with a reason when that fails. */
  openScenario: (scenario: Scenario, pins?: PinSet) => Promise<void>;
}

/** A fresh empty session (new arrays each time: the store mutates them in place). */
const empty = (): ImportFields => ({
  step: 'closed', fileName: '', kind: 'orders', table: null, targets: [], timeFormats: {}, mode: 'append',
  removed: [], imported: [], document: null, lastImport: null, busy: false, error: null,
});

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const baseName = (name: string) => name.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 24) || 'row';

/** JSON by name, or by content when the name says nothing (a download saved without extension). */
async function looksLikeJson(file: File): Promise<boolean> {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json')) return true;
  if (/\.(csv|tsv|txt|xlsx)$/.test(name)) return false;
  return (await file.slice(0, 64).text()).replace(/^\ufeff/, '').trimStart().startsWith('{');
}

/** Creates the import store; needs a reactive owner. */
export function createImportStore(deps: ImportDeps): ImportStore {
  const [open, openActions] = deps.scenario;
  // Derived values live on the store as getters (like the scenario store's planStatus).
  const [fields, setFields] = createStore<ImportFields & Omit<ImportState, keyof ImportFields>>({
    ...empty(),
    get fields(): FieldDef[] { return fieldDefs(); },
    get rows(): RowResult<Order | Vehicle>[] { return rows(); },
    get invalid(): RowResult<Order | Vehicle>[] { return invalid(); },
    get validCount(): number { return rows().length - invalid().length; },
  });
  const units = () => open.scenario?.settings.capacityUnits ?? [];
  const fieldDefs = createMemo((): FieldDef[] => fieldsFor(fields.kind, units()));

  const rows = createMemo((): RowResult<Order | Vehicle>[] => {
    const table = fields.table;
    const scenario = open.scenario;
    if (!table || !scenario) return [];
    const existing = fields.mode === 'append' ? (fields.kind === 'orders' ? scenario.orders : scenario.vehicles).map((x) => x.id) : [];
    return readRows(table, {
      kind: fields.kind, targets: fields.targets, timeFormats: fields.timeFormats, capacityUnits: scenario.settings.capacityUnits,
      existingIds: new Set(existing), idPrefix: baseName(fields.fileName), depots: scenario.depots, vehicleTemplate: scenario.vehicles[0] ?? null,
      settings: scenario.settings,
    }, new Set([...fields.removed, ...fields.imported]));
  });
  const invalid = createMemo((): RowResult<Order | Vehicle>[] => rows().filter((r) => r.issues.length > 0));

  const keptAside = () => fields.lastImport !== null && fields.document === null && invalid().length > 0;

  function matchColumns(kind: ImportKind, table: Table): void {
    const targets = autoMatch(table.headers, fieldsFor(kind, units()));
    const timeFormats: Record<number, TimeFormat> = {};
    targets.forEach((target, column) => {
      if (fieldsFor(kind, units()).find((f) => f.key === target)?.format === 'time' || target === 'window') {
        timeFormats[column] = detectTimeFormat(table.headers[column], table.rows.map((r) => r[column]));
      }
    });
    setFields({ kind, targets, timeFormats });
  }

  async function loadFile(file: File): Promise<void> {
    setFields({ ...empty(), step: 'choose', busy: true, fileName: file.name });
    try {
      if (await looksLikeJson(file)) return loadJson(await file.text(), file.name);
      const table = await readTableFile(file);
      setFields({ table, step: 'map', mode: 'append' });
      matchColumns(guessKind(table.headers), table);
    } catch (error) {
      setFields('error', `${file.name} could not be read: ${messageOf(error)}`);
    } finally {
      setFields('busy', false);
    }
  }

  function loadJson(text: string, fileName: string): void {
    const read = readScenarioDocument(text, { name: fileName.replace(/\.(fmp\.)?json$/i, ''), date: open.scenario?.settings.date ?? '2000-01-01' });
    if (!read.ok) throw new Error(read.message);
    setFields({ document: { scenario: read.scenario, warnings: read.warnings, ...(read.pins ? { pins: read.pins } : {}) }, step: 'review' });
  }

  async function commit(): Promise<void> {
    if (fields.document) {
      setFields({ busy: true, error: null });
      try {
        // A plain copy: storage cannot clone the store's proxy.
        const pins = fields.document.pins ? structuredClone(unwrap(fields.document.pins)) : undefined;
        await deps.openScenario(structuredClone(unwrap(fields.document.scenario)), pins);
        return void setFields({ ...empty() });
      } catch (error) {
        return void setFields({ busy: false, error: messageOf(error) });
      }
    }
    const good = rows().filter((r) => r.value !== null);
    const snapshot = openActions.snapshot();
    if (!snapshot || good.length === 0) return;
    openActions.replace(mergeIntoScenario(snapshot, fields.kind, fields.mode, good.map((r) => r.value!)));
    setFields(produce((f) => {
      f.imported.push(...good.map((r) => r.index));
      f.lastImport = { count: good.length, kind: f.kind, mode: f.mode };
      // Fixed rows kept aside can only be added to what is now imported.
      f.mode = 'append';
      f.step = 'done';
    }));
  }

  const actions: ImportActions = {
    start: () => setFields(keptAside() ? { step: 'done' } : { ...empty(), step: 'choose' }),
    restart: () => setFields({ ...empty(), step: 'choose' }),
    close: () => setFields(keptAside() ? { step: 'closed' } : { ...empty() }),
    loadFile,
    setKind: (kind) => fields.table && matchColumns(kind, fields.table),
    mapColumn: (column, target) => setFields('targets', (targets) => targets.map((t, i) => {
      if (i === column) return target;
      // A field takes one column: the column that had it keeps its data as a custom field.
      return t === target && target !== 'extra' && target !== 'ignore' ? 'extra' : t;
    })),
    setTimeFormat: (column, format) => setFields('timeFormats', column, format),
    review: () => setFields('step', 'review'),
    back: () => setFields({ step: fields.document ? 'choose' : 'map', document: null }),
    editCell: (index, column, value) => setFields('table', 'rows', index, column, value),
    removeRow: (index) => setFields('removed', (removed) => [...removed, index]),
    restoreRows: () => setFields('removed', []),
    setMode: (mode) => setFields('mode', mode),
    commit,
  };
  return [fields, actions];
}
