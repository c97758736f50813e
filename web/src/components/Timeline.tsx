// The plan as a Gantt chart (region "Timeline"): one row per vehicle on a shared
// hour axis with each stop's window, arrival, wait, service and lateness. Stops
// can be dragged to another row or time; selection is shared with map and list.
import { createMemo, For, Show, type JSX } from 'solid-js';
import { axisPercent, projectTimeline, timelineAxis } from '../plan/timeline';
import { useApp } from '../store/context';
import { TimelineRow } from './TimelineRow';
import { formatClock } from './ui/format';

/** The timeline region below the map. */
export function Timeline(): JSX.Element {
  const { scenario: [state], run: [run], day: [day] } = useApp();
  // In Day mode the timeline shows the live prediction (actual and predicted times) and marks the stops at risk.
  const dayView = () => (day.mode === 'day' ? day.derived : null);
  const shown = () => dayView()?.view ?? state.scenario;
  const atRisk = createMemo(() => new Set((dayView()?.atRisk ?? []).flatMap((r) => (r.orderId ? [r.orderId] : []))));
  const rows = createMemo(() => {
    const scenario = shown();
    return scenario?.plan ? projectTimeline(scenario, scenario.plan.solution) : [];
  });
  const axis = createMemo(() => timelineAxis(rows()));
  const stopCount = () => rows().reduce((n, r) => n + r.stops.length, 0);
  return (
    <section class="timeline" aria-label="Timeline" data-stop-count={stopCount()}>
      <header class="timeline__head">
        <h2 class="section-title">Timeline</h2>
        <TimelineLegend />
      </header>
      <Show when={shown()?.plan ? shown() : null} fallback={<p class="muted timeline__empty">The timeline appears once there is a plan.</p>}>
        {(scenario) => (
          <div class={`timeline__body${state.planStatus === 'valid' || dayView() ? '' : ' timeline__body--untrusted'}`}>
            <div class="timeline__axis" aria-hidden="true">
              <div class="timeline__label" />
              <div class="timeline__ticks">
                <For each={axis().hours}>
                  {(hour) => <span class="timeline__tick" style={{ left: `${axisPercent(axis(), hour * 3600)}%` }}>{formatClock(hour * 3600)}</span>}
                </For>
                <Show when={dayView()}>
                  {(d) => <span class="timeline__now" style={{ left: `${Math.min(100, Math.max(0, axisPercent(axis(), d().prediction.nowS)))}%` }}>now {formatClock(d().prediction.nowS)}</span>}
                </Show>
              </div>
            </div>
            <For each={rows()}>
              {(row) => <TimelineRow row={row} axis={axis()} scenario={scenario()} editable={run.status !== 'running' && !dayView()} atRisk={atRisk()} />}
            </For>
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
