// Shared by the order and vehicle row builders: the context rows are read in,
// the issue shape ("row 14, lat: latitude must be ≤ 90") and a reader that
// takes a row's cells by field key and collects what cannot be read.
import type { Depot, Settings } from '../domain/scenario';
import type { Table } from './csv';
import { parseDegrees, parseDuration, parseNumber, parseTime, type Parsed, type TimeFormat } from './cell-parse';
import type { ColumnTarget, ImportKind } from './column-map';
import { amountOfPrice, amountWithUnit, convertAmount, distanceWithUnit, UNIT_FIELD } from './units';
/** Fields holding a latitude ('ns') or a longitude ('ew'). */
const COORDINATE_FIELDS: Readonly<Record<string, 'ns' | 'ew'>> = {
  lat: 'ns', pickupLat: 'ns', startLat: 'ns', endLat: 'ns', lng: 'ew', pickupLng: 'ew', startLng: 'ew', endLng: 'ew',
};

/** Fields holding a price. */
const PRICE_FIELDS: ReadonlySet<string> = new Set(['fixedCost', 'perKmCost', 'perMileCost', 'perHourCost', 'latenessCost', 'overtimeCostPerMinute']);

/** Where a row is in its table: its index into `table.rows` (places given in the review are kept by it) and its spreadsheet number. */
export interface RowAt { index: number; rowNumber: number }

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
  /**
   * A further line of the order of that row (its spreadsheet row number): the same id, no place of its own, as a
   * shop export writes one row per item. It is no order: its amounts are the order's (`orderLines`).
   */
  lineOf?: number;
  /** The indices of this order's further lines (`lineOf`), imported with it. */
  lines?: number[];
  /**
   * The pickup of the shipment of that row (its spreadsheet row number): a pickup row linked to its delivery row by
   * a value they share (shipment-pairs.ts). It is no order: its place, windows and minutes are the shipment's pickup.
   */
  pickupOf?: number;
  /** The index of this shipment's pickup row (`pickupOf`), imported with it. */
  pickupRow?: number;
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
  /** Depots of the scenario: vehicles start and end at one of them, or at a new one the file places. */
  depots: readonly Depot[];
  /** The scenario's settings: an order without service minutes gets its service type's catalogue minutes. */
  settings?: Settings;
  /**
   * Whether rows dated another day than the scenario's are held back: when the file also has rows for the
   * scenario's day (a file of several days: `fileDates`). A file of another day alone is planned on the
   * scenario's day, and the review says so.
   */
  holdOtherDays?: boolean;
  /** Whether the file writes its dates month first (`fileDates`; null: nothing tells): a row's message names that reading. */
  monthFirst?: boolean | null;
  /** Places given to rows without coordinates (geocoded or clicked on the map), by row index into `table.rows`. */
  placements?: ReadonlyMap<number, { lat: number; lng: number }>;
  /** Places given to fleet rows' ends at an address of their own (not their start's), by row index. */
  endPlacements?: ReadonlyMap<number, { lat: number; lng: number }>;
  /** Factors that convert a field's values from its column's unit into its capacity unit (units.ts), by field key. */
  conversions?: Readonly<Record<string, number>>;
  /** The file writes decimal commas ("1.000" is a thousand): `decimalCommaFile` of its rows when not given. */
  decimalComma?: boolean;
}

/** Reads cells of one row by field key, collecting parse issues. */
export class RowReader {
  readonly issues: RowIssue[] = [];
  constructor(readonly cells: readonly string[], readonly ctx: RowContext) {}

  column(key: string): number | null {
    const index = this.ctx.targets.indexOf(key);
    return index < 0 ? null : index;
  }
  text(key: string): string | undefined {
    const column = this.column(key);
    const value = column === null ? undefined : (this.cells[column] ?? '').trim();
    return value === '' ? undefined : value;
  }
  read<T>(key: string, parse: (text: string, column: number) => Parsed<T>): T | undefined {
    const text = this.text(key);
    if (text === undefined) return undefined;
    const result = parse(text, this.column(key)!);
    if (result.ok) return result.value;
    this.issue(key, result.message);
    return undefined;
  }
  number(key: string): number | undefined {
    const unit = UNIT_FIELD.exec(key);
    let inOwnUnit = false;
    const value = this.read(key, (text) => {
      const plain = parseNumber(text, this.ctx.decimalComma);
      if (plain.ok) return plain;
      // "51.5074 N", "0°07'39\"W" in a latitude or longitude column; a letter of the other axis is that column's mistake.
      const axis = COORDINATE_FIELDS[key];
      if (axis) {
        const degrees = parseDegrees(text);
        if (degrees && degrees.axis !== null && degrees.axis !== axis) return { ok: false, message: `'${text}' is a ${degrees.axis === 'ns' ? 'latitude' : 'longitude'} (its letter says so), in a ${axis === 'ns' ? 'latitude' : 'longitude'} column: latitude and longitude swapped?` };
        if (degrees) return { ok: true, value: degrees.value };
      }
      // "12 kg" in an amount column, "$0.65" in a cost column, "120 mi" in a distance column.
      const written = unit ? amountWithUnit(text, this.ctx.capacityUnits[Number(unit[2])] ?? '', this.ctx.decimalComma)
        : PRICE_FIELDS.has(key) ? amountOfPrice(text, this.ctx.decimalComma)
          : key === 'maxDistanceKm' ? distanceWithUnit(text, this.ctx.decimalComma) : null;
      inOwnUnit = (unit !== null || key === 'maxDistanceKm') && written !== null;
      return written ?? plain;
    });
    // A cell that named its unit was read in the capacity unit already; the header's conversion is for bare numbers.
    const factor = inOwnUnit ? undefined : this.ctx.conversions?.[key];
    if (value === undefined || factor === undefined) return value;
    // A price per hour read per minute keeps its cents: 25 an hour is 0.416667 a minute, not 0.417.
    return PRICE_FIELDS.has(key) ? Math.round(value * factor * 1e6) / 1e6 : convertAmount(value, factor);
  }
  /**
   * Minutes. A bare number in a column whose header names seconds or hours (`conversions`: "Service time (sec)"
   * of 300 is 5) is converted; a cell that writes its own unit ("15 min", "1:30") is read as written.
   */
  duration(key: string): number | undefined {
    const factor = this.ctx.conversions?.[key];
    return this.read(key, (text) => {
      const bare = factor === undefined ? null : parseNumber(text, this.ctx.decimalComma);
      return bare?.ok ? { ok: true, value: Math.round(bare.value * factor!) } : parseDuration(text);
    });
  }
  time(key: string): number | undefined {
    return this.read(key, (text, column) => parseTime(text, this.ctx.timeFormats[column] ?? 'clock'));
  }
  issue(field: string, message: string, column: number | null = this.column(field)): void {
    this.issues.push({ field, column, message });
  }
  has(key: string): boolean {
    return this.issues.some((i) => i.field === key);
  }
}

/**
 * Custom fields: every non-empty `extra` column under its header, as written. An empty cell is no
 * value: an export writes one column per field any row has, so keeping empties would add fields
 * to the rows that never had them on every round trip.
 */
export function extraOf(table: Table, cells: readonly string[], targets: readonly ColumnTarget[]): Record<string, string> {
  const extra: Record<string, string> = {};
  targets.forEach((target, column) => {
    if (target === 'extra' && (cells[column] ?? '') !== '') extra[table.headers[column] || `column ${column + 1}`] = cells[column];
  });
  return extra;
}
