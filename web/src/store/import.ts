// The import session aggregate: choose a file → map its columns → review the
// rows (fix or remove the invalid ones in place, one at a time or a whole column
// at once) and the depots the file creates → import. Rows that are still invalid
// stay in the session, "kept aside", until fixed or removed: never dropped.
// A scenario file or a VROOM problem is opened as a scenario of its own instead.
import { batch } from 'solid-js';
import { $RAW, createStore, produce, unwrap } from 'solid-js/store';
import type { Depot, Order, Scenario, Vehicle } from '../domain/scenario';
import type { PinSet } from '../plan/pins';
import { autoMatch, detectCoordinatePairs, detectDateColumn, detectFlagColumns, detectNameParts, detectOrderNameColumn, detectShiftColumns, detectStopSideColumn, detectTimeFormat, detectVanColumn, detectWindowPairs, fieldsFor, SHARED_TARGETS, type FieldDef, type ImportKind, type TimeFormat } from '../io/column-map';
import { readTableFile, type Table } from '../io/csv';
import { guessKind, mergeIntoScenario, type ImportMode, type RowResult } from '../io/import-rows';
import { holdsDemo } from '../io/restore';
import { looksLikeJson, readScenarioDocument } from '../io/scenario-file';
import { createPlacing, DEFAULT_INTERVAL_MS, type PlacingFields } from './import-geocode';
import { createImportReading, type ImportNotices } from './import-read';
import type { ImportActions, ImportDeps, ImportFields, ImportState, ImportStep, ImportStore } from './import-types';
import { messageOf } from './storage-error';

/** A fresh empty session (new arrays each time: the store mutates them in place). */
const empty = (): ImportFields => ({
  step: 'closed', fileName: '', kind: 'orders', table: null, tableEdits: 0, targets: [], timeFormats: {}, durationUnits: {}, mode: 'append',
  removed: [], imported: [], document: null, lastImport: null, busy: false, error: null, placingRow: null,
  importedSheets: [],
});

