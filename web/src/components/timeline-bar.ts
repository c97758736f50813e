// A stop's elements on a timeline row (TimelineStop.tsx keeps them in step with the page): made once, and moved in
// place when the same stop is predicted again (Day mode makes new stop objects at every clock step and Play tick).
import { axisPercent, stepKindLabel, type TimelineAxis, type TimelineStop as Stop } from '../plan/timeline';
import { formatClock, formatMinutes } from './ui/format';

/** Spans as "08:00–10:00, 15:00–17:00" ("" for none). */
export function spansText(spans: readonly { startS: number; endS: number }[]): string {
  return spans.map((w) => `${formatClock(w.startS)}–${formatClock(w.endS)}`).join(', ');
}

/** A bar's title and label: the stop, its times, wait, lateness and windows. */
export function describe(stop: Stop): string {
  const windows = spansText(stop.windows) || 'any time';
  const wait = stop.waitS > 0 ? `, waits ${formatMinutes(stop.waitS)}` : '';
  const late = stop.lateS > 0 ? `, ${formatMinutes(stop.lateS)} LATE` : '';
  const kind = stop.stepType === 'job' ? '' : ` (${stepKindLabel(stop.stepType).toLowerCase()})`;
  return `Stop ${stop.sequence}${kind}: ${stop.label} — arrives ${formatClock(stop.arrivalS)}${wait}, service ${formatClock(stop.serviceStartS)}–${formatClock(stop.departureS)}${late}; window ${windows}`;
}

/** "left:…%;width:…%" for a span on the axis. */
export function spanCss(axis: TimelineAxis, fromS: number, toS: number): string {
  const left = axisPercent(axis, fromS);
  return `left:${left}%;width:${Math.max(0, axisPercent(axis, toS) - left)}%`;
}

/** One stop's elements, and what its changing parts were last set to (a write only when one differs). */
export interface Bar {
  stop: Stop;
  text: string;
  /** The elements drawn before the bar: its windows, wait and lateness. */
  parts: HTMLElement[];
  /** The windows among them (marked with the selection). */
  windows: HTMLElement[];
  bar: HTMLDivElement;
  /** Where its parts and then the bar were last placed (placement()): a new prediction moves them in place. */
  spans: string[];
  whisker: HTMLDivElement | null;
  whiskerCss: string;
  pin: HTMLElement | null;
  selected: boolean;
  atRisk: boolean;
  color: string;
  draggable: boolean;
}

/** A div of class `cls` with the inline style `css`, set through the CSSOM (the page's CSP refuses style attributes). */
export function element(cls: string, css: string): HTMLDivElement {
  const el = document.createElement('div');
  el.className = cls;
  el.style.cssText = css;
  return el;
}

/** The spans of a stop's elements on `axis`, in the order makeBar adds them: windows, wait, lateness, then the bar. */
function placement(stop: Stop, axis: TimelineAxis): string[] {
  const spans = stop.windows.map((w) => spanCss(axis, w.startS, w.endS));
  if (stop.waitS > 0) spans.push(spanCss(axis, stop.arrivalS, stop.serviceStartS));
  if (stop.lateS > 0) spans.push(spanCss(axis, stop.arrivalS - stop.lateS, stop.arrivalS));
  spans.push(spanCss(axis, stop.serviceStartS, stop.departureS));
  return spans;
}

/**
 * The elements of `stop` on `axis`, added to `track` (at its end, or before `before`); the changing parts are set by
 * `update`.
 */
