// The import session's derived values: the rows read through the current
// mapping, the depots they would create, and what the review must say besides
// row errors (kept columns, swapped coordinates, far orders, unchecked skills).
import { createMemo, createSignal, onCleanup } from 'solid-js';
import { unwrap } from 'solid-js/store';
import type { Depot, Order, Scenario, Vehicle } from '../domain/scenario';
import { fieldsFor, type ColumnTarget, type FieldDef, type ImportKind, type TimeFormat } from '../io/column-map';
import type { Table } from '../io/csv';
import { crewWordLines, dateNotes, farOrders, keptColumns, orderLineNotes, serviceTypeWordLines, shipmentNotes, skillWarnings, swapHint, durationScales, type DurationScale } from '../io/import-checks';
import { serviceSkillLines } from '../io/skill-words';
import { fileDates, mergeIntoScenario, readTable, readTableSteps, type ImportMode, type ImportRead, type RowResult } from '../io/import-rows';
import type { RowContext } from '../io/row-reader';
import { readPlaceKey } from './import-geocode';
import { pauseForTask } from './next-task';
import { durationUnitOf, importUnits, unmeasuredColumns, type DurationChoice, type ImportUnits } from '../io/units';

/** What the review says beyond the rows' own errors. */
export interface ImportNotices {
  /** Headers kept as custom fields: no rule reads them. */
  kept: string[];
  /** Why latitude and longitude look swapped, or null. */
  swap: string | null;
  /** Orders far from every depot (one line each). */
  far: string[];
  /** Skills no vehicle offers; vehicles whose crew is not checked. */
  skills: string[];
  /** Vehicles imported without any cost column: the plan would not shorten their routes. */
  noCosts: boolean;
  /**
   * Vehicles priced by distance or use but none by time: the plan weighs no driver hour, so a route may wait
   * for a window rather than another vehicle drive there.
   */
  noTimeCost: boolean;
  /** Amount or capacity columns in another unit than the scenario's: converted, or the unit renamed. */
  units: string[];
  /** Skills cells that name a crew size ("2-person"): read as the crew size. */
  crews: string[];
  /** Skills entries that name a service type ("Montage"): read as the skills that type needs. */
  serviceSkills: string[];
  /** Service-type cells read from the words in them ("Entrega y montaje" → installation). */
  serviceWords: string[];
  /** Rows read as further lines of an order above them (a shop export's row per item). */
  orderLines: string[];
  /** Pickups and their deliveries in rows of their own, paired into shipments (and the rows that make no pair). */
  shipments: string[];
  /** Minutes-on-site columns whose numbers may be seconds (or are read so, as chosen): the review asks which. */
  durationScales: DurationScale[];
  /** The days an orders file names, when one is not the scenario's. */
  dates: string[];
  /** The one day a whole orders file is for, when it is not the scenario's: the scenario's date can be set to it. */
  otherDay: string | null;
}

/** The session fields the derived values depend on. */
export interface ReadSource {
  readonly kind: ImportKind;
  readonly table: Table | null;
  /** Bumped by every edit of a cell (the table is read raw, not cell by cell through the store). */
  readonly tableEdits?: number;
  /** The dialog's step: the rows are read only once they are reviewed (not while a file is chosen or mapped). */
  readonly step?: string;
  readonly targets: ColumnTarget[];
  readonly timeFormats: Record<number, TimeFormat>;
  /** Duration columns read in a unit chosen in the review. */
  readonly durationUnits?: Readonly<Record<number, DurationChoice>>;
  readonly mode: ImportMode;
  readonly fileName: string;
  readonly removed: number[];
  readonly imported: number[];
}

const baseName = (name: string) => name.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 24) || 'row';
const COST_FIELDS = ['fixedCost', 'perKmCost', 'perMileCost', 'perHourCost'];

/** Files of more rows than this are read a run of rows per task. */
export const SLICED_READ_ROWS = 2000;
/** Rows read per task of a sliced reading. */
const READ_RUN = 500;
const EMPTY_READ: ImportRead = { rows: [], newDepots: [], plannedDepots: [] };

/** How a large file's reading is spread over tasks (tests). */
export interface ReadingOptions {
  slicedAbove?: number;
  pause?: () => Promise<void>;
}

/** The places given in the review (`placeKey`s) as the row readers take them: rows' own places, fleet rows' ends. */
function placesBySide(given: Record<string, { lat: number; lng: number }>): Pick<RowContext, 'placements' | 'endPlacements'> {
  const placements = new Map<number, { lat: number; lng: number }>();
  const endPlacements = new Map<number, { lat: number; lng: number }>();
  for (const [key, place] of Object.entries(given)) {
    const at = readPlaceKey(key);
    (at.side === 'end' ? endPlacements : placements).set(at.index, { lat: place.lat, lng: place.lng });
  }
  return { placements, endPlacements };
}

