// Turns the rows of an imported table into orders or vehicles through a column
// mapping, and says for every row that cannot be used which field is wrong and
// why ("row 14, lat: latitude must be ≤ 90"). Nothing here drops a row.
import * as v from 'valibot';
import { orderSchema, vehicleSchema, type Depot, type Order, type Scenario, type Settings, type Vehicle } from '../domain/scenario';
import { suggestServiceMinutes } from '../domain/service-types';
import type { Table } from './csv';
import {
  DEFAULT_SERVICE_MINUTES, normalizeHeader, parseList, parseNumber, parseServiceType, parseTime, parseWindows,
  type ColumnTarget, type ImportKind, type Parsed, type TimeFormat,
} from './column-map';

/** One reason a row cannot be imported. */
export interface RowIssue {
  /** Field key or label ("lat", "lat/lng", "id"). */
  field: string;
  /** Column the value came from, when one did. */
  column: number | null;
  message: string;
}

/** One data row, read: `value` is set only when `issues` is empty. */
export interface RowResult<T> {
  /** Index into `table.rows`. */
  index: number;
  /** The spreadsheet's row number: the header is row 1, so data starts at 2. */
  rowNumber: number;
  value: T | null;
  issues: RowIssue[];
}

/** How columns map and what the rows are checked against. */
export interface RowContext {
  kind: ImportKind;
  targets: readonly ColumnTarget[];
  timeFormats: Readonly<Record<number, TimeFormat>>;
  capacityUnits: readonly string[];
  /** Ids already in the scenario (append mode): using one again is an issue. */
  existingIds: ReadonlySet<string>;
  /** Prefix of generated ids when no column holds them. */
  idPrefix: string;
  depots: readonly Depot[];
  /** Defaults for vehicle fields a file leaves out. */
  vehicleTemplate: Vehicle | null;
  /** The scenario's settings: an order without service minutes gets its service type's catalogue minutes. */
  settings?: Settings;
}

/** Reads cells of one row by field key, collecting parse issues. */
class RowReader {
  readonly issues: RowIssue[] = [];
  constructor(private readonly cells: readonly string[], private readonly ctx: RowContext) {}

  column(key: string): number | null {
    const index = this.ctx.targets.indexOf(key);
    return index < 0 ? null : index;
  }
  text(key: string): string | undefined {
    const column = this.column(key);
    const value = column === null ? undefined : this.cells[column].trim();
    return value === '' ? undefined : value;
  }
  read<T>(key: string, parse: (text: string, column: number) => Parsed<T>): T | undefined {
    const text = this.text(key);
    if (text === undefined) return undefined;
    const result = parse(text, this.column(key)!);
    if (result.ok) return result.value;
    this.issues.push({ field: key, column: this.column(key), message: result.message });
    return undefined;
  }
  number(key: string): number | undefined {
    return this.read(key, parseNumber);
  }
  time(key: string): number | undefined {
    return this.read(key, (text, column) => parseTime(text, this.ctx.timeFormats[column] ?? 'clock'));
  }
  has(key: string): boolean {
    return this.issues.some((i) => i.field === key);
  }
}

/** Custom fields: every `extra` column under its header, as written. */
function extraOf(table: Table, cells: readonly string[], targets: readonly ColumnTarget[]): Record<string, string> {
  const extra: Record<string, string> = {};
  targets.forEach((target, column) => {
    if (target === 'extra') extra[table.headers[column] || `column ${column + 1}`] = cells[column];
  });
  return extra;
}

function windowsOf(row: RowReader, ctx: RowContext) {
  const column = row.column('window');
  const listed = row.read('window', (text) => parseWindows(text, column === null ? 'clock' : ctx.timeFormats[column] ?? 'clock'));
  if (listed) return listed;
  const start = row.time('windowStart');
  const end = row.time('windowEnd');
  if (start === undefined && end === undefined) return [];
  return [{ start: start ?? 0, end: end ?? 1440 }];
}