export function makeBar(track: HTMLElement, stop: Stop, axis: TimelineAxis, before: Element | null = null): Bar {
  const spans = placement(stop, axis);
  const windows = stop.windows.map((_, i) => element('tl-window', spans[i]));
  const parts: HTMLElement[] = [...windows];
  if (stop.waitS > 0) parts.push(element('tl-wait', spans[parts.length]));
  if (stop.lateS > 0) parts.push(element('tl-late', spans[parts.length]));
  const text = describe(stop);
  const bar = element(`tl-stop${stop.lateS > 0 ? ' is-late' : ''}`, spans[parts.length]);
  bar.setAttribute('role', 'button');
  bar.tabIndex = 0;
  bar.title = text;
  bar.dataset.orderId = stop.orderId;
  bar.dataset.stepType = stop.stepType;
  bar.setAttribute('aria-label', text);
  bar.setAttribute('aria-pressed', 'false');
  if (stop.stepType !== 'job') {
    const kind = document.createElement('span');
    kind.className = `tl-stop__kind tl-stop__kind--${stop.stepType}`;
    kind.setAttribute('aria-hidden', 'true');
    kind.textContent = stop.stepType === 'pickup' ? 'P' : 'D';
    bar.append(kind);
  }
  if (before) before.before(...parts, bar);
  else track.append(...parts, bar);
  return { stop, text, parts, windows, bar, spans, whisker: null, whiskerCss: '', pin: null, selected: false, atRisk: false, color: '', draggable: false };
}

/** A bar's elements, in their order in the track: its parts, its whisker, the bar. */
export function barElements(b: Bar): HTMLElement[] {
  return b.whisker ? [...b.parts, b.whisker, b.bar] : [...b.parts, b.bar];
}

/** Whether `next` is `b`'s stop with the same elements (another prediction of it): refit then moves them in place. */
export function sameShape(b: Bar, next: Stop): boolean {
  const s = b.stop;
  return s.orderId === next.orderId && s.stepType === next.stepType && s.windows.length === next.windows.length
    && (s.waitS > 0) === (next.waitS > 0) && (s.lateS > 0) === (next.lateS > 0);
}

/**
 * `b` made `stop`'s (sameShape): its elements placed and described as makeBar would, writing only what differs. In
 * Day mode every prediction of a route is new stop objects: a row's bars were all removed and made again at every
 * clock step and Play tick, a screenful of rows a thousand elements laid out again (issue #15).
 */
export function refit(b: Bar, stop: Stop, axis: TimelineAxis): void {
  b.stop = stop;
  const spans = placement(stop, axis);
  const elements = [...b.parts, b.bar];
  spans.forEach((css, i) => {
    if (css === b.spans[i]) return;
    // Left and width only: the bar's background is its route's colour (update).
    const el = elements[i];
    const [left, width] = css.split(';').map((x) => x.slice(x.indexOf(':') + 1));
    el.style.left = left;
    el.style.width = width;
  });
  b.spans = spans;
  const text = describe(stop);
  if (text !== b.text) {
    b.text = text;
    b.bar.title = text;
    b.bar.setAttribute('aria-label', b.atRisk ? `${text}, at risk` : text);
  }
}

/**
 * The bars of `stops` in `track`, from `bars` drawn before (on the same axis when `sameAxis`): a new axis, or fewer
 * stops, draws them all again; a slice more of the same stops is added. A stop predicted again (Day mode) keeps its
 * elements, moved and described anew (refit); another stop in a bar's place, or one that now waits or is late, gets
 * elements of its own in that place. The selection, pins, risk and colour are `update`'s (TimelineStop.tsx).
 */
export function syncBars(track: HTMLElement, bars: readonly Bar[], stops: readonly Stop[], axis: TimelineAxis, sameAxis: boolean): Bar[] {
  let out = [...bars];
  if (!sameAxis || stops.length < out.length) {
    for (const b of out) for (const el of barElements(b)) el.remove();
    out = [];
  }
  out.forEach((b, i) => {
    if (b.stop === stops[i]) return;
    if (sameShape(b, stops[i])) return refit(b, stops[i], axis);
    const next = out[i + 1];
    for (const el of barElements(b)) el.remove();
    out[i] = makeBar(track, stops[i], axis, next ? barElements(next)[0] : null);
  });
  for (let i = out.length; i < stops.length; i++) out.push(makeBar(track, stops[i], axis));
  return out;
}
