// One stop on a timeline row: its window(s) as a thin band, the wait before
// service (hatched), the service itself (route colour, draggable) and any
// lateness (red, from the window's close to the arrival). A pinned stop shows a pin;
// with the plan's risk estimated, a whisker spans its likely start (P10–P90).
import { createEffect, createRenderEffect, Show, untrack, type JSX } from 'solid-js';
import { axisPercent, stepKindLabel, type TimelineAxis, type TimelineStop as Stop } from '../plan/timeline';
import { useApp } from '../store/context';
import { isOrderPinned } from '../store/pins';
import { isOrderSelected } from '../store/ui';
import { PinIcon } from './PinToggle';
import { startStopDrag } from './ui/dnd';
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

/** "left:…%;width:…%" for a span on the axis (a style string: applied as a whole, no per-property diffing). */
function spanCss(axis: TimelineAxis, fromS: number, toS: number): string {
  const left = axisPercent(axis, fromS);
  return `left:${left}%;width:${Math.max(0, axisPercent(axis, toS) - left)}%`;
}

/**
 * The bars of one stop, positioned on `axis`. `stop` and `axis` are read once: a new plan brings new stop objects
 * (new bars), and TimelineRow makes its bars again for a new axis. What does change under a bar (selection, pin,
 * risk, colour, whether it can be dragged) is all it tracks: a screenful of rows scrolled into a long timeline
 * mounts hundreds of bars, and each reactive part of a bar was allocation the page paid for in garbage collection
 * (issue #15).
 */
export function TimelineStop(props: { stop: Stop; axis: TimelineAxis; color: string; vehicleId: string; scenarioId: string; editable: boolean; atRisk?: boolean }): JSX.Element {
  const { ui: [uiState, uiActions], pins: [pinsState], edit: [, editActions], risk: [, riskReads], day: [dayState] } = useApp();
  const stop = untrack(() => props.stop);
  const axis = untrack(() => props.axis);
  const orderId = stop.orderId;
  const stepType = stop.stepType;
  const text = describe(stop);
  // In Day mode, the risk of the rest of the day (remaining stops only).
  const figures = () => (dayState.mode === 'day' ? dayState.risk : riskReads)?.stopRisk(orderId, stepType === 'job' ? undefined : stepType);
  const selected = () => isOrderSelected(uiState, orderId);
  const select = () => uiActions.selectOrder(orderId);
  // Styles worked out here, so each element's is set once (a call inside the JSX would be an effect of its own).
  const span = (cls: string, fromS: number, toS: number) => { const css = spanCss(axis, fromS, toS); return <div class={cls} style={/* @once */ css} /> as HTMLElement; };
  const windows = stop.windows.map((w) => span('tl-window', w.startS, w.endS));
  const wait = stop.waitS > 0 ? span('tl-wait', stop.arrivalS, stop.serviceStartS) : null;
  const late = stop.lateS > 0 ? span('tl-late', stop.arrivalS - stop.lateS, stop.arrivalS) : null;
  const kind = stepType === 'job' ? null : <span class={`tl-stop__kind tl-stop__kind--${stepType}`} aria-hidden="true">{stepType === 'pickup' ? 'P' : 'D'}</span>;
  const place = spanCss(axis, stop.serviceStartS, stop.departureS);
  const lateClass = stop.lateS > 0 ? ' is-late' : '';
  let bar!: HTMLDivElement;
  createRenderEffect(() => { const on = selected(); for (const w of windows) w.classList.toggle('is-selected', on); });
  createEffect(() => { if (selected()) bar.scrollIntoView({ block: 'nearest', inline: 'nearest' }); });
  return (
    <>
      {windows}
      {wait}
      {late}
      <Show when={figures()}>
        {(f) => <TimelineWhisker axis={axis} risk={f()} />}
      </Show>
      <div
        ref={bar}
        class={`tl-stop${selected() ? ' is-selected' : ''}${lateClass}${props.atRisk ? ' is-at-risk' : ''}`}
        style={`${place};background:${props.color}`}
        role="button"
        tabindex="0"
        aria-label={`${text}${props.atRisk ? ', at risk' : ''}`}
        aria-pressed={selected()}
        title={text}
        data-order-id={orderId}
        data-step-type={stepType}
        draggable={props.editable}
        onDragStart={(event) => {
          if (props.editable) startStopDrag(editActions, event, orderId);
        }}
        onDragEnd={() => editActions.endDrag()}
        onClick={select}
        onKeyDown={(event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); select(); } }}
      >
        {kind}
        <Show when={isOrderPinned(pinsState, props.scenarioId, orderId)}>
          <span class="tl-stop__pin"><PinIcon /></span>
        </Show>
      </div>
    </>
  );
}
