// The plan as a Gantt chart (region "Timeline"): one row per vehicle on a shared
// hour axis with each stop's window, arrival, wait, service and lateness. Stops
// can be dragged to another row or time; selection is shared with map and list.
// Long fleets render only the rows in view (issue #15), and the route filter applies;
// unused vehicles come last.
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show, untrack, type JSX } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import { axisPercent, reusingProjector, timelineAxis, type PlanProjector, type TimelineAxis, type TimelineRow as TimelineRowData } from '../plan/timeline';
import { rawOf } from '../store/raw';
import { useApp } from '../store/context';
import { selectedOrderId } from '../store/ui';
import { createRouteView } from '../store/route-view';
import { planViewKey, viewDataChanges, samePlanView } from '../store/plan-view-key';
import { createStagedSlices, mapInSlices, viewQueue, type Slices } from '../store/staged';
import { coveredByNow, nowMark, shownHours } from '../plan/axis-labels';
import { TimelineRow } from './TimelineRow';
import { formatClock } from './ui/format';
import { createKeyed } from './ui/keyed';
import { createVehicleNames } from './ui/vehicle-names';
import { createVirtualRows } from './ui/virtual-rows';

/** Row and axis heights in px, as styles.css sets them (.tl-row, .timeline__axis). */
const ROW_HEIGHT = 30;
const AXIS_HEIGHT = 20;
/** Up to this many rows every row is in the DOM; more render only those in view. */
const VIRTUALIZE_ABOVE = 60;
/**
 * Vehicles projected per task when a plan lands, at most (~960 vehicles of a 10,000-order plan took one 100+ ms
 * task), and a task's time: 150 vehicles of 33 stops still took 50-90 ms tasks on a 2-core machine.
 */
const ROWS_PER_TASK = 150;
const ROWS_TASK_MS = 12;

/** The rows of `scenario`'s plan (none without one), projected a slice of the fleet per task. */
function projectRows(scenario: Scenario | null, dataVersion: number, projector: PlanProjector): Slices<TimelineRowData[]> {
  const raw = scenario && rawOf(scenario);
  if (!raw?.plan) return mapInSlices([], (row: TimelineRowData) => row, ROWS_PER_TASK);
  return mapInSlices(raw.vehicles, projector(raw, raw.plan.solution, dataVersion), ROWS_PER_TASK, { ms: ROWS_TASK_MS });
}

const sameAxis = (a: TimelineAxis, b: TimelineAxis) => a.fromS === b.fromS && a.toS === b.toS;

