// One stop on a timeline row: its window(s) as a thin band, the wait before
// service (hatched), the service itself (route colour, draggable) and any
// lateness (red, from the window's close to the arrival). A pinned stop shows a pin;
// with the plan's risk estimated, a whisker spans its likely start (P10–P90).
import { createEffect, createMemo, For, Show, type JSX } from 'solid-js';
import { axisPercent, stepKindLabel, type TimelineAxis, type TimelineStop as Stop } from '../plan/timeline';
import { useApp } from '../store/context';
import { isOrderPinned } from '../store/pins';
import { isOrderSelected } from '../store/ui';
import { PinIcon } from './PinToggle';
import { dragSource } from './ui/dnd';
import { formatClock, formatMinutes, formatShare } from './ui/format';
import type { StopRisk } from '../domain/risk/risk-types';

/** Left and width of a span on the axis, as inline style. */
export function spanStyle(axis: TimelineAxis, fromS: number, toS: number): JSX.CSSProperties {
  const left = axisPercent(axis, fromS);
  return { left: `${left}%`, width: `${Math.max(0, axisPercent(axis, toS) - left)}%` };
}

/** Spans as "08:00–10:00, 15:00–17:00" ("" for none). */
export function spansText(spans: readonly { startS: number; endS: number }[]): string {
  return spans.map((w) => `${formatClock(w.startS)}–${formatClock(w.endS)}`).join(', ');
}

function describe(stop: Stop): string {
  const windows = spansText(stop.windows) || 'any time';
  const wait = stop.waitS > 0 ? `, waits ${formatMinutes(stop.waitS)}` : '';
  const late = stop.lateS > 0 ? `, ${formatMinutes(stop.lateS)} LATE` : '';
  const kind = stop.stepType === 'job' ? '' : ` (${stepKindLabel(stop.stepType).toLowerCase()})`;
  return `Stop ${stop.sequence}${kind}: ${stop.label} — arrives ${formatClock(stop.arrivalS)}${wait}, service ${formatClock(stop.serviceStartS)}–${formatClock(stop.departureS)}${late}; window ${windows}`;
}

/** The P10–P90 spread of a stop's service start under the variability model (issue #14), as a thin bar. */
function TimelineWhisker(props: { axis: TimelineAxis; risk: StopRisk }): JSX.Element {
  const text = () => `Likely start ${formatClock(props.risk.startP10S)}–${formatClock(props.risk.startP90S)} (P10–P90), median ${formatClock(props.risk.startP50S)}, ${formatShare(props.risk.pOnTime)} on time`;
  return <div class="tl-whisker" style={spanStyle(props.axis, props.risk.startP10S, props.risk.startP90S)} title={text()} aria-hidden="true" />;
}

/** The bars of one stop, positioned on `axis`. */
export function TimelineStop(props: { stop: Stop; axis: TimelineAxis; color: string; vehicleId: string; scenarioId: string; editable: boolean; atRisk?: boolean }): JSX.Element {
  const { ui: [uiState, uiActions], pins: [pinsState], edit, risk: [, riskReads], day: [dayState] } = useApp();
  // In Day mode, the risk of the rest of the day (remaining stops only).
  const reads = () => (dayState.mode === 'day' ? dayState.risk : riskReads);
  const figures = () => reads()?.stopRisk(props.stop.orderId, props.stop.stepType === 'job' ? undefined : props.stop.stepType);
  const selected = () => isOrderSelected(uiState, props.stop.orderId);
  const lateFromS = () => props.stop.arrivalS - props.stop.lateS;
  const text = createMemo(() => describe(props.stop));
  let bar!: HTMLDivElement;
  createEffect(() => { if (selected()) bar.scrollIntoView({ block: 'nearest', inline: 'nearest' }); });
  return (
    <>
      <For each={props.stop.windows}>
        {(w) => <div class={`tl-window${selected() ? ' is-selected' : ''}`} style={spanStyle(props.axis, w.startS, w.endS)} />}
      </For>
      <Show when={props.stop.waitS > 0}>
        <div class="tl-wait" style={spanStyle(props.axis, props.stop.arrivalS, props.stop.serviceStartS)} />
      </Show>
      <Show when={props.stop.lateS > 0}>
        <div class="tl-late" style={spanStyle(props.axis, lateFromS(), props.stop.arrivalS)} />
      </Show>
      <Show when={figures()}>
        {(f) => <TimelineWhisker axis={props.axis} risk={f()} />}
      </Show>
      <div
        ref={bar}
        class={`tl-stop${selected() ? ' is-selected' : ''}${props.stop.lateS > 0 ? ' is-late' : ''}${props.atRisk ? ' is-at-risk' : ''}`}
        style={{ ...spanStyle(props.axis, props.stop.serviceStartS, props.stop.departureS), background: props.color }}
        role="button"
        tabindex="0"
        aria-label={`${text()}${props.atRisk ? ', at risk' : ''}`}
        aria-pressed={selected()}
        title={text()}
        data-order-id={props.stop.orderId}
        data-step-type={props.stop.stepType}
        {...dragSource(edit, () => props.stop.orderId, () => !props.editable)}
        onClick={() => uiActions.selectOrder(props.stop.orderId)}
        onKeyDown={(event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); uiActions.selectOrder(props.stop.orderId); } }}
      >
        <Show when={props.stop.stepType !== 'job'}>
          <span class={`tl-stop__kind tl-stop__kind--${props.stop.stepType}`} aria-hidden="true">{props.stop.stepType === 'pickup' ? 'P' : 'D'}</span>
        </Show>
        <Show when={isOrderPinned(pinsState, props.scenarioId, props.stop.orderId)}>
          <span class="tl-stop__pin"><PinIcon /></span>
        </Show>
      </div>
    </>
  );
}
