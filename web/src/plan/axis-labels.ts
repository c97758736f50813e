// Which hour labels the timeline's axis shows, and where Day mode's "now HH:MM" label goes among them. Hours too
// narrow for their labels (a day running past midnight: "23:00 00:00 +1 01:00 +1" ran into each other) show
// every second, third… hour; the now label sits right of its line, or left of it when there is no room on the
// right, and the hour labels it would touch are hidden ("now 11:00" sat over "11:00" and "12:00").
// Pure: pixel widths in (Timeline.tsx measures the axis and the now label), the layout out.

/** Widths in px assumed before the now label is measured, and of an hour label ("07:00"; "00:00 +1" past midnight). */
export const NOW_LABEL_PX = 62;
const HOUR_LABEL_PX = 36;
const NEXT_DAY_LABEL_PX = 54;
/** Clear space kept between two labels. */
const GAP_PX = 6;
/** Hours between two shown hour labels, the smallest that fits. */
const STEPS = [1, 2, 3, 4, 6, 12];

export interface NowMark {
  /** The now line, in percent of the axis (clamped to 0…100). */
  percent: number;
  /** The label runs left of the line (no room on its right). */
  flipped: boolean;
  /** The label's extent in px from the axis's left edge; both 0 when the axis width is unknown. */
  fromPx: number;
  toPx: number;
}

/** The now mark at `percent` of an axis `widthPx` wide (0: not measured yet, nothing is hidden), its label `labelPx` wide. */
export function nowMark(percent: number, widthPx: number, labelPx = NOW_LABEL_PX): NowMark {
  const at = Math.min(100, Math.max(0, percent));
  if (!(widthPx > 0)) return { percent: at, flipped: false, fromPx: 0, toPx: 0 };
  const px = (at / 100) * widthPx;
  const flipped = px + labelPx > widthPx && px - labelPx >= 0;
  return { percent: at, flipped, fromPx: flipped ? px - labelPx : px, toPx: flipped ? px : px + labelPx };
}

/** Half the width of the label of `hour` (hours from midnight of the plan's day; 24 and on are the next day's). */
const halfLabel = (hour: number) => (hour >= 24 ? NEXT_DAY_LABEL_PX : HOUR_LABEL_PX) / 2;

/** Whether the label of `hour`, centred at `percent` of the axis, would touch the now label. */
export function coveredByNow(mark: NowMark | null, hour: number, percent: number, widthPx: number): boolean {
  if (!mark || !(widthPx > 0) || mark.toPx <= mark.fromPx) return false;
  const centre = (percent / 100) * widthPx;
  return centre + halfLabel(hour) > mark.fromPx - GAP_PX && centre - halfLabel(hour) < mark.toPx + GAP_PX;
}

/**
 * The hours whose labels an axis of `hours` (whole hours, `fromS`…`toS`) shows at `widthPx`: all of them when they
 * fit, else those on a multiple of the smallest step that leaves room between labels (the first hour when none is).
 * All of them while the width is unknown (0).
 */
export function shownHours(hours: readonly number[], fromS: number, toS: number, widthPx: number): number[] {
  if (!(widthPx > 0) || hours.length < 2 || !(toS > fromS)) return [...hours];
  const hourPx = (widthPx * 3600) / (toS - fromS);
  const widest = Math.max(...hours.map((h) => 2 * halfLabel(h)));
  const step = STEPS.find((s) => s * hourPx >= widest + GAP_PX) ?? STEPS[STEPS.length - 1];
  if (step === 1) return [...hours];
  const shown = hours.filter((h) => h % step === 0);
  return shown.length > 0 ? shown : [hours[0]];
}