/** The timeline region below the map. */
export function Timeline(): JSX.Element {
  const { scenario: [state], run: [run], day: [day], ui: [uiState] } = useApp();
  // In Day mode the timeline shows the live prediction (actual and predicted times) and marks the stops at risk.
  const dayView = () => (day.mode === 'day' ? day.derived : null);
  const shown = () => dayView()?.view ?? state.scenario;
  const atRisk = createMemo(() => new Set((dayView()?.atRisk ?? []).flatMap((r) => (r.orderId ? [r.orderId] : []))));
  // Once per plan or edit, over the raw data (through the store's proxies a 10,000-stop pass was a long
  // task, issue #15): the plan's routes, the revision and the data edit count are what re-run it (plan-view-key.ts:
  // a new plan value that holds the same routes derives nothing again); a new plan is projected after the task
  // that stored it, a slice of the fleet per task, and shown once complete (staged.ts).
  // Rows whose route and data are as they were are the last plan's row objects: their components stay.
  const projector = reusingProjector();
  const rows = createStagedSlices(() => {
    const key = planViewKey(shown(), () => viewDataChanges(state));
    return key?.routes ? key : null;
  }, (key) => projectRows(key?.scenario ?? null, key?.dataChanges ?? 0, projector), viewQueue, undefined, samePlanView);
  // The same axis object while the hours shown are the same: a row's bars are made again for a new axis.
  const axis = createMemo(() => timelineAxis(rows()), undefined, { equals: sameAxis });
  const stopCount = () => rows().reduce((n, r) => n + r.stops.length, 0);
  const view = createRouteView(shown, () => !dayView());
  // Names from a map over the raw fleet: a row looking its vehicle up through the store was hundreds of tracked
  // reads, in the scroll event that mounts a screenful of rows (issue #15).
  const vehicleName = createVehicleNames(shown, () => state.dataChanges);
  // Vehicles with stops first, in fleet order; the unused ones after them (still drop targets), so a large
  // fleet with few routes does not bury its routes among empty rows.
  const shownRows = createMemo(() => {
    const visible = rows().filter((r) => view.isVisible(r.vehicleId));
    return [...visible.filter((r) => r.stops.length > 0), ...visible.filter((r) => r.stops.length === 0)];
  });
  const virtualized = () => shownRows().length > VIRTUALIZE_ABOVE;
  const virtual = createVirtualRows(() => shownRows().length, virtualized, ROW_HEIGHT, AXIS_HEIGHT);
  const inView = createMemo(() => { const w = virtual.window(); return shownRows().slice(w.start, w.end); });
  // A row's component stays while its row object does (Plan mode: a new plan's routes are new rows, mounted
  // afresh, their bars a few per frame). In Day mode every prediction makes every route's row anew: a row there is
  // its vehicle's, and takes the new prediction in place (its bars moved, not made again): a screenful of rows was
  // mounted again at every clock step and Play tick at 10,000 orders (issue #15).
  let rowCount = 0;
  const rowIds = new WeakMap<TimelineRowData, string>();
  const rowKey = (row: TimelineRowData) => {
    if (dayView()) return `day:${row.vehicleId}`;
    let id = rowIds.get(row);
    if (id === undefined) {
      rowCount += 1;
      id = `row:${rowCount}`;
      rowIds.set(row, id);
    }
    return id;
  };
  const keyedRows = createKeyed(inView, rowKey);
  // A route or stop selected elsewhere brings its row into view (its stop bar then scrolls itself into view), in a
  // task of its own: the rows scrolled in are mounted there, not in the click's task that opened the route and
  // unfolded its stops in the route table (together over 50 ms at 10,000 stops, issue #15). Another stop of the same
  // route too: its row may have been scrolled away since, and a row out of view has no bars to scroll to.
  createEffect(on(() => [view.active(), selectedOrderId(uiState)] as const, ([active]) => viewQueue.push(() => {
    if (untrack(view.active) === active) virtual.reveal(untrack(shownRows).findIndex((r) => r.vehicleId === active));
  }), { defer: true }));
  // The hour labels that fit and Day mode's "now" label among them (axis-labels.ts) need the axis's and that
  // label's widths in px.
  const [ticksWidth, setTicksWidth] = createSignal(0);
  const [nowWidth, setNowWidth] = createSignal(0);
  const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver((entries) => {
    for (const entry of entries) {
      const width = entry.borderBoxSize?.[0]?.inlineSize ?? entry.contentRect.width;
      if ((entry.target as HTMLElement).classList.contains('timeline__now')) setNowWidth(width);
      else setTicksWidth(entry.contentRect.width);
    }
  });
  onCleanup(() => observer?.disconnect());
  const watch = (element: HTMLElement) => {
    observer?.observe(element);
    onCleanup(() => observer?.unobserve(element));
  };
  const hours = createMemo(() => { const a = axis(); return shownHours(a.hours, a.fromS, a.toS, ticksWidth()); });
  const now = createMemo(() => {
    const d = dayView();
    return d ? nowMark(axisPercent(axis(), d.prediction.nowS), ticksWidth(), nowWidth() || undefined) : null;
  });
  return (
    <section class="timeline" aria-label="Timeline" aria-busy={rows.pending()} data-stop-count={stopCount()}>
      <header class="timeline__head">
        <h2 class="section-title">Timeline</h2>
        <TimelineLegend />
      </header>
      <Show when={shown()?.plan ? shown() : null} fallback={<p class="muted timeline__empty">The timeline appears once there is a plan.</p>}>
        {(scenario) => (
          <div ref={virtual.attach} class={`timeline__body${state.planStatus === 'valid' || dayView() ? '' : ' timeline__body--untrusted'}`} data-row-count={shownRows().length}>
            <div class="timeline__axis" aria-hidden="true">
              <div class="timeline__label" />
              <div class="timeline__ticks" ref={watch}>
                <For each={hours()}>
                  {(hour) => (
                    <span class="timeline__tick" classList={{ 'timeline__tick--covered': coveredByNow(now(), hour, axisPercent(axis(), hour * 3600), ticksWidth()) }} style={{ left: `${axisPercent(axis(), hour * 3600)}%` }}>
                      {formatClock(hour * 3600)}
                    </span>
                  )}
                </For>
                <Show when={dayView()}>
                  {(d) => (
                    <span ref={watch} class="timeline__now" classList={{ 'timeline__now--left': now()?.flipped ?? false }} style={{ left: `${now()?.percent ?? 0}%` }}>
                      now {formatClock(d().prediction.nowS)}
                    </span>
                  )}
                </Show>
              </div>
            </div>
            <div style={{ height: `${virtual.window().padTop}px` }} aria-hidden="true" />
            <For each={keyedRows.keys()}>
              {(key) => (
                <Show when={keyedRows.item(key)}>
                  {(row) => <TimelineRow row={row()} axis={axis()} scenario={scenario()} name={vehicleName(row().vehicleId)} editable={run.status !== 'running' && !dayView()} atRisk={atRisk()} deferBars={virtualized()} />}
                </Show>
              )}
            </For>
            <div style={{ height: `${virtual.window().padBottom}px` }} aria-hidden="true" />
          </div>
        )}
      </Show>
    </section>
  );
}

function TimelineLegend(): JSX.Element {
  return (
    <ul class="timeline__legend" aria-label="Timeline legend">
      <li><span class="tl-key tl-key--window" aria-hidden="true" />Window</li>
      <li><span class="tl-key tl-key--drive" aria-hidden="true" />Driving</li>
      <li><span class="tl-key tl-key--wait" aria-hidden="true" />Wait</li>
      <li><span class="tl-key tl-key--service" aria-hidden="true" />Service</li>
      <li><span class="tl-key tl-key--late" aria-hidden="true" />Late</li>
      <li><span class="tl-key tl-key--break" aria-hidden="true" />Break</li>
    </ul>
  );
}
