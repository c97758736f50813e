// The shapes of the import store (import.ts): the dialog's steps, the session's fields,
// the state with its derived rows, the verbs of the dialog and the store's collaborators. Types only.
import type { Depot, Order, Scenario, Vehicle } from '../domain/scenario';
import type { ColumnTarget, FieldDef, ImportKind, TimeFormat } from '../io/column-map';
import type { Table } from '../io/csv';
import type { DurationChoice } from '../io/units';
import type { ImportMode, RowResult } from '../io/import-rows';
import type { PinSet } from '../plan/pins';
import type { PlacingFields } from './import-geocode';
import type { ImportNotices, ReadingOptions } from './import-read';
import type { ScenarioStore } from './scenario';

/** Where the import dialog is. `done`: rows were imported; any kept aside are still listed. */
export type ImportStep = 'closed' | 'choose' | 'map' | 'review' | 'done';

/** What the dialog shows of a scenario file waiting to be opened. */
export interface DocumentSummary {
  name: string;
  date: string;
  orders: number;
  vehicles: number;
  depots: number;
  hasPlan: boolean;
  warnings: string[];
}

/** The fields of an import session. */
export interface ImportFields {
  step: ImportStep;
  fileName: string;
  kind: ImportKind;
  table: Table | null;
  /**
   * Bumped by every edit of the table's cells: the rows are read from the raw table (through the store's proxies a
   * 10,000-row file took seconds), so this is what tells the reading that a cell changed.
   */
  tableEdits: number;
  targets: ColumnTarget[];
  timeFormats: Record<number, TimeFormat>;
  /** Duration columns read in another unit than their header says, as chosen in the review ("Service Time" in seconds). */
  durationUnits: Record<number, DurationChoice>;
  mode: ImportMode;
  /** Row indexes the user removed / already imported. */
  removed: number[];
  imported: number[];
  /** A scenario file waiting to be opened, as the dialog shows it (the scenario itself is kept outside the store). */
  document: DocumentSummary | null;
  lastImport: { count: number; kind: ImportKind; mode: ImportMode; depots: number } | null;
  busy: boolean;
  error: string | null;
  /** Sheets of the open workbook imported in this session: the done step offers the others. */
  importedSheets: string[];
  /** The row being placed by a click on the map (the dialog steps aside meanwhile), or null. */
  placingRow: number | null;
}

/** Read-only session state plus the rows read through the current mapping. */
export type ImportState = Readonly<ImportFields> & {
  readonly fields: FieldDef[];
  readonly rows: RowResult<Order | Vehicle>[];
  readonly invalid: RowResult<Order | Vehicle>[];
  readonly validCount: number;
  /** A large file's rows are being checked, a run per task: no rows, counts or notices until they all are. */
  readonly checking: boolean;
  /** Depots the valid vehicle rows start or end at that the scenario does not have: created on import. */
  readonly newDepots: Depot[];
  readonly notices: ImportNotices;
  /** Rows without coordinates: their places, the matches to review, the geocoding progress. */
  readonly placing: PlacingFields;
};

/** Verbs of the import dialog. */
export interface ImportActions {
  /** Opens the dialog; a session with rows kept aside resumes where it was. */
  start(): void;
  /** Forgets the session and opens the file step. */
  restart(): void;
  close(): void;
  loadFile(file: File): Promise<void>;
  /**
   * Reads another sheet of the workbook last opened (a new session on that sheet). A sheet that cannot be read
   * leaves the session as it was, with the message in `error`: another sheet can still be chosen.
   */
  chooseSheet(sheet: string): Promise<void>;
  setKind(kind: ImportKind): void;
  mapColumn(column: number, target: ColumnTarget): void;
  setTimeFormat(column: number, format: TimeFormat): void;
  /** Reads a duration column's bare numbers in that unit (the review's "Minutes or seconds?"). */
  setDurationUnit(column: number, unit: DurationChoice): void;
  /** Swaps the columns mapped to latitude and longitude. */
  swapLatLng(): void;
  review(): void;
  back(): void;
  editCell(index: number, column: number, value: string): void;
  /** Sets `value` in every row (not yet imported or removed) whose cell in `column` reads `from`: a fix for a whole column. */
  replaceInColumn(column: number, from: string, value: string): void;
  removeRow(index: number): void;
  /** Sets several rows aside at once (a whole group of the same problem: orders for another day). */
  removeRows(indices: readonly number[]): void;
  restoreRows(): void;
  setMode(mode: ImportMode): void;
  /** Imports the valid rows (and the depots they need), or opens the scenario file. */
  commit(): Promise<void>;
  /** Geocodes the rows that have an address but no coordinates through the configured service. */
  geocode(): Promise<void>;
  cancelGeocode(): void;
  /** Gives a row's place `key` (`placeKey`: its own, or a fleet row's end) a place (a map click). */
  placeRow(key: string, lat: number, lng: number): void;
  /** Takes candidate `k` of the review of place `key`. */
  acceptCandidate(key: string, k: number): void;
  /** Marks the row being placed on the map (null: none). */
  setPlacingRow(index: number | null): void;
}

/** The import store as `[state, actions]`. */
export type ImportStore = [state: ImportState, actions: ImportActions];

/** Collaborators: the open scenario (orders and vehicles go there) and the catalogue (scenario files go there). */
export interface ImportDeps {
  scenario: ScenarioStore;
  /** Adds and opens a scenario (with the pins its file carries); rejects with a reason when that fails. */
  openScenario: (scenario: Scenario, pins?: PinSet) => Promise<void>;
  /** Called after rows were imported (the map frames the data). */
  onImported?: () => void;
  /** How a large file's rows are read over tasks (import-read.ts; tests). */
  reading?: ReadingOptions;
}
