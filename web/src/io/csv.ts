// Reads spreadsheet files into a plain table of strings (CSV through papaparse:
// RFC 4180 quoting, BOM and UTF-16 / Windows-1252 files, delimiter sniffing;
// .xlsx through read-excel-file, loaded only when such a file is opened) and
// writes tables back as CSV with formula-like text cells neutralised (OWASP CSV
// injection), which reading gives back as the original text.
import Papa from 'papaparse';
import { neutralizeCell, restoreCell } from '../domain/csv-cell';

export { neutralizeCell, restoreCell };

/** A file's first row as headers and every other non-empty row as cells. */
export interface Table {
  headers: string[];
  rows: string[][];
  /**
   * The spreadsheet's row number of each row (1 is the file's first line or record): blank rows and a title above
   * the header are not rows of the table, and messages name the row the dispatcher sees. Absent: the header is
   * row 1 and no row is blank (row i is number i + 2).
   */
  rowNumbers?: number[];
  /** Problems with the file's shape (rows longer or shorter than the header). */
  warnings: string[];
  /**
   * A workbook of several sheets: the sheet read, every sheet's name in the workbook's order, and those that look
   * like a table (a row of two cells or more with a row below it: not a cover or instructions sheet).
   */
  sheets?: { read: string; names: string[]; tables: string[] };
}

/** Spreadsheet file kinds the importer reads as tables. */
export const TABLE_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'] as const;

const BOM = '\ufeff';

/** The words of a totals row's first cell ("Total", "Summe", "Totaal", "Razem", "I alt"), lower case, without accents or a colon. */
const TOTAL_WORDS: ReadonlySet<string> = new Set(['total', 'totals', 'grand total', 'sum', 'summe', 'gesamt', 'gesamtsumme', 'totaal', 'totale', 'suma', 'razem', 'totalt', 'i alt', 'yhteensa']);

/** A row whose first filled cell is a totals word and whose other filled cells are numbers (one at least). */
function isTotalsRow(row: readonly string[]): boolean {
  const filled = row.map((c) => (c ?? '').trim()).filter(Boolean);
  const word = (filled[0] ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[:.]+$/, '').trim().toLowerCase();
  return TOTAL_WORDS.has(word) && filled.length > 1 && filled.slice(1).every((c) => /\d/.test(c) && !/[a-z]{3,}/i.test(c));
}

/** Rows below a two-row header looked at to tell it from a first row of data. */
const GROUP_SAMPLE = 20;

const filledCells = (row: readonly string[]) => row.reduce((n, cell) => n + ((cell ?? '').trim() !== '' ? 1 : 0), 0);

/** Filled rows a title and notes may take above the header ("Orders for Thursday 10/12", "Printed 07:12"). */
const TITLE_ROWS = 5;

/**
 * Whether a row of two filled cells or fewer above the header may be a row of group names rather than a title: its
 * first cell is empty (a title starts the sheet), no cell holds a digit (a date, "Printed 07:12"), and each name
 * stands over a column the header names. `groupedHeader` then says whether the data below bear it out.
 */
function groupRowAbove(group: readonly string[], header: readonly string[]): boolean {
  const filled = group.map((cell, c) => ({ text: restoreCell(cell ?? '').trim(), c })).filter((g) => g.text !== '');
  return (group[0] ?? '').trim() === '' && filled.length > 0
    && filled.every((g) => !/\d/.test(g.text) && (header[g.c] ?? '').trim() !== '');
}

/**
 * Which of the filled rows is the header: the first of three filled cells or more when the rows above it (a few at
 * most) have two or fewer, a sheet's title and notes: taken as the header, a title made every row of the file a
 * row without a place. A header that names fewer columns than its rows have is still the header (their extra cells
 * are reported), and so is the first row of a file of one or two columns.
 */
function headerIndex(lines: readonly { row: readonly string[] }[]): number {
  const head = lines.slice(0, TITLE_ROWS + 1).findIndex((l) => filledCells(l.row) > 2);
  if (head <= 0) return 0;
  // Only titles above a header of three columns or more, none of them a number: "Order" | "Lat" above
  // "1" | "45.7" | "4.8" is a header that names two of three columns, not a title above a header.
  const header = lines[head].row;
  return header.some((cell) => NUMBER.test((cell ?? '').trim())) ? 0 : head;
}

const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;

/**
 * A header of two rows, as a hand-made sheet writes one: a group name over some columns (a merged cell, read in its
 * first column only: "Delivery window" over "From" | "To", "Location" over "Lat" | "Lng") above the columns' own
 * names. The names of the second row are read under their group ("Delivery window From"), and a name alone in
 * either row as it is; null when the row below the header is no such row. It is one when none of its cells holds
 * a digit, and at least one of them continues a group (under an empty header cell, right of a filled one) over a
 * column whose cells below mostly do: a first row of data has digits (ids, times, amounts, coordinates), and text
 * under an unnamed column ("x" in a column of x's) is data.
 */
