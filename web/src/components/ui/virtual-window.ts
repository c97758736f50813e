// Which rows of a long list of equal-height rows are worth putting in the DOM
// (issue #15): those in the scrolled viewport plus some overscan, with spacer
// heights standing in for the rest so the scrollbar stays true.

/** Rows [start, end) to render, and the space above and below them. */
export interface VirtualWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

/** Inputs in pixels: `scrollTop` is measured from the first row (headers subtracted). */
export interface WindowInput {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewport: number;
  /** Extra rows rendered on each side, so a quick scroll shows rows, not blank space. */
  overscan: number;
}

/** The rows a viewport needs; every row when the row height is not known yet. */
export function virtualWindow({ count, rowHeight, scrollTop, viewport, overscan }: WindowInput): VirtualWindow {
  if (count <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  if (!(rowHeight > 0)) return { start: 0, end: count, padTop: 0, padBottom: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  const start = Math.max(0, Math.min(count - 1, first) - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight };
}

/** The scrollTop that brings row `index` into view (least movement), or null if it is already in view. */
export function scrollToRow(index: number, rowHeight: number, scrollTop: number, viewport: number): number | null {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return null;
}