/** Creates the memos; needs a reactive owner. */
export function createImportReading(
  source: ReadSource, scenario: () => Scenario | null, placements: () => Record<string, { lat: number; lng: number }> = () => ({}),
  dataChanges: () => number = () => 0, options: ReadingOptions = {},
) {
  const fields = createMemo((): FieldDef[] => fieldsFor(source.kind, scenario()?.settings.capacityUnits ?? []));
  /**
   * The open scenario unwrapped, its data edits counted (tracked: every edit of anything but the plan bumps the
   * count, and a scenario opened is another object). The rows are checked against it raw, not through the store's
   * proxies.
   */
  const rawScenario = (): Scenario | null => {
    const open = scenario();
    if (!open) return null;
    void dataChanges();
    void open.revision;
    return unwrap(open);
  };
  /** The units the amount and capacity columns are read in (a few headers: no rows read). */
  const units = createMemo((): ImportUnits | null => {
    const open = rawScenario();
    if (!source.table || !open) return null;
    return importUnits(unwrap(source.table).headers, [...source.targets], open, source.kind, source.mode === 'replace', { ...source.durationUnits });
  });
  /** What a reading of the rows reads: the table raw, its context and the rows left out; null when nothing is. */
  const request = createMemo((): { table: Table; ctx: RowContext; skip: Set<number> } | null => {
    // Read raw: through the store's proxies every cell read was a tracked proxy get (a 10,000-row file: ~2 s per
    // reading); `tableEdits` is the dependency on the cells instead. While a file is chosen and its columns mapped,
    // nothing shows the rows: reading them at each column choice froze the page for seconds on a large file.
    if (source.step === 'choose' || source.step === 'map') return null;
    void source.tableEdits;
    const table = source.table ? unwrap(source.table) : null;
    const open = rawScenario();
    if (!table || !open) return null;
    const existing = source.mode === 'append' ? (source.kind === 'orders' ? open.orders : open.vehicles).map((x) => x.id) : [];
    const reading = units();
    // Plain copies of the mapping (a dozen entries, each read tracked): every row looks its fields up in them.
    const ctx: RowContext = {
      kind: source.kind, targets: [...source.targets], timeFormats: { ...source.timeFormats },
      capacityUnits: reading?.capacityUnits ?? open.settings.capacityUnits,
      conversions: Object.fromEntries([...(reading?.conversions ?? []), ...(reading?.durations ?? []), ...(reading?.distances ?? []), ...(reading?.rates ?? [])].map((c) => [c.key, c.factor])),
      existingIds: new Set(existing), idPrefix: baseName(source.fileName), depots: open.depots, settings: open.settings,
      ...placesBySide(placements()),
    };
    return { table, ctx, skip: new Set([...source.removed, ...source.imported]) };
  });
  // A large file's rows are read a run per task (~120 ms in one go at 10,000 rows, issue #15): until the reading is
  // whole there is none (no count, notice or import from rows not checked yet), and `checking` says so.
  const [sliced, setSliced] = createSignal<{ job: object; read: ImportRead } | { job: object; error: unknown } | null>(null);
  /** The sliced reading under way (a newer one, or a reading made at once, drops it). */
  let current: object | null = null;
  const started = createMemo((): { read: ImportRead } | { job: object } => {
    const r = request();
    current = null;
    if (!r) return { read: EMPTY_READ };
    if (r.table.rows.length - r.skip.size <= (options.slicedAbove ?? SLICED_READ_ROWS)) return { read: readTable(r.table, r.ctx, r.skip) };
    const job = {};
    current = job;
    void readInSlices(job, r);
    return { job };
  });
  async function readInSlices(job: object, r: { table: Table; ctx: RowContext; skip: Set<number> }): Promise<void> {
    const pause = options.pause ?? pauseForTask;
    try {
      const steps = readTableSteps(r.table, r.ctx, r.skip, READ_RUN);
      let next: IteratorResult<number, ImportRead>;
      do {
        await pause();
        if (current !== job) return;
        next = steps.next();
      } while (!next.done);
      setSliced({ job, read: next.value });
    } catch (error: unknown) {
      // As a reading made at once would: the error surfaces where the reading is read.
      if (current === job) setSliced({ job, error });
    }
  }
  onCleanup(() => { current = null; });
  const read = createMemo((): ImportRead => {
    const s = started();
    if ('read' in s) return s.read;
    const done = sliced();
    if (!done || done.job !== s.job) return EMPTY_READ;
    if ('error' in done) throw done.error;
    return done.read;
  });
  /** A large file's rows are being read (until then there is no reading). */
  const checking = createMemo(() => {
    const s = started();
    return 'job' in s && sliced()?.job !== s.job;
  });
  const invalid = createMemo(() => read().rows.filter((r) => r.issues.length > 0));
  // Orders (or vehicles) to import: an order's further lines are rows, not orders of their own.
  const validCount = createMemo(() => read().rows.reduce((n, r) => n + (r.value !== null ? 1 : 0), 0));
  const notices = createMemo((): ImportNotices => {
    const none = { kept: [], swap: null, far: [], skills: [], noCosts: false, noTimeCost: false, units: [], crews: [], serviceSkills: [], serviceWords: [], orderLines: [], shipments: [], durationScales: [], dates: [], otherDay: null };
    if (source.step === 'choose' || source.step === 'map') return none;
    void source.tableEdits;
    const table = source.table ? unwrap(source.table) : null;
    const open = rawScenario();
    if (!table || !open) return none;
    const targets = [...source.targets];
    const { rows, newDepots } = read();
    const valid = rows.flatMap((r) => (r.value ? [r.value] : []));
    const reading = units();
    const after = mergeIntoScenario(open, source.kind, source.mode, valid, newDepots, reading?.capacityUnits);
    const orders = source.kind === 'orders';
    const noCosts = !orders && valid.length > 0 && !COST_FIELDS.some((f) => targets.includes(f));
    const fleet = orders ? [] : valid as Vehicle[];
    return {
      kept: keptColumns(table, targets),
      swap: orders ? swapHint(table, targets, after.depots) : null,
      far: orders ? farOrders(rows, after.depots) : [],
      skills: skillWarnings(after),
      noCosts,
      units: [
        ...unitLines(reading),
        ...unmeasuredColumns(table.headers, targets, reading?.capacityUnits ?? open.settings.capacityUnits).map((c) =>
          `${c.header}: measured in ${c.unit}, and no capacity unit of this scenario (${capacityNames(reading?.capacityUnits ?? open.settings.capacityUnits)}) is, so it is kept without a rule. To plan with it, add “${c.unit}” to the capacity units (Settings), then import again.`),
      ],
      crews: crewWordLines(table, targets, orders ? 'order' : 'vehicle'),
      serviceSkills: serviceSkillLines(table, targets, open.settings, orders ? 'order' : 'vehicle'),
      serviceWords: orders ? serviceTypeWordLines(table, targets) : [],
      orderLines: orders ? orderLineNotes(rows, table, targets) : [],
      shipments: orders ? shipmentNotes(rows, table, targets, read().shipments) : [],
      durationScales: orders ? durationScales(table, targets, { ...source.durationUnits }, durationUnitOf) : [],
      ...(orders ? datesNote(table, targets, open.settings.date, new Set([...source.removed, ...source.imported])) : { dates: [], otherDay: null }),
      noTimeCost: !noCosts && fleet.length > 0 && fleet.every((v) => !(v.costs.perHour > 0)) && fleet.some((v) => v.costs.perKm > 0 || v.costs.fixed > 0),
    };
  });
  return { fields, units, read, invalid, validCount, notices, checking };
}

