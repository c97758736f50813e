// One table row → one order: address parts joined, windows from a list cell or
// from start/end columns (a second window too), priority as a number, letter or
// word, required skills and vehicle features together, unmapped columns kept.
import { suggestServiceMinutes } from '../domain/service-types';
import type { TimeWindow } from '../domain/scenario';
import type { Table } from './csv';
import { DEFAULT_SERVICE_MINUTES, parseList, parsePriority, parseServiceType, parseWindows } from './cell-parse';
import { ADDRESS_PARTS } from './fields-orders';
import { extraOf, RowReader, type RowContext } from './row-reader';

function windowPair(row: RowReader, startKey: string, endKey: string): TimeWindow[] {
  const start = row.time(startKey);
  const end = row.time(endKey);
  if (start === undefined && end === undefined) return [];
  return [{ start: start ?? 0, end: end ?? 1440 }];
}

function windowsOf(row: RowReader, ctx: RowContext): TimeWindow[] {
  const column = row.column('window');
  const listed = row.read('window', (text) => parseWindows(text, column === null ? 'clock' : ctx.timeFormats[column] ?? 'clock'));
  if (listed) return listed;
  return [...windowPair(row, 'windowStart', 'windowEnd'), ...windowPair(row, 'window2Start', 'window2End')];
}

/** "12 Main St, Apt 4, Portland, OR, 97201": every address part present, in order. */
function addressOf(row: RowReader): string {
  return ADDRESS_PARTS.map((key) => row.text(key)).filter((part): part is string => part !== undefined).join(', ');
}

/** Required skills and features as one list (both are matched against crew skills ∪ vehicle features); absent when both cells are empty, [] for "(none)". */
function requirementsOf(row: RowReader): string[] | undefined {
  const list = (key: string) => row.read(key, (text) => ({ ok: true, value: parseList(text) }));
  const skills = list('skills');
  const features = list('features');
  if (skills === undefined && features === undefined) return undefined;
  return [...new Set([...(skills ?? []), ...(features ?? [])])];
}

/** Builds the order of one row (unchecked: the caller validates it against the schema). */
export function buildOrder(table: Table, cells: readonly string[], rowNumber: number, ctx: RowContext): { row: RowReader; value: unknown } {
  const row = new RowReader(cells, ctx);
  const serviceType = row.read('serviceType', parseServiceType) ?? 'curbside';
  const skills = requirementsOf(row);
  const crewSize = row.number('crewSize');
  const amounts = ctx.capacityUnits.map((_, i) => row.number(`amount:${i}`) ?? 0);
  const catalogueMinutes = ctx.settings ? suggestServiceMinutes(ctx.settings, { serviceType, amounts }) : DEFAULT_SERVICE_MINUTES[serviceType];
  const value = {
    id: row.column('id') === null ? `${ctx.idPrefix}-${rowNumber}` : row.text('id') ?? '',
    customerName: row.text('customerName') ?? '',
    address: addressOf(row),
    lat: row.number('lat'),
    lng: row.number('lng'),
    serviceType,
    serviceMinutes: row.number('serviceMinutes') ?? catalogueMinutes,
    amounts,
    timeWindows: windowsOf(row, ctx),
    priority: row.read('priority', parsePriority) ?? 1,
    notes: row.text('notes') ?? '',
    phone: row.text('phone') ?? '',
    email: row.text('email') ?? '',
    extra: extraOf(table, cells, ctx.targets),
    ...(crewSize !== undefined ? { crewSize } : {}),
    ...(skills !== undefined ? { skills } : {}),
  };
  requireCoordinates(row, value.lat, value.lng);
  return { row, value };
}

/** Missing coordinates get one clear issue; a half-given pair names the missing half. */
function requireCoordinates(row: RowReader, lat: number | undefined, lng: number | undefined): void {
  if (row.has('lat') || row.has('lng')) return;
  if (lat === undefined && lng === undefined) {
    row.issue('lat/lng', 'coordinates are required (geocoding is not available offline)', row.column('lat') ?? row.column('lng'));
  } else if (lat === undefined) {
    row.issue('lat', 'latitude is missing');
  } else if (lng === undefined) {
    row.issue('lng', 'longitude is missing');
  }
}
