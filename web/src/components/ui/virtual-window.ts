// Which rows of a long list of equal-height rows are worth putting in the DOM
// (issue #15): those in the scrolled viewport plus some overscan, with spacer
// heights standing in for the rest so the scrollbar stays true. One row may be
// taller than the others (the route table's open route, its stops unfolded).

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
  /** The one row taller than `rowHeight`, and by how much (px); none when absent. */
  tall?: TallRow | null;
}

/** Row `index` is `extra` px taller than the others. */
export interface TallRow {
  index: number;
  extra: number;
}

/** Rows of `rowHeight` px with at most one `tall` row: where each row starts, and which row holds a y. */
function rowGeometry(count: number, rowHeight: number, tall: TallRow | null | undefined) {
  const at = tall && tall.index >= 0 && tall.index < count && tall.extra > 0 ? tall : null;
  const top = (i: number) => i * rowHeight + (at && i > at.index ? at.extra : 0);
  const height = (i: number) => rowHeight + (at && i === at.index ? at.extra : 0);
  const rowAt = (y: number) => {
    const plain = Math.floor(Math.max(0, y) / rowHeight);
    if (!at || plain <= at.index) return plain;
    return Math.max(at.index, Math.floor((y - at.extra) / rowHeight));
  };
  return { top, height, rowAt, total: count * rowHeight + (at ? at.extra : 0) };
}

/** The rows a viewport needs; every row when the row height is not known yet. */
export function virtualWindow({ count, rowHeight, scrollTop, viewport, overscan, tall }: WindowInput): VirtualWindow {
  if (count <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  if (!(rowHeight > 0)) return { start: 0, end: count, padTop: 0, padBottom: 0 };
  const rows = rowGeometry(count, rowHeight, tall);
  const first = Math.min(count - 1, rows.rowAt(scrollTop));
  const last = rows.rowAt(Math.max(0, scrollTop) + Math.max(0, viewport));
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, last + 1 + overscan);
  return { start, end, padTop: rows.top(start), padBottom: rows.total - rows.top(end) };
}

/**
 * The scrollTop that brings row `index` into view (least movement), or null if it is already in view. A row
 * taller than the viewport is brought to the top.
 */
export function scrollToRow(index: number, rowHeight: number, scrollTop: number, viewport: number, tall?: TallRow | null): number | null {
  const rows = rowGeometry(index + 1, rowHeight, tall);
  const top = rows.top(index);
  const height = rows.height(index);
  if (top < scrollTop || height > viewport) return top === scrollTop ? null : top;
  if (top + height > scrollTop + viewport) return top + height - viewport;
  return null;
}