function groupedHeader(header: readonly string[], next: readonly string[], below: readonly (readonly string[])[]): string[] | null {
  const cell = (row: readonly string[], c: number) => restoreCell(row[c] ?? '').trim();
  // To the last named column: a row's trailing empty cells (",,Pickup,,," is six cells) name no column.
  const lastNamed = (row: readonly string[]) => row.reduce((last, _, c) => (cell(row, c) ? c : last), -1);
  const width = Math.max(lastNamed(header), lastNamed(next)) + 1;
  const names = Array.from({ length: width }, (_, c) => cell(next, c));
  if (names.some((name) => /\d/.test(name)) || below.length === 0) return null;
  const groupOf: string[] = [];
  let group = '';
  for (let c = 0; c < width; c++) {
    if (cell(header, c)) group = cell(header, c);
    groupOf.push(group);
  }
  const continues = names.some((name, c) => {
    if (!name || cell(header, c) || !groupOf[c]) return false;
    const filled = below.map((row) => cell(row, c)).filter(Boolean);
    return filled.length > 0 && filled.filter((text) => /\d/.test(text)).length * 2 >= filled.length;
  });
  if (!continues) return null;
  return names.map((name, c) => (!name ? cell(header, c) : cell(header, c) ? `${cell(header, c)} ${name}` : groupOf[c] ? `${groupOf[c]} ${name}` : name));
}

/**
 * Turns raw rows (the file's records in order, blank ones included) into a table: blank rows are left out and a
 * title above the header is skipped (both said in `warnings` when they hold text), each row keeps its spreadsheet
 * row number; rows are padded to the header width, longer rows are reported, cells neutralised by `toCsv` read
 * as their original text.
 */
export function makeTable(raw: readonly (readonly string[])[]): Table {
  const lines = raw.flatMap((row, i) => (row.some((cell) => (cell ?? '').trim() !== '') ? [{ row: i === 0 ? row.map((c, j) => (j === 0 ? c.replace(BOM, '') : c)) : row, number: i + 1 }] : []));
  if (lines.length === 0) throw new Error('the file is empty');
  const sample = (from: number) => lines.slice(from, from + GROUP_SAMPLE).map((l) => l.row);
  let head = headerIndex(lines);
  // Groups of two cells or fewer right above the header ("Pickup" over "Address" | "Lat" | "Lng", "Delivery" over
  // the same words) were taken for a title: the header is that row and the one below it.
  let grouped = head > 0 && groupRowAbove(lines[head - 1].row, lines[head].row) ? groupedHeader(lines[head - 1].row, lines[head].row, sample(head + 1)) : null;
  if (grouped) head -= 1;
  else grouped = lines[head + 1] ? groupedHeader(lines[head].row, lines[head + 1].row, sample(head + 2)) : null;
  const headerLine = lines[head];
  const headers = grouped ?? headerLine.row.map((h) => restoreCell(h).trim());
  const warnings: string[] = [];
  if (head > 0) {
    const above = lines.slice(0, head).map((l) => l.row.filter((c) => (c ?? '').trim() !== '').map((c) => `“${restoreCell(c).trim()}”`).join(' '));
    warnings.push(`the header is ${grouped ? `rows ${headerLine.number} and ${lines[head + 1].number}` : `row ${headerLine.number}`}; ${head === 1 ? `row ${lines[0].number} above it is` : `rows ${lines.slice(0, head).map((l) => l.number).join(', ')} above it are`} taken as the sheet's title and not imported: ${above.join(', ')}`);
  }
  const body = lines.slice(head + (grouped ? 2 : 1));

  const rows = body.map(({ row, number }) => {
    const extra = row.slice(headers.length).filter((cell) => (cell ?? '').trim() !== '');
    if (extra.length > 0) warnings.push(`row ${number} has ${row.length} cells but the header has ${headers.length}; cells past the last column are not imported: ${extra.map((c) => `'${c}'`).join(', ')}`);
    return headers.map((_, column) => restoreCell(row[column] ?? ''));
  });
  const rowNumbers = body.map((l) => l.number);
  const plain = rowNumbers.every((n, i) => n === i + 2);
  return plain ? { headers, rows, warnings } : { headers, rows, rowNumbers, warnings };
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** How many times `delimiter` occurs in `line` outside double quotes (a line cut inside a quoted cell counts what it has). */
function delimitersIn(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count += 1;
  }
  return count;
}

/**
 * The delimiter of CSV text: the one that splits the most of its first lines into the same number of cells (more
 * cells on a tie). A title line above the header ("Pedidos del jueves 10/12/2026") split papaparse's guess between
 * "," and ";" and it took the decimal commas of the rows for the delimiter; null when no candidate splits a line.
 */
