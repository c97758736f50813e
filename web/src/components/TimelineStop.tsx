// The stops on a timeline row: each stop's window(s) as a thin band, the wait before
// service (hatched), the service itself (route colour, draggable) and any
// lateness (red, from the window's close to the arrival). A pinned stop shows a pin;
// with the plan's risk estimated, a whisker spans its likely start (P10–P90).
// A row's bars are plain elements, kept in step with what changes under them (selection, pins, risk, colour,
// whether they can be dragged) by a few effects of the row, not a component with its own effects per stop:
// a screenful of rows scrolled into a long timeline is hundreds of bars, and each bar's reactive parts were
// allocation that outlived a collection or two, then cost the page pauses of 50-110 ms to move (issue #15).
import { createEffect, createRenderEffect, untrack, type JSX } from 'solid-js';
import { unwrap } from 'solid-js/store';
import type { StopRisk } from '../domain/risk/risk-types';
import { axisPercent, type TimelineAxis, type TimelineStop as Stop } from '../plan/timeline';
import { useApp } from '../store/context';
import { selectedOrderId } from '../store/ui';
import { PinIcon } from './PinToggle';
import { startStopDrag } from './ui/dnd';
import { formatClock, formatShare } from './ui/format';
import { scrollIntoViewSoon } from './ui/scroll-soon';
import { element, spanCss, syncBars, type Bar } from './timeline-bar';

export { spansText } from './timeline-bar';

/** Left and width of a span on the axis, as inline style. */
export function spanStyle(axis: TimelineAxis, fromS: number, toS: number): JSX.CSSProperties {
  const left = axisPercent(axis, fromS);
  return { left: `${left}%`, width: `${Math.max(0, axisPercent(axis, toS) - left)}%` };
}

/** What a stop's whisker says: the P10–P90 spread of its service start under the variability model (issue #14). */
const whiskerText = (risk: StopRisk) =>
  `Likely start ${formatClock(risk.startP10S)}–${formatClock(risk.startP90S)} (P10–P90), median ${formatClock(risk.startP50S)}, ${formatShare(risk.pOnTime)} on time`;

/** What the bars of a row show beyond their stops, as of now. */
interface BarState {
  selected: string | null;
  pinned: Readonly<Record<string, string>> | null;
  risk: ((stop: Stop) => StopRisk | undefined) | null;
  atRisk: ReadonlySet<string> | undefined;
  color: string;
  editable: boolean;
}

function update(b: Bar, axis: TimelineAxis, state: BarState): void {
  const { orderId } = b.stop;
  const selected = state.selected === orderId;
  if (selected !== b.selected) {
    b.selected = selected;
    b.bar.classList.toggle('is-selected', selected);
    b.bar.setAttribute('aria-pressed', String(selected));
    for (const w of b.windows) w.classList.toggle('is-selected', selected);
  }
  const atRisk = state.atRisk?.has(orderId) ?? false;
  if (atRisk !== b.atRisk) {
    b.atRisk = atRisk;
    b.bar.classList.toggle('is-at-risk', atRisk);
    b.bar.setAttribute('aria-label', atRisk ? `${b.text}, at risk` : b.text);
  }
  if (state.color !== b.color) {
    b.color = state.color;
    b.bar.style.background = state.color;
  }
  if (state.editable !== b.draggable) {
    b.draggable = state.editable;
    b.bar.draggable = state.editable;
  }
  const pinned = state.pinned !== null && orderId in state.pinned;
  if (pinned !== (b.pin !== null)) {
    if (b.pin) {
      b.pin.remove();
      b.pin = null;
    } else {
      b.pin = (<span class="tl-stop__pin"><PinIcon /></span>) as HTMLElement;
      b.bar.append(b.pin);
    }
  }
  // The whisker stays the same element while the stop has figures (a new estimate moves it): only a stop without
  // figures loses it.
  const figures = state.risk?.(b.stop);
  if (!figures) {
    b.whisker?.remove();
    b.whisker = null;
    b.whiskerCss = '';
  } else {
    const whisker = (b.whisker ??= element('tl-whisker', ''));
    if (!whisker.isConnected) {
      whisker.setAttribute('aria-hidden', 'true');
      b.bar.before(whisker);
    }
    const css = spanCss(axis, figures.startP10S, figures.startP90S);
    if (b.whiskerCss !== css) {
      b.whiskerCss = css;
      whisker.style.cssText = css;
    }
    const title = whiskerText(figures);
    if (whisker.title !== title) whisker.title = title;
  }
}