/** The review's line on the file's days (import-checks.ts `dateNotes`), and the one other day a whole file is for. */
function datesNote(table: Table, targets: readonly string[], day: string, skip: ReadonlySet<number>): { dates: string[]; otherDay: string | null } {
  const { days, hold } = fileDates(table, 'orders', targets, day, skip);
  const others = [...days].filter(([d, n]) => d !== day && n > 0);
  return { dates: dateNotes(days, hold, day), otherDay: !hold && others.length === 1 ? others[0][0] : null };
}

const capacityNames = (units: readonly string[]) => (units.length ? units.join(', ') : 'none');

/** Formats a factor for the review: 0.4536, 2.2046, 1,000. */
const factorText = (factor: number) => (factor >= 100 ? Math.round(factor).toLocaleString('en-US') : String(Number(factor.toPrecision(5))));

/** The review's lines on units: each renamed unit and each converted column. */
function unitLines(units: ImportUnits | null): string[] {
  if (!units) return [];
  return [
    ...units.renamed.map((r) => `${r.header}: the capacity unit “${r.from}” is renamed “${r.to}” (nothing in this scenario is measured in ${r.from} yet), and the values are kept as written.`),
    ...units.conversions.map((c) => `${c.header}: read in ${c.from} and converted to ${c.to} (× ${factorText(c.factor)}).`),
    ...units.rates.map((r) => `${r.header}: a cost per ${r.per}, converted to a cost per ${r.per === 'hour' ? 'minute (÷ 60)' : 'hour (× 60)'}.`),
    ...units.distances.map((d) => `${d.header}: read in miles and converted to km (× 1.6093); a cell that writes its unit (“190 km”) is read as written.`),
    // A unit chosen in the review is said there ("Minutes or seconds?").
    ...units.durations.filter((d) => !d.chosen).map((d) => `${d.header}: read in ${d.unit} and converted to minutes (${d.unit === 'seconds' ? '300 is 5 minutes' : '1.5 is 90 minutes'}); a cell that writes its unit (“15 min”) is read as written.`),
  ];
}
