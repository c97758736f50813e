// Matrix CSV import (issue #14): road travel times supplied as a file instead of
// a routing service. Columns `from,to,seconds,metres`; locations are depot and
// order ids (a shipment's pickup is `<order id>#pickup`). Every pair of distinct
// places needs one row; the matrix serves every vehicle type. Errors name the
// row and field; nothing is applied unless the whole file is good.
import { matrixPlaces, withTravelMatrices, type MatrixPlace } from '../domain/road-matrix';
import type { Scenario, TravelMatrix } from '../domain/scenario';
import type { Table } from './csv';

/** The file's columns, in any order, names case-insensitive. */
export const MATRIX_COLUMNS = ['from', 'to', 'seconds', 'metres'] as const;

/** Errors listed in full; the rest are counted. */
const MAX_ERRORS = 20;

/** The outcome of reading a matrix file: the scenario with it applied, or every problem found. */
export type MatrixImport = { ok: true; scenario: Scenario; pairs: number } | { ok: false; errors: string[] };

/** A place's id in the file. */
const fileId = (p: MatrixPlace) => (p.kind === 'pickup' ? `${p.id}#pickup` : p.id);

/** Column index of each required column, or the errors of a wrong header. */
function columnsOf(headers: readonly string[]): { index: Record<(typeof MATRIX_COLUMNS)[number], number> } | { errors: string[] } {
  const lower = headers.map((h) => h.trim().toLowerCase());
  const missing = MATRIX_COLUMNS.filter((c) => !lower.includes(c));
  if (missing.length > 0) return { errors: [`header: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `'${c}'`).join(', ')} (expected from,to,seconds,metres)`] };
  return { index: Object.fromEntries(MATRIX_COLUMNS.map((c) => [c, lower.indexOf(c)])) as Record<(typeof MATRIX_COLUMNS)[number], number> };
}

/** A cell as a finite number ≥ 0, or the error naming its row and field. */
function amount(text: string, row: number, field: string): number | string {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return `row ${row}, ${field}: '${text}' is not a number`;
  if (value < 0) return `row ${row}, ${field}: must be ≥ 0, got ${text.trim()}`;
  return value;
}

/** Reads a matrix table for `scenario`; see the module comment. */
export function importMatrixCsv(table: Table, scenario: Scenario): MatrixImport {
  const columns = columnsOf(table.headers);
  if ('errors' in columns) return { ok: false, errors: columns.errors };
  const places = matrixPlaces(scenario);
  const n = places.length;
  const indexOf = new Map(places.map((p, i) => [fileId(p), i]));
  const durationsS = Array.from({ length: n }, () => new Array<number>(n).fill(-1));
  const distancesM = Array.from({ length: n }, () => new Array<number>(n).fill(-1));
  const seenAt = new Map<number, number>();
  const errors: string[] = [];
  table.rows.forEach((cells, k) => {
    const row = table.rowNumbers?.[k] ?? k + 2;
    const ends = (['from', 'to'] as const).map((field) => {
      const id = cells[columns.index[field]].trim();
      const i = indexOf.get(id);
      if (i === undefined) errors.push(`row ${row}, ${field}: '${id}' is not a depot or order of this scenario`);
      return i;
    });
    const seconds = amount(cells[columns.index.seconds], row, 'seconds');
    const metres = amount(cells[columns.index.metres], row, 'metres');
    for (const v of [seconds, metres]) if (typeof v === 'string') errors.push(v);
    const [i, j] = ends;
    if (i === undefined || j === undefined || typeof seconds === 'string' || typeof metres === 'string') return;
    const earlier = seenAt.get(i * n + j);
    if (earlier !== undefined) return void errors.push(`row ${row}: the pair ${fileId(places[i])} → ${fileId(places[j])} is already given in row ${earlier}`);
    seenAt.set(i * n + j, row);
    durationsS[i][j] = seconds;
    distancesM[i][j] = metres;
  });
  errors.push(...missingPairs(places, durationsS));
  if (errors.length > 0) return { ok: false, errors: capped(errors) };
  const matrix: TravelMatrix = { durationsS: zeroDiagonal(durationsS), distancesM: zeroDiagonal(distancesM) };
  const types = [...new Set(scenario.vehicles.map((v) => v.type))];
  return { ok: true, scenario: withTravelMatrices(scenario, Object.fromEntries(types.map((t) => [t, matrix]))), pairs: seenAt.size };
}

/** Pairs of distinct places without a row. */
function missingPairs(places: MatrixPlace[], durationsS: number[][]): string[] {
  const out: string[] = [];
  for (let i = 0; i < places.length; i++) {
    for (let j = 0; j < places.length; j++) {
      if (i !== j && durationsS[i][j] < 0) out.push(`missing row: from ${fileId(places[i])} to ${fileId(places[j])}`);
    }
  }
  return out;
}

/** A place to itself costs nothing unless the file says otherwise. */
const zeroDiagonal = (m: number[][]) => m.map((row, i) => row.map((v, j) => (i === j && v < 0 ? 0 : v)));

const capped = (errors: string[]) => (errors.length <= MAX_ERRORS ? errors : [...errors.slice(0, MAX_ERRORS), `…and ${errors.length - MAX_ERRORS} more`]);