/**
 * Keeps `stops()` drawn in `track` on `axis()` (a new axis draws them again), and what changes under them in
 * step: the selection (the selected stop's bar and windows marked, and the bar scrolled into view), its pin, its
 * risk whisker (Day mode: the rest of the day's), `atRisk()`, `color()` and `editable()`. A click or Enter selects
 * a stop; an editable bar can be dragged. Needs a reactive owner (the row's).
 */
export function createStopBars(track: HTMLElement, props: {
  stops: () => readonly Stop[];
  axis: () => TimelineAxis;
  scenarioId: () => string;
  color: () => string;
  editable: () => boolean;
  atRisk: () => ReadonlySet<string> | undefined;
}): void {
  const { ui: [uiState, uiActions], pins: [pinsState], edit: [, editActions], risk: [, riskReads], day: [dayState] } = useApp();
  let bars: Bar[] = [];
  let drawnAxis: TimelineAxis | null = null;
  // One effect for every bar of the row: a change under them (a selection, a new estimate) compares each bar's
  // parts and writes only what differs; a new slice of stops (they come a few per frame) is drawn here too.
  createRenderEffect(() => {
    const axis = props.axis();
    const stops = props.stops();
    const risk = dayState.mode === 'day' ? dayState.risk : riskReads;
    const state: BarState = {
      selected: selectedOrderId(uiState),
      pinned: pinsState.scenarioId === props.scenarioId() ? unwrap(pinsState.orders) : null,
      // Figures per stop: a job's, or a shipment's side. Called for each bar, each call a tracked read of the estimate.
      risk: risk ? (stop) => risk.stopRisk(stop.orderId, stop.stepType === 'job' ? undefined : stop.stepType) : null,
      atRisk: props.atRisk(),
      color: props.color(),
      editable: props.editable(),
    };
    // The estimate is read even by a row with no bar yet, so that its next estimate runs this again.
    risk?.stopRisk('');
    untrack(() => {
      bars = syncBars(track, bars, stops, axis, axis === drawnAxis);
      drawnAxis = axis;
      for (const b of bars) update(b, axis, state);
    });
  });
  // The selected stop's bar is brought into view (in the timeline's own scrolling box too) once it is drawn: when
  // it is selected, or when it is drawn while selected; after the frame that lays it out (scroll-soon.ts: a hand
  // move's bar is drawn again in a frame callback, where a scroll laid the page out before that frame's paint).
  let shown: HTMLElement | null = null;
  createEffect(() => {
    props.stops();
    props.axis();
    const selected = selectedOrderId(uiState);
    const bar = selected === null ? null : bars.find((b) => b.stop.orderId === selected)?.bar ?? null;
    if (bar && bar !== shown) scrollIntoViewSoon(bar, { block: 'nearest', inline: 'nearest' }, () => shown === bar);
    shown = bar;
  });
  const barOf = (event: Event): Bar | undefined => {
    const el = (event.target as Element | null)?.closest?.('.tl-stop');
    return el ? bars.find((b) => b.bar === el) : undefined;
  };
  track.addEventListener('click', (event) => {
    const b = barOf(event);
    if (b) uiActions.selectOrder(b.stop.orderId);
  });
  track.addEventListener('keydown', (event) => {
    const b = barOf(event);
    if (b && event.target === b.bar && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      uiActions.selectOrder(b.stop.orderId);
    }
  });
  track.addEventListener('dragstart', (event) => {
    const b = barOf(event);
    if (b && untrack(props.editable)) startStopDrag(editActions, event, b.stop.orderId);
  });
  track.addEventListener('dragend', (event) => {
    if (barOf(event)) editActions.endDrag();
  });
}
