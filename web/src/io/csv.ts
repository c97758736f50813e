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
  /** Problems with the file's shape (rows longer or shorter than the header). */
  warnings: string[];
}

/** Spreadsheet file kinds the importer reads as tables. */
export const TABLE_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx'] as const;

const BOM = '\ufeff';

/** Turns raw rows into a table; rows are padded to the header width, longer rows are reported, cells neutralised by `toCsv` read as their original text. */
export function makeTable(raw: readonly (readonly string[])[]): Table {
  const nonEmpty = raw.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (nonEmpty.length === 0) throw new Error('the file is empty');
  const headers = nonEmpty[0].map((h, i) => restoreCell(i === 0 ? h.replace(BOM, '') : h).trim());
  const warnings: string[] = [];
  const rows = nonEmpty.slice(1).map((row, i) => {
    const extra = row.slice(headers.length).filter((cell) => cell.trim() !== '');
    if (extra.length > 0) warnings.push(`row ${i + 2} has ${row.length} cells but the header has ${headers.length}; cells past the last column are not imported: ${extra.map((c) => `'${c}'`).join(', ')}`);
    return headers.map((_, column) => restoreCell(row[column] ?? ''));
  });
  return { headers, rows, warnings };
}

/** Parses CSV text or a CSV file (read in chunks); the delimiter is sniffed. */
export function parseCsv(input: string | File): Promise<Table> {
  return new Promise((resolve, reject) => {
    const config = {
      skipEmptyLines: 'greedy' as const,
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
    if (typeof input === 'string') Papa.parse<string[]>(input.replace(/^\ufeff/, ''), config);
    else Papa.parse<string[]>(input, config);
  });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A spreadsheet cell as text: dates whose day is Excel's epoch are times of day ("10:00"). */
export function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const time = `${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}`;
    return cell.getUTCFullYear() < 1901 ? time : `${cell.toISOString().slice(0, 10)} ${time}`;
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

/** Reads the first sheet of an .xlsx file; a date outside the calendar is an error naming its cell. */
export async function parseXlsx(input: Blob | ArrayBuffer): Promise<Table> {
  const { readSheet } = await import('read-excel-file/browser');
  const rows = await readSheet(input).catch((error: unknown) => {
    throw new Error(xlsxMessage(error));
  });
  return makeTable(rows.map((row, r) => row.map((cell, c) => {
    if (cell instanceof Date && Number.isNaN(cell.getTime())) throw new Error(`row ${r + 1}, column ${columnLetters(c)}: the date cannot be read (it lies outside the calendar)`);
    return cellText(cell);
  })));
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

/** Reads any supported spreadsheet file by its extension. */
export async function readTableFile(file: File): Promise<Table> {
  if (file.name.toLowerCase().endsWith('.xlsx')) return parseXlsx(file);
  return parseCsv(decodeCsvBytes(new Uint8Array(await file.arrayBuffer())));
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
