// Column widths of the route table (issue #15). Its rows are laid out as grids, not as a
// CSS table (styles.css says why), so the columns no longer size themselves to their
// widest cell: each figure column is as wide as the longest text it shows (the totals,
// or the longest start or end clock), and the vehicle names keep the rest of the width.

/** Widths of the pin and vehicle columns, before the figures. */
const LEAD_COLUMNS = '26px minmax(0, 1fr)';
/** Narrowest figure column: its header ("Hours", "Start") in small capitals. */
const MIN_WIDTH = '3.6em';
/** Separators (",", ".", ":", " ") are narrower than a tabular digit (one `ch`). */
const NARROW = /[,.: ]/;
const NARROW_CH = 0.45;
/** Room for the bold totals row (bold digits are a little wider). */
const BOLD = 1.08;
/** Cell padding, 6px each side (4px in a long table's scrolling box: styles.css). */
const PADDING_PX = 12;

/** Width of `text` in `ch` of the table's tabular figures (an upper bound). */
export function textWidthCh(text: string): number {
  let width = 0;
  for (const char of text) width += NARROW.test(char) ? NARROW_CH : 1;
  return width;
}

/**
 * `grid-template-columns` of the route table: pin, vehicle name, then one column per entry of `texts`, wide
 * enough for its widest text with `paddingPx` of cell padding.
 */
export function routeColumns(texts: readonly (readonly string[])[], paddingPx = PADDING_PX): string {
  const figures = texts.map((column) => {
    const widest = column.reduce((most, text) => Math.max(most, textWidthCh(text)), 0);
    return `max(${MIN_WIDTH}, calc(${(widest * BOLD).toFixed(2)}ch + ${paddingPx}px))`;
  });
  return [LEAD_COLUMNS, ...figures].join(' ');
}
