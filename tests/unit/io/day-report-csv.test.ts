// The Day report CSV (issue #11, "Plan vs actual"): its columns, a row computed
// by hand, quoting through the shared writer, and a whole simulated day.
import { describe, expect, it } from 'vitest';
import { dayReport, type DayFigures, type DayReport } from '../../../web/src/domain/day/day-report';
import { deriveDayState } from '../../../web/src/domain/day/day-state';
import { predictDay } from '../../../web/src/domain/day/eta';
import type { DayEvent } from '../../../web/src/domain/day/events';
import { simulateDay } from '../../../web/src/domain/day/simulate';
import { DAY_REPORT_COLUMNS, dayReportCsv } from '../../../web/src/io/day-report-csv';
import { parseCsv } from '../../../web/src/io/csv';
import { smallScenario } from '../../fixtures/small-scenario';
import { buildRoute } from '../../helpers/build-route';

const share = (onTime: number, of: number) => ({ onTime, of, share: of ? onTime / of : null });

/** One route's figures, written out by hand. */
const van: DayFigures = {
  vehicleId: 'van-1',
  onTime: { planned: share(4, 4), predicted: share(2, 3), actual: share(1, 2) },
  firstAttempt: share(2, 3),
  stops: { planned: 4, done: 2, failed: 1, left: 1 },
  km: { planned: 12.3456, predicted: 14.1 },
  hours: { planned: 3.5, predicted: 4.25, actual: 2 },
  serviceMinutes: {
    'white-glove': { plannedStops: 1, plannedMinutes: 30, measuredStops: 0, actualMinutes: 0, plannedMinutesOfMeasured: 0 },
    curbside: { plannedStops: 3, plannedMinutes: 15, measuredStops: 2, actualMinutes: 13.5, plannedMinutesOfMeasured: 10 },
  },
};

describe('dayReportCsv', () => {
  it('has the fixed columns, then four per service type present, in catalogue order', async () => {
    const table = await parseCsv(dayReportCsv({ routes: [van], total: { ...van, vehicleId: null } }));
    expect(table.headers).toEqual([
      ...DAY_REPORT_COLUMNS,
      'curbside service min planned', 'curbside service min actual', 'curbside stops measured', 'curbside service min planned (measured stops)',
      'white-glove service min planned', 'white-glove service min actual', 'white-glove stops measured', 'white-glove service min planned (measured stops)',
    ]);
    expect(table.rows.map((r) => r[0])).toEqual(['van-1', 'total']);
  });

  it('writes a route row as computed by hand', () => {
    const lines = dayReportCsv({ routes: [van], total: { ...van, vehicleId: null } }).split('\r\n');
    expect(lines).toHaveLength(3);
    // shares 4/4, 2/3, 1/2, 2/3 → 100.0, 66.7, 50.0, 66.7; km 12.3456 → 12.35; white glove: nothing measured yet → actual empty.
    expect(lines[1]).toBe('van-1,4,2,1,1,100.0,66.7,50.0,66.7,12.35,14.1,3.5,4.25,2,15,13.5,2,10,30,,0,0');
    expect(lines[2].startsWith('total,4,2,1,1,')).toBe(true);
  });

  it('leaves empty what is unknown, and quotes cells with commas or quotes', () => {
    const odd: DayFigures = { ...van, vehicleId: 'van "1", north', onTime: { ...van.onTime, actual: share(0, 0) }, hours: { ...van.hours, actual: null }, serviceMinutes: {} };
    const report: DayReport = { routes: [odd], total: { ...odd, vehicleId: null } };
    const row = dayReportCsv(report).split('\r\n')[1];
    expect(row).toBe('"van ""1"", north",4,2,1,1,100.0,66.7,,66.7,12.35,14.1,3.5,4.25,');
  });

  it('reports a partly reported day: per route and the total', () => {
    let n = 0;
    const ev = (e: Record<string, unknown>) => ({ id: `e${++n}`, ...e }) as unknown as DayEvent;
    const s = smallScenario();
    const plan = { routes: [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D', 'E'])], unassigned: [] };
    const state = deriveDayState(s, plan, [
      ev({ type: 'arrived', order: 'A', at: 480 }), ev({ type: 'done', order: 'A', at: 492 }),
      ev({ type: 'failed', order: 'B', at: 510, reason: 'not-home' }),
      ev({ type: 'arrived', order: 'D', at: 630 }), ev({ type: 'done', order: 'D', at: 655 }),
    ]);
    const lines = dayReportCsv(dayReport(s, plan, state, predictDay(s, state, 660))).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3].split(',').slice(0, 9)).toEqual(['total', '5', '2', '1', '2', '100.0', '100.0', '100.0', '66.7']);
    // curbside: planned 3×10 + 20 + 10 = 60 min; measured A 12 min and D 25 min = 37 against 10 + 20 planned.
    expect(lines[3].split(',').slice(-4)).toEqual(['60', '37', '2', '30']);
  });

  it('after whole simulated days (30 % not home): nothing left, every planned stop done or failed, actual hours known', async () => {
    const s = smallScenario();
    const plan = { routes: [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D', 'E'])], unassigned: [] };
    s.settings.variability = { notHome: { curbside: 0.3 } };
    let failed = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const state = deriveDayState(s, plan, simulateDay(s, plan, { seed }));
      const table = await parseCsv(dayReportCsv(dayReport(s, plan, state, predictDay(s, state, 23 * 60))));
      const col = (name: string) => table.headers.indexOf(name);
      for (const row of table.rows) {
        expect(row[col('left')]).toBe('0');
        expect(Number(row[col('done')]) + Number(row[col('failed')])).toBe(Number(row[col('stops planned')]));
        expect(Number(row[col('hours actual')])).toBeGreaterThan(0);
        // Every stop reported its arrival and departure: failed attempts are measured too (day-report.ts).
        expect(row[col('curbside stops measured')]).toBe(row[col('stops planned')]);
      }
      expect(table.rows.at(-1)![0]).toBe('total');
      failed += Number(table.rows.at(-1)![col('failed')]);
    }
    // 50 stops at 30 %: none failing would have probability 0.7^50 ≈ 2e-8.
    expect(failed).toBeGreaterThan(0);
  });
});
