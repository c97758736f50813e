// Region "Day report": plan vs actual per route and in total (day-report.ts):
// stops done / failed / left, on-time share planned, predicted and actual,
// first-attempt success, km and hours planned / predicted / actual; CSV export.
import { For, Show, type JSX } from 'solid-js';
import type { DayFigures, Share } from '../../domain/day/day-report';
import { dayReportCsv } from '../../io/day-report-csv';
import { downloadText, MIME, safeFileName } from '../../io/download';
import { useApp } from '../../store/context';
import { createKeyed } from '../ui/keyed';
import { createProgressive } from '../ui/progressive';
import { createVehicleNames } from '../ui/vehicle-names';

/** Report rows rendered at once, then per frame (progressive.ts). */
const ROWS_PER_FRAME = 60;

const pct = (s: Share) => (s.share === null ? '—' : `${Math.round(s.share * 100)}%`);
const num = (x: number | null) => (x === null ? '—' : x.toFixed(1));

/** The report table and its CSV export. */
export function DayReportView(): JSX.Element {
  const { scenario: [scenarioState], day: [state] } = useApp();
  const report = () => state.derived?.report ?? null;
  const names = createVehicleNames(() => scenarioState.scenario, () => scenarioState.dataChanges);
  const name = (id: string | null) => (id === null ? 'Total' : names(id) || id);
  const exportCsv = () => {
    const r = report();
    if (r) downloadText(`${safeFileName(scenarioState.scenario?.name ?? 'day')}-day-report.csv`, MIME.csv, dayReportCsv(r));
  };
  // A row per route, kept while the route is listed: a clock step gives every route it predicted again new
  // figures, and its cells take them in place (300 rows made again per step at 10,000 orders, issue #15).
  const rows = createKeyed(() => report()?.routes ?? [], (f) => f.vehicleId ?? 'total');
  // Rendered a batch per frame: 300 rows at once were ~20 ms of the task that opened Day mode (issue #15).
  const shown = createProgressive(rows.keys, ROWS_PER_FRAME);
  const row = (f: () => DayFigures) => (
    <tr data-vehicle-id={f().vehicleId ?? 'total'}>
      <th scope="row">{name(f().vehicleId)}</th>
      <td class="num">{f().stops.done}/{f().stops.failed}/{f().stops.left}</td>
      <td class="num">{pct(f().onTime.planned)} · {pct(f().onTime.predicted)} · {pct(f().onTime.actual)}</td>
      <td class="num">{pct(f().firstAttempt)}</td>
      <td class="num">{num(f().km.planned)} · {num(f().km.predicted)}</td>
      <td class="num">{num(f().hours.planned)} · {num(f().hours.predicted)} · {num(f().hours.actual)}</td>
    </tr>
  );
  return (
    <section class="panel-section day-report" aria-label="Day report">
      <div class="section-head">
        <h2 class="section-title">Day report</h2>
        <button type="button" class="btn btn--small" disabled={!report()} onClick={exportCsv}>Export CSV</button>
      </div>
      <Show when={report()}>
        {(r) => (
          <table class="day-report__table">
            <thead>
              <tr>
                <th scope="col">Route</th>
                <th scope="col" title="done / failed / left">Stops d/f/l</th>
                <th scope="col" title="planned · predicted · actual">On time</th>
                <th scope="col">1st attempt</th>
                <th scope="col" title="planned · predicted">Km</th>
                <th scope="col" title="planned · predicted · actual">Hours</th>
              </tr>
            </thead>
            <tbody>
              <For each={shown()}>{(key) => <Show when={rows.item(key)}>{(f) => row(f)}</Show>}</For>
            </tbody>
            <tfoot>{row(() => r().total)}</tfoot>
          </table>
        )}
      </Show>
    </section>
  );
}