function buildOrder(table: Table, cells: readonly string[], rowNumber: number, ctx: RowContext): { row: RowReader; value: unknown } {
  const row = new RowReader(cells, ctx);
  const serviceType = row.read('serviceType', parseServiceType) ?? 'curbside';
  const extra = extraOf(table, cells, ctx.targets);
  const skills = row.read('skills', (text) => ({ ok: true, value: parseList(text) }));
  const amounts = ctx.capacityUnits.map((_, i) => row.number(`amount:${i}`) ?? 0);
  const catalogueMinutes = ctx.settings ? suggestServiceMinutes(ctx.settings, { serviceType, amounts }) : DEFAULT_SERVICE_MINUTES[serviceType];
  const value = {
    id: row.column('id') === null ? `${ctx.idPrefix}-${rowNumber}` : row.text('id') ?? '',
    customerName: row.text('customerName') ?? '',
    address: row.text('address') ?? '',
    lat: row.number('lat'),
    lng: row.number('lng'),
    serviceType,
    serviceMinutes: row.number('serviceMinutes') ?? catalogueMinutes,
    amounts,
    timeWindows: windowsOf(row, ctx),
    priority: row.number('priority') ?? 1,
    notes: row.text('notes') ?? '',
    phone: row.text('phone') ?? '',
    email: row.text('email') ?? '',
    extra,
    ...(skills && skills.length > 0 ? { skills } : {}),
  };
  requireCoordinates(row, value.lat, value.lng);
  return { row, value };
}

/** Missing coordinates get one clear issue; a half-given pair names the missing half. */
function requireCoordinates(row: RowReader, lat: number | undefined, lng: number | undefined): void {
  if (row.has('lat') || row.has('lng')) return;
  if (lat === undefined && lng === undefined) {
    row.issues.push({ field: 'lat/lng', column: row.column('lat') ?? row.column('lng'), message: 'coordinates are required (geocoding is not available offline)' });
  } else if (lat === undefined) {
    row.issues.push({ field: 'lat', column: row.column('lat'), message: 'latitude is missing' });
  } else if (lng === undefined) {
    row.issues.push({ field: 'lng', column: row.column('lng'), message: 'longitude is missing' });
  }
}

function findDepot(ctx: RowContext, text: string | undefined): Parsed<string | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const key = text.toLowerCase();
  const depot = ctx.depots.find((d) => d.id.toLowerCase() === key || d.name.toLowerCase() === key);
  return depot ? { ok: true, value: depot.id } : { ok: false, message: `unknown depot '${text}' (known: ${ctx.depots.map((d) => d.name || d.id).join(', ')})` };
}

function buildVehicle(_table: Table, cells: readonly string[], rowNumber: number, ctx: RowContext): { row: RowReader; value: unknown } {
  const row = new RowReader(cells, ctx);
  const template = ctx.vehicleTemplate;
  const fallbackDepot = template?.startDepotId ?? ctx.depots[0]?.id ?? '';
  const start = row.read('startDepot', (text) => findDepot(ctx, text)) ?? fallbackDepot;
  const id = row.column('id') === null ? `${ctx.idPrefix}-${rowNumber}` : row.text('id') ?? '';
  const value = {
    id,
    name: row.text('name') ?? id,
    type: row.text('type') ?? template?.type ?? 'van',
    capacity: ctx.capacityUnits.map((_, i) => row.number(`capacity:${i}`) ?? template?.capacity[i] ?? 0),
    startDepotId: start,
    endDepotId: row.read('endDepot', (text) => findDepot(ctx, text)) ?? start,
    shift: { start: row.time('shiftStart') ?? template?.shift.start ?? 480, end: row.time('shiftEnd') ?? template?.shift.end ?? 1080 },
    speedFactor: row.number('speedFactor') ?? template?.speedFactor ?? 1,
    costs: {
      fixed: row.number('fixedCost') ?? template?.costs.fixed ?? 0,
      perKm: row.number('perKmCost') ?? template?.costs.perKm ?? 0,
      perHour: row.number('perHourCost') ?? template?.costs.perHour ?? 0,
    },
  };
  // Equipment and skills both count as skills when matching orders (scenario v2 `features`).
  const features = row.read('skills', (text) => ({ ok: true, value: parseList(text) }));
  if (features && features.length > 0) Object.assign(value, { features });
  return { row, value };
}

