// The Day report as CSV (issue #11, "Plan vs actual"): one row per route and a
// total row, written by the shared CSV writer (csv.ts toCsv). The figures come
// from domain/day/day-report.ts; this module only lays them out.
import type { DayFigures, DayReport, Share } from '../domain/day/day-report';
import { SERVICE_TYPES, type ServiceType } from '../domain/scenario';
import { toCsv } from './csv';

/** Columns every report has, before the per-service-type ones. */
export const DAY_REPORT_COLUMNS = [
  'vehicle', 'stops planned', 'done', 'failed', 'left',
  'on-time planned %', 'on-time predicted %', 'on-time actual %', 'first-attempt success %',
  'km planned', 'km predicted', 'hours planned', 'hours predicted', 'hours actual',
] as const;

/** The four columns of a service type: planned minutes, measured minutes, stops measured, planned minutes of those stops. */
export function serviceColumns(type: ServiceType): string[] {
  return [`${type} service min planned`, `${type} service min actual`, `${type} stops measured`, `${type} service min planned (measured stops)`];
}

/** A share in percent to one decimal; empty when there is nothing to count. */
const percent = (s: Share): string => (s.share === null ? '' : (s.share * 100).toFixed(1));
/** Rounded to two decimals; empty when unknown. */
const decimal = (x: number | null): string => (x === null ? '' : String(Math.round(x * 100) / 100));

/**
 * The report as CSV (CRLF line ends, RFC 4180 quoting): a row per route, then
 * `total`. Shares in percent, km and hours to two decimals; then, per service
 * type present (in catalogue order), planned minutes, actual minutes (empty
 * before any stop was measured), stops measured and what the plan gave them.
 */
export function dayReportCsv(report: DayReport): string {
  const rows = [...report.routes, report.total];
  const present = new Set(rows.flatMap((r) => Object.keys(r.serviceMinutes)));
  const types = SERVICE_TYPES.filter((t) => present.has(t));
  return toCsv([...DAY_REPORT_COLUMNS, ...types.flatMap(serviceColumns)], rows.map((r) => rowOf(r, types)));
}

function rowOf(r: DayFigures, types: readonly ServiceType[]): string[] {
  return [
    r.vehicleId ?? 'total', String(r.stops.planned), String(r.stops.done), String(r.stops.failed), String(r.stops.left),
    percent(r.onTime.planned), percent(r.onTime.predicted), percent(r.onTime.actual), percent(r.firstAttempt),
    decimal(r.km.planned), decimal(r.km.predicted), decimal(r.hours.planned), decimal(r.hours.predicted), decimal(r.hours.actual),
    ...types.flatMap((t) => {
      const m = r.serviceMinutes[t];
      if (!m) return ['', '', '', ''];
      return [decimal(m.plannedMinutes), decimal(m.measuredStops ? m.actualMinutes : null), String(m.measuredStops), decimal(m.plannedMinutesOfMeasured)];
    }),
  ];
}