export function sniffDelimiter(text: string): string | null {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 30);
  let best: { delimiter: string; lines: number; cells: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = delimitersIn(line, delimiter);
      if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    for (const [cells, many] of counts) {
      if (!best || many > best.lines || (many === best.lines && cells > best.cells)) best = { delimiter, lines: many, cells };
    }
  }
  return best?.delimiter ?? null;
}

/** Excel's first line "sep=;" names the delimiter; Excel does not show it as a row. */
const SEPARATOR_LINE = /^sep=(.)\r?\n/i;

/**
 * Parses CSV text or a CSV file (read in chunks); the delimiter is the one Excel's "sep=" line names, else sniffed
 * (`sniffDelimiter` for text, papaparse's guess for a file).
 */
export function parseCsv(input: string | File): Promise<Table> {
  let text = typeof input === 'string' ? input.replace(/^\ufeff/, '') : null;
  let delimiter: string | null = null;
  if (text !== null) {
    const separator = SEPARATOR_LINE.exec(text);
    if (separator) {
      delimiter = separator[1];
      text = text.slice(separator[0].length);
    } else delimiter = sniffDelimiter(text);
  }
  return new Promise((resolve, reject) => {
    const config = {
      ...(delimiter ? { delimiter } : {}),
      // Blank lines are kept as records so that a row's number is its line's (makeTable leaves them out).
      skipEmptyLines: false,
      complete: (result: Papa.ParseResult<string[]>) => {
        // Quote errors make papaparse guess; a wrong guess would import shifted cells.
        const quote = result.errors.find((e) => e.type === 'Quotes');
        if (quote) return reject(new Error(`row ${(quote.row ?? 0) + 1}: ${quote.message}`));
        try {
          resolve(makeTable(result.data));
        } catch (error) {
          reject(error);
        }
      },
      error: (error: Error) => reject(error),
    };
    if (text !== null) Papa.parse<string[]>(text, config);
    else Papa.parse<string[]>(input, config);
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The first instant after a workbook's day 0: 1899-12-30/31 when it counts days from 1900, 1904-01-01 when it
 * counts them from 1904 (old Mac Excel, `date1904`). A date before it is a time of day alone; no delivery falls there.
 */
const AFTER_DAY_ZERO = Date.UTC(1904, 0, 2);

/** A spreadsheet cell as text: dates on Excel's day 0 (of either date system) are times of day ("10:00"). */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    // To the nearest second first: a workbook stores 2026-12-10 13:00 as the day number 46366.541666666664, a hair
    // before 13:00, and read to the millisecond it was 12:59.
    const at = new Date(Math.round(cell.getTime() / 1000) * 1000);
    const time = `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
    return at.getTime() < AFTER_DAY_ZERO ? time : `${at.toISOString().slice(0, 10)} ${time}`;
  }
  return String(cell);
}

/** "A", "B" … "Z", "AA": the spreadsheet letters of column `index` (0-based). */
function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The reader's "<c/> at row 3, col 2: VALUE_INVALID" in the words of the rest of the import; a reader crash as a damaged file. */
export function xlsxMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The reader's own failure on damaged bytes ("Cannot read properties of undefined") says nothing to a person.
  if (error instanceof TypeError || error instanceof RangeError) return 'the .xlsx file could not be read: it is damaged or not a workbook (save it again from the spreadsheet program)';
  const cell = /at row (\d+), col (\d+): (\w+)/.exec(message);
  if (!cell) return `the .xlsx file could not be read (${message})`;
  return `row ${cell[1]}, column ${columnLetters(Number(cell[2]) - 1)}: the cell's value cannot be read (${cell[3]})`;
}

/** A sheet's rows as text; a date outside the calendar is an error naming its cell. */
function sheetTable(rows: readonly (readonly unknown[])[], sheet: string | null): Table {
  const where = sheet === null ? '' : `sheet “${sheet}”, `;
  return makeTable(rows.map((row, r) => row.map((cell, c) => {
    if (cell instanceof Date && Number.isNaN(cell.getTime())) throw new Error(`${where}row ${r + 1}, column ${columnLetters(c)}: the date cannot be read (it lies outside the calendar)`);
    return cellText(cell);
  })));
}

/** Whether a sheet's cells look like a table without reading it: a row of two filled cells or more, and a row below it. */
function looksLikeTable(data: readonly (readonly unknown[])[]): boolean {
  const filled = (cell: unknown) => cell !== null && cell !== undefined && String(cell).trim() !== '';
  const header = data.findIndex((row) => row.filter(filled).length >= 2);
  return header >= 0 && data.slice(header + 1).some((row) => row.some(filled));
}

/** A sheet that holds a table: a header of two columns or more and a row below it. */
const isTable = (table: Table) => table.rows.length > 0 && filledCells(table.headers) >= 2;

/**
 * Reads an .xlsx file: the sheet named `sheet`, or else the first sheet that holds a table (a workbook often opens
 * on a cover or instructions sheet, its orders on the next). With several sheets the table says which was read and
 * names them all, so another can be chosen.
 */
export async function parseXlsx(input: Blob | ArrayBuffer, sheet?: string): Promise<Table> {
  const { default: readXlsxFile } = await import('read-excel-file/browser');
  const sheets = await readXlsxFile(input).catch((error: unknown) => {
    throw new Error(xlsxMessage(error));
  });
  // Sheets with nothing in them (a chart sheet, read as no data at all; an empty "Sheet3") are not offered.
  const filled = sheets.filter((s) => (s.data ?? []).some((row) => row.some((cell) => cell !== null && cell !== undefined && String(cell).trim() !== '')));
  const names = filled.map((s) => s.sheet);
  if (filled.length <= 1) return sheetTable((filled[0] ?? sheets[0])?.data ?? [], null);
  const tables = filled.filter((s) => looksLikeTable(s.data)).map((s) => s.sheet);
  const named = (table: Table, read: string): Table => ({ ...table, sheets: { read, names, tables } });
  if (sheet !== undefined) {
    const chosen = filled.find((s) => s.sheet === sheet);
    if (!chosen) throw new Error(`the workbook has no sheet “${sheet}” (its sheets: ${names.join(', ')})`);
    return named(sheetTable(chosen.data, sheet), sheet);
  }
  let first: Error | null = null;
  for (const { sheet: name, data } of filled) {
    try {
      const table = sheetTable(data, name);
      if (isTable(table)) return named(table, name);
    } catch (error) {
      first ??= error instanceof Error ? error : new Error(String(error));
    }
  }
  // No sheet holds a table: the first sheet's own reading says what is wrong with it.
  if (first) throw first;
  return named(sheetTable(filled[0].data, names[0]), names[0]);
}

/**
 * A CSV file's text from its bytes: a BOM says UTF-8 or UTF-16 (LE or BE, as
 * Excel's "Unicode text" writes it); bytes that are not UTF-8 are read as
 * Windows-1252 (Excel's "CSV" on Windows). Decoding the whole file also keeps
 * a character split between two read chunks whole.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  // UTF-16 without its BOM: every other byte of Latin text is zero.
  const zeros = text.slice(0, 4096).split('\u0000').length - 1;
  if (zeros > 0 && zeros * 4 >= Math.min(text.length, 4096)) {
    throw new Error('the file looks like UTF-16 text without a byte order mark: save it as "CSV UTF-8" and import that file');
  }
  return text;
}

/** Reads any supported spreadsheet file by its extension (of a workbook, the sheet named `sheet`; see parseXlsx). */
export async function readTableFile(file: File, sheet?: string): Promise<Table> {
  if (file.name.toLowerCase().endsWith('.xlsx')) return withoutTotals(await parseXlsx(file, sheet));
  return withoutTotals(await parseCsv(decodeCsvBytes(new Uint8Array(await file.arrayBuffer()))));
}

/**
 * An orders or vehicles table without the sheet's totals under its rows ("Total" | | 30 | 5: no order or vehicle),
 * said in its warnings. Only the import's tables: a travel matrix or the planner's own reports read as written.
 */
export function withoutTotals(table: Table): Table {
  const n = table.rows.length;
  if (n < 2 || !isTotalsRow(table.rows[n - 1])) return table;
  const number = table.rowNumbers?.[n - 1] ?? n + 1;
  const cells = table.rows[n - 1].filter((c) => c.trim() !== '').map((c) => `“${c.trim()}”`).join(' ');
  return {
    ...table, rows: table.rows.slice(0, -1), ...(table.rowNumbers ? { rowNumbers: table.rowNumbers.slice(0, -1) } : {}),
    warnings: [...table.warnings, `row ${number} reads as the sheet's totals and is not imported: ${cells}`],
  };
}

/**
 * A cell as written: text is neutralised, numbers are written as numbers (a negative
 * number such as -3 is a plain value to a spreadsheet, not a formula, and must stay a number).
 */
const csvCell = (cell: string | number): string | number => (typeof cell === 'string' ? neutralizeCell(cell) : cell);

/**
 * Writes a table as RFC 4180 CSV (CRLF line ends, quotes where needed). Headers and text
 * cells are neutralised against formula injection (see `neutralizeCell`); reading the text
 * back with `parseCsv` or an .xlsx saved from it gives the original text.
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return Papa.unparse({ fields: headers.map(neutralizeCell), data: rows.map((r) => r.map(csvCell)) }, { newline: '\r\n' });
}
