// Turns a generated table into the bytes of a CSV file as spreadsheet programs
// write them: a delimiter, a line ending, quoting, and an encoding (UTF-8 with or
// without a BOM, UTF-16 LE/BE, Windows-1252), sometimes damaged (cut short, a
// stray quote, UTF-16 without its BOM).
import fc from 'fast-check';

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom' | 'utf16le' | 'windows-1252';
export type Damage = 'none' | 'truncated' | 'stray-quote';

/** How the table is written to bytes. */
export interface CsvShape {
  delimiter: string;
  newline: string;
  encoding: Encoding;
  damage: Damage;
  /** Where a truncation cuts, as a share of the bytes. */
  cutAt: number;
}

export const csvShapeArb: fc.Arbitrary<CsvShape> = fc.record({
  delimiter: fc.constantFrom(',', ',', ';', '\t'),
  newline: fc.constantFrom('\n', '\r\n', '\r'),
  encoding: fc.constantFrom<Encoding>('utf8', 'utf8', 'utf8-bom', 'utf16le-bom', 'utf16be-bom', 'utf16le', 'windows-1252'),
  damage: fc.constantFrom<Damage>('none', 'none', 'none', 'none', 'truncated', 'stray-quote'),
  cutAt: fc.double({ min: 0, max: 1, noNaN: true }),
});

function quoteCell(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** RFC 4180 text of the table with the shape's delimiter and line ending. */
export function csvText(headers: readonly string[], rows: readonly (readonly string[])[], shape: CsvShape): string {
  const lines = [headers, ...rows].map((cells) => cells.map((c) => quoteCell(c, shape.delimiter)).join(shape.delimiter));
  const text = lines.join(shape.newline);
  return shape.damage === 'stray-quote' ? text.replace(shape.delimiter, `${shape.delimiter}"`) : text;
}

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array<ArrayBuffer> {
  const units = (bom ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return bytes;
}

/** Windows-1252 agrees with Latin-1 except in 0x80–0x9F: only text without those (and within 0xFF) is written so. */
export const fitsWindows1252 = (text: string) => /^[\u0000-\u007f\u00a0-\u00ff]*$/.test(text);

/** The text's bytes in `encoding` (Windows-1252 falls back to UTF-8 for text it cannot hold). */
export function encodeText(text: string, encoding: Encoding): Uint8Array<ArrayBuffer> {
  switch (encoding) {
    case 'utf8': return new TextEncoder().encode(text);
    case 'utf8-bom': return new TextEncoder().encode(`\ufeff${text}`);
    case 'utf16le-bom': return utf16(text, true, true);
    case 'utf16be-bom': return utf16(text, false, true);
    case 'utf16le': return utf16(text, true, false);
    case 'windows-1252': return fitsWindows1252(text) ? Uint8Array.from(text, (c) => c.charCodeAt(0)) : new TextEncoder().encode(text);
  }
}

/** The file's bytes: the encoded text, cut short when the shape says so. */
export function csvBytes(text: string, shape: CsvShape): Uint8Array<ArrayBuffer> {
  const bytes = encodeText(text, shape.encoding);
  return shape.damage === 'truncated' ? bytes.slice(0, Math.floor(bytes.length * shape.cutAt)) : bytes;
}