/** Field key of a schema issue: `timeWindows` → `window`, `amounts[1]` → `amount:1`, `shift.end` → `shiftEnd`. */
function fieldOfSchemaIssue(kind: ImportKind, path: (string | number)[]): string {
  const [head, next, leaf] = path;
  if (head === 'amounts' || head === 'capacity') return `${kind === 'orders' ? 'amount' : 'capacity'}:${next}`;
  if (head === 'timeWindows') return leaf === 'end' ? 'windowEnd' : 'windowStart';
  if (head === 'shift') return next === 'end' ? 'shiftEnd' : 'shiftStart';
  if (head === 'costs') return `${next === 'perKm' ? 'perKm' : next === 'perHour' ? 'perHour' : 'fixed'}Cost`;
  return String(head ?? 'row');
}

function schemaIssues(kind: ImportKind, value: unknown, row: RowReader): RowIssue[] {
  const parsed = v.safeParse(kind === 'orders' ? orderSchema : vehicleSchema, value);
  if (parsed.success) return [];
  return parsed.issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => p.key as string | number);
    const field = fieldOfSchemaIssue(kind, path);
    const column = row.column(field) ?? (field.startsWith('window') ? row.column('window') : null);
    const message = field === 'id' && !row.text('id') ? `${kind === 'orders' ? 'order' : 'vehicle'} id is required` : issue.message;
    return { field, column, message };
  }).filter((issue) => !row.has(issue.field) && !((issue.field === 'lat' || issue.field === 'lng') && row.has('lat/lng')));
}

/** Reads every row (except `skip`), checking fields, the schema and duplicate ids. */
export function readRows(table: Table, ctx: RowContext, skip: ReadonlySet<number> = new Set()): RowResult<Order | Vehicle>[] {
  const build = ctx.kind === 'orders' ? buildOrder : buildVehicle;
  const firstRowOfId = new Map<string, number>();
  const results: RowResult<Order | Vehicle>[] = [];
  table.rows.forEach((cells, index) => {
    if (skip.has(index)) return;
    const rowNumber = index + 2;
    const { row, value } = build(table, cells, rowNumber, ctx);
    const issues = [...row.issues, ...schemaIssues(ctx.kind, value, row)];
    const id = (value as { id: string }).id;
    const seenAt = firstRowOfId.get(id);
    if (id && seenAt !== undefined) issues.push({ field: 'id', column: row.column('id'), message: `id '${id}' is used twice (also row ${seenAt})` });
    else if (id && ctx.existingIds.has(id)) issues.push({ field: 'id', column: row.column('id'), message: `id '${id}' already exists in this scenario` });
    if (id && seenAt === undefined) firstRowOfId.set(id, rowNumber);
    results.push({ index, rowNumber, value: issues.length ? null : (value as Order | Vehicle), issues });
  });
  return results;
}

/** Whether imported rows take the place of the scenario's orders (vehicles) or come after them. */
export type ImportMode = 'replace' | 'append';

/**
 * The scenario with imported orders or vehicles. Any edit makes the plan stale
 * (revision + 1); replacing drops the plan, which would name orders or vehicles
 * that are gone.
 */
export function mergeIntoScenario(scenario: Scenario, kind: ImportKind, mode: ImportMode, items: readonly (Order | Vehicle)[]): Scenario {
  const next = { ...scenario, revision: scenario.revision + 1, plan: mode === 'replace' ? null : scenario.plan };
  if (kind === 'orders') next.orders = [...(mode === 'append' ? scenario.orders : []), ...(items as Order[])];
  else next.vehicles = [...(mode === 'append' ? scenario.vehicles : []), ...(items as Vehicle[])];
  return next;
}

/** Guesses what a table holds: vehicles when its headers speak of capacity, shifts or vehicles and not of coordinates. */
export function guessKind(headers: readonly string[]): ImportKind {
  const words = headers.map(normalizeHeader);
  const vehicleLike = words.some((h) => /\b(capacity|shift|vehicle|plate|fleet)\b/.test(h));
  const orderLike = words.some((h) => /\b(lat|latitude|lng|lon|longitude|address|customer)\b/.test(h));
  return vehicleLike && !orderLike ? 'vehicles' : 'orders';
}
