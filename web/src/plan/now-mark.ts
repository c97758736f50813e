// Where the timeline's "now HH:MM" label goes on the hour axis in Day mode, and which hour labels it would
// cover: the label sits right of the now line, or left of it when there is no room on the right, and the
// hour labels under it are hidden (they sat on top of each other, "now 11:00" over "11:00" and "12:00").
// Pure: pixel widths in, the layout out (Timeline.tsx measures the axis).

/** Widths in px the layout assumes: the label ("now 11:00" at 11 px, its 2 px line and padding), half an hour label. */
export const NOW_LABEL_PX = 62;
export const TICK_HALF_PX = 17;
/** Clear space kept between the now label and an hour label. */
const GAP_PX = 4;

export interface NowMark {
  /** The now line, in percent of the axis (clamped to 0…100). */
  percent: number;
  /** The label runs left of the line (no room on its right). */
  flipped: boolean;
  /** The label's extent in px from the axis's left edge; both 0 when the axis width is unknown. */
  fromPx: number;
  toPx: number;
}

/** The now mark at `percent` of an axis `widthPx` wide (0: not measured yet, nothing is hidden). */
export function nowMark(percent: number, widthPx: number): NowMark {
  const at = Math.min(100, Math.max(0, percent));
  if (!(widthPx > 0)) return { percent: at, flipped: false, fromPx: 0, toPx: 0 };
  const px = (at / 100) * widthPx;
  const flipped = px + NOW_LABEL_PX > widthPx && px - NOW_LABEL_PX >= 0;
  return { percent: at, flipped, fromPx: flipped ? px - NOW_LABEL_PX : px, toPx: flipped ? px : px + NOW_LABEL_PX };
}

/** Whether the hour label centred at `percent` of the axis would touch the now label. */
export function coveredByNow(mark: NowMark | null, percent: number, widthPx: number): boolean {
  if (!mark || !(widthPx > 0) || mark.toPx <= mark.fromPx) return false;
  const centre = (percent / 100) * widthPx;
  return centre + TICK_HALF_PX > mark.fromPx - GAP_PX && centre - TICK_HALF_PX < mark.toPx + GAP_PX;
}
