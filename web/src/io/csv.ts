// Reads spreadsheet files into a plain table of strings (CSV through papaparse:
// RFC 4180 quoting, BOM, delimiter sniffing, chunked reading of big files;
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

/** Reads the first sheet of an .xlsx file. */
export async function parseXlsx(input: Blob | ArrayBuffer): Promise<Table> {
  const { readSheet } = await import('read-excel-file/browser');
  const rows = await readSheet(input);
  return makeTable(rows.map((row) => row.map(cellText)));
}

/** Reads any supported spreadsheet file by its extension. */
export function readTableFile(file: File): Promise<Table> {
  return file.name.toLowerCase().endsWith('.xlsx') ? parseXlsx(file) : parseCsv(file);
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