/** Creates the import store; needs a reactive owner. */
export function createImportStore(deps: ImportDeps): ImportStore {
  const [open, openActions] = deps.scenario;
  // Derived values live on the store as getters (like the scenario store's planStatus).
  const [fields, setFields] = createStore<ImportFields & Omit<ImportState, keyof ImportFields>>({
    ...empty(),
    get fields(): FieldDef[] { return reading.fields(); },
    get rows(): RowResult<Order | Vehicle>[] { return reading.read().rows; },
    get invalid(): RowResult<Order | Vehicle>[] { return reading.invalid(); },
    get validCount(): number { return reading.validCount(); },
    get checking(): boolean { return reading.checking(); },
    get newDepots(): Depot[] { return reading.read().newDepots; },
    get notices(): ImportNotices { return reading.notices(); },
    get placing(): PlacingFields { return placing.state; },
  });
  const placing = createPlacing({
    rows: () => reading.read().rows,
    cells: (index) => fields.table?.rows[index] ?? [],
    targets: () => fields.targets,
    perAddress: () => fields.kind === 'vehicles',
    settings: () => ({ url: open.scenario?.settings.geocodeUrl?.trim() ?? '', intervalMs: open.scenario?.settings.geocodeIntervalMs ?? DEFAULT_INTERVAL_MS }),
  });
  const reading = createImportReading(fields, () => open.scenario, () => placing.state.placements, () => open.dataChanges, deps.reading);
  /**
   * The scenario file read and waiting to be opened (`fields.document` is what the dialog shows of it). Kept
   * out of the store on purpose: opened as it was parsed, never wrapped in the store's proxies, it needs no
   * copy (one copy less of the whole scenario when it opens: ~4.5 MB of objects at 10,000 orders, issue #15).
   */
  let waiting: { scenario: Scenario; pins?: PinSet } | null = null;
  /** A new session: the fields and the places given so far. */
  const fresh = (step: ImportStep): ImportFields => {
    placing.reset();
    waiting = null;
    return { ...empty(), step };
  };
  const units = () => open.scenario?.settings.capacityUnits ?? [];
  const keptAside = () => fields.lastImport !== null && fields.document === null && reading.invalid().length > 0;
  const defaultMode = (kind: ImportKind): ImportMode => (open.scenario && holdsDemo(open.scenario, kind) ? 'replace' : 'append');

  function matchColumns(kind: ImportKind, table: Table): void {
    const defs = fieldsFor(kind, units());
    const matched = autoMatch(table.headers, defs);
    const targets = kind === 'vehicles'
      ? detectVanColumn(table.headers, table.rows, detectFlagColumns(table.headers, table.rows, detectShiftColumns(table.headers, table.rows, matched, defs)))
      : detectStopSideColumn(table.headers, table.rows, detectDateColumn(table.rows, detectOrderNameColumn(table.headers, table.rows, detectNameParts(table.headers, detectCoordinatePairs(table.headers, table.rows, detectWindowPairs(table.headers, table.rows, matched))))));
    const timeFormats: Record<number, TimeFormat> = {};
    targets.forEach((target, column) => {
      if (defs.find((f) => f.key === target)?.format === 'time' || target === 'window') {
        timeFormats[column] = detectTimeFormat(table.headers[column], table.rows.map((r) => r[column]));
      }
    });
    setFields({ kind, targets, timeFormats, mode: fields.lastImport ? fields.mode : defaultMode(kind) });
  }

  /** The workbook last opened: another of its sheets is read from it (chooseSheet). */
  let workbook: File | null = null;

  async function loadFile(file: File): Promise<void> {
    setFields({ ...fresh('choose'), busy: true, fileName: file.name });
    workbook = null;
    try {
      if (await looksLikeJson(file)) return loadJson(await file.text(), file.name);
      const table = await readTableFile(file);
      if (table.sheets) workbook = file;
      // Handed over under $RAW: Solid's unwrap would otherwise walk every cell of the new table (~30 ms at 10,000 rows).
      setFields({ table: { [$RAW]: table } as unknown as Table, step: 'map' });
      matchColumns(guessKind(table.headers), table);
    } catch (error) {
      setFields('error', `${file.name} could not be read: ${messageOf(error)}`);
    } finally {
      setFields('busy', false);
    }
  }

  async function chooseSheet(sheet: string): Promise<void> {
    const file = workbook;
    if (!file) return;
    const importedSheets = [...fields.importedSheets];
    setFields({ busy: true, error: null });
    let table: Table;
    try {
      table = await readTableFile(file, sheet);
    } catch (error) {
      // The sheet open (or just imported) stays as it was: the user picks another, not the file again.
      setFields({ busy: false, error: `Sheet “${sheet}” of ${file.name} could not be read: ${messageOf(error)}` });
      return;
    }
    setFields({ ...fresh('map'), fileName: file.name, importedSheets, table: { [$RAW]: table } as unknown as Table });
    matchColumns(guessKind(table.headers), table);
  }

  function loadJson(text: string, fileName: string): void {
    const read = readScenarioDocument(text, { name: fileName.replace(/\.(fmp\.)?json$/i, ''), date: open.scenario?.settings.date ?? '2000-01-01' });
    if (!read.ok) throw new Error(read.message);
    const { scenario } = read;
    waiting = { scenario, ...(read.pins ? { pins: read.pins } : {}) };
    setFields({
      document: {
        name: scenario.name, date: scenario.settings.date, orders: scenario.orders.length, vehicles: scenario.vehicles.length,
        depots: scenario.depots.length, hasPlan: scenario.plan !== null && scenario.plan !== undefined, warnings: read.warnings,
      },
      step: 'review',
    });
  }

  async function openDocument(document: { scenario: Scenario; pins?: PinSet }): Promise<void> {
    setFields({ busy: true, error: null });
    try {
      await deps.openScenario(document.scenario, document.pins);
      setFields(fresh('closed'));
    } catch (error) {
      // The failed attempt may have kept these objects (shown, then not saved): another attempt opens a copy,
      // so two scenarios never share them.
      waiting = structuredClone(document);
      setFields({ busy: false, error: messageOf(error) });
    }
  }

  async function commit(): Promise<void> {
    if (fields.document && waiting) return openDocument(waiting);
    // A large file still being checked: nothing to import yet (the button waits too).
    if (reading.checking()) return;
    const good = reading.read().rows.filter((r) => r.value !== null);
    const depots = structuredClone(unwrap(reading.read().newDepots));
    const snapshot = openActions.snapshot();
    if (!snapshot || good.length === 0) return;
    // One change: the rows are read again once, with every imported row skipped (the scenario changed first and
    // the rows were marked after, so 10,000 rows were read again for nothing: a 2.5 s task).
    batch(() => {
      // The reading's rows are plain data (read from the raw table): copied in one go, nothing to unwrap (walking
      // 10,000 orders for store proxies there are none of was ~30 ms of this click, issue #15).
      openActions.replace(mergeIntoScenario(snapshot, fields.kind, fields.mode, structuredClone(good.map((r) => r.value!)), depots, reading.units()?.capacityUnits));
      setFields(produce((f) => {
        // An order's further lines (a shop export's row per item) and a shipment's pickup row go with it.
        f.imported.push(...good.flatMap((r) => [r.index, ...(r.lines ?? []), ...(r.pickupRow === undefined ? [] : [r.pickupRow])]));
        f.lastImport = { count: good.length, kind: f.kind, mode: f.mode, depots: depots.length };
        const sheet = f.table?.sheets?.read;
        if (sheet !== undefined && !f.importedSheets.includes(sheet)) f.importedSheets.push(sheet);
        // Fixed rows kept aside can only be added to what is now imported.
        f.mode = 'append';
        f.step = 'done';
      }));
    });
    deps.onImported?.();
  }

  const actions: ImportActions = {
    start: () => setFields(keptAside() ? { step: 'done' } : fresh('choose')),
    restart: () => setFields(fresh('choose')),
    close: () => setFields(keptAside() ? { step: 'closed', placingRow: null } : fresh('closed')),
    loadFile: (file) => loadFile(file),
    chooseSheet,
    setKind: (kind) => fields.table && matchColumns(kind, fields.table),
    mapColumn: (column, target) => setFields('targets', (targets) => targets.map((t, i) => {
      if (i === column) return target;
      // A field takes one column: the column that had it keeps its data as a custom field.
      return t === target && !SHARED_TARGETS.has(target) ? 'extra' : t;
    })),
    setTimeFormat: (column, format) => setFields('timeFormats', column, format),
    setDurationUnit: (column, unit) => setFields('durationUnits', column, unit),
    swapLatLng: () => setFields('targets', (targets) => targets.map((t) => (t === 'lat' ? 'lng' : t === 'lng' ? 'lat' : t))),
    review: () => setFields('step', 'review'),
    back: () => {
      waiting = null;
      setFields({ step: fields.document ? 'choose' : 'map', document: null });
    },
    editCell: (index, column, value) => batch(() => {
      setFields('table', 'rows', index, column, value);
      setFields('tableEdits', (n) => n + 1);
    }),
    replaceInColumn: (column, from, value) => batch(() => {
      setFields('table', 'rows', produce((rows: string[][]) => {
        const skip = new Set([...fields.removed, ...fields.imported]);
        rows.forEach((cells, index) => { if (!skip.has(index) && (cells[column] ?? '').trim() === from.trim()) cells[column] = value; });
      }));
      setFields('tableEdits', (n) => n + 1);
    }),
    removeRow: (index) => setFields('removed', (removed) => [...removed, index]),
    removeRows: (indices) => setFields('removed', (removed) => [...removed, ...indices.filter((i) => !removed.includes(i))]),
    restoreRows: () => setFields('removed', []),
    setMode: (mode) => setFields('mode', mode),
    commit,
    geocode: placing.geocode,
    cancelGeocode: placing.cancel,
    placeRow: placing.place,
    acceptCandidate: placing.accept,
    setPlacingRow: (index) => setFields('placingRow', index),
  };
  return [fields, actions];
}
