// Spreadsheet-safe CSV text cells (OWASP "CSV injection"): text that a spreadsheet
// would read as a formula gets a leading quote, reversibly. Pure: the CSV writers
// in io/ and the day report in domain/day/ both use it.

/** Characters that make a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`, tab, carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** What `neutralizeCell` writes: one or more quotes, then a formula start. */
const QUOTED_FORMULA = /^'+[=+\-@\t\r]/;

/**
 * A text cell made safe for spreadsheets: text starting like a formula gets a leading `'`,
 * so Excel, LibreOffice and Sheets show it as text and never run it. Text that already starts
 * with quotes before a formula start gets one more, so `restoreCell` can tell the two apart:
 * `=1+1` → `'=1+1`, `'=1+1` → `''=1+1`, `'note` stays as it is.
 */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) || QUOTED_FORMULA.test(text) ? `'${text}` : text;
}

/** Undoes `neutralizeCell`: the quote it added goes, any other text is left as it is. */
export function restoreCell(text: string): string {
  return QUOTED_FORMULA.test(text) ? text.slice(1) : text;
}
