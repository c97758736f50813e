// Writes real .xlsx bytes for the fuzzers: a tiny ZIP writer (stored or
// deflated entries, CRC-32, central directory) and the five XML parts a
// workbook needs. Cells may be strings (shared or inline), numbers, booleans,
// dates (a number with a date style) or raw XML, so malformed cells are possible.
import { deflateRawSync } from 'node:zlib';

/** One cell as written into sheet1.xml. */
export type XlsxCell =
  | { t: 'shared'; v: string }
  | { t: 'inline'; v: string }
  | { t: 'number'; v: string }
  | { t: 'bool'; v: string }
  | { t: 'date'; v: number }
  | { t: 'raw'; xml: string }
  | null;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of ZIP (IEEE 802.3). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Entry { name: Uint8Array; data: Uint8Array; stored: Uint8Array; method: number; crc: number; offset: number }

function header(size: number, fill: (view: DataView) => void): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  fill(new DataView(bytes.buffer));
  return bytes;
}

function localHeader(e: Entry): Uint8Array<ArrayBuffer> {
  return header(30, (d) => {
    d.setUint32(0, 0x04034b50, true); d.setUint16(4, 20, true); d.setUint16(8, e.method, true);
    d.setUint32(14, e.crc, true); d.setUint32(18, e.stored.length, true); d.setUint32(22, e.data.length, true);
    d.setUint16(26, e.name.length, true);
  });
}

function centralHeader(e: Entry): Uint8Array<ArrayBuffer> {
  return header(46, (d) => {
    d.setUint32(0, 0x02014b50, true); d.setUint16(4, 20, true); d.setUint16(6, 20, true); d.setUint16(10, e.method, true);
    d.setUint32(16, e.crc, true); d.setUint32(20, e.stored.length, true); d.setUint32(24, e.data.length, true);
    d.setUint16(28, e.name.length, true); d.setUint32(42, e.offset, true);
  });
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** A ZIP archive of `files` (name → text), deflated or stored. */
export function zip(files: Record<string, string>, deflate = true): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = encoder.encode(text);
    const stored = deflate ? new Uint8Array(deflateRawSync(data)) : data;
    const entry: Entry = { name: encoder.encode(name), data, stored, method: deflate ? 8 : 0, crc: crc32(data), offset };
    const local = concat([localHeader(entry), entry.name, stored]);
    parts.push(local);
    entries.push(entry);
    offset += local.length;
  }
  const central = concat(entries.flatMap((e) => [centralHeader(e), e.name]));
  const end = header(22, (d) => {
    d.setUint32(0, 0x06054b50, true); d.setUint16(8, entries.length, true); d.setUint16(10, entries.length, true);
    d.setUint32(12, central.length, true); d.setUint32(16, offset, true);
  });
  return concat([...parts, central, end]);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
  // XML 1.0 cannot carry most control characters: spreadsheets write them as _xHHHH_.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, '0')}_`)
  .replace(/[\ud800-\udfff]/g, '\ufffd');

/** "A", "B" … "Z", "AA": the column letters of index `i`. */
export function columnName(i: number): string {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(cell: XlsxCell, ref: string, shared: string[]): string {
  if (cell === null) return '';
  switch (cell.t) {
    case 'shared': shared.push(cell.v); return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
    case 'inline': return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.v)}</t></is></c>`;
    case 'number': return `<c r="${ref}"><v>${escapeXml(cell.v)}</v></c>`;
    case 'bool': return `<c r="${ref}" t="b"><v>${escapeXml(cell.v)}</v></c>`;
    case 'date': return `<c r="${ref}" s="1"><v>${cell.v}</v></c>`;
    case 'raw': return cell.xml.replace('{ref}', ref);
  }
}

function sheetXml(rows: readonly (readonly XlsxCell[])[], shared: string[]): string {
  const body = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((c, i) => cellXml(c, `${columnName(i)}${r + 1}`, shared)).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

const NS = 'http://schemas.openxmlformats.org';

/** The parts of a one-sheet workbook holding `rows`; style 1 is a date-time format. */
export function xlsxParts(rows: readonly (readonly XlsxCell[])[]): Record<string, string> {
  return workbookParts([{ name: 'Sheet1', rows }]);
}

/** The parts of a workbook of named sheets, in order. */
export function workbookParts(sheets: readonly { name: string; rows: readonly (readonly XlsxCell[])[] }[]): Record<string, string> {
  const shared: string[] = [];
  const xml = sheets.map((sheet) => sheetXml(sheet.rows, shared));
  const strings = shared.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('');
  const n = sheets.map((_, i) => i + 1);
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${n.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships"><Relationship Id="rId1" Type="${NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${NS}/officeDocument/2006/relationships"><sheets>${sheets.map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}/package/2006/relationships">${n.map((i) => `<Relationship Id="rId${i}" Type="${NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${NS}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdY" Type="${NS}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${strings}</sst>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  };
  xml.forEach((sheet, i) => { parts[`xl/worksheets/sheet${i + 1}.xml`] = sheet; });
  return parts;
}

/** A workbook's .xlsx bytes, its sheets named and in order. */
export function writeWorkbook(sheets: readonly { name: string; rows: readonly (readonly XlsxCell[])[] }[], deflate = true): Uint8Array<ArrayBuffer> {
  return zip(workbookParts(sheets), deflate);
}

/** A one-sheet .xlsx file's bytes. */
export function writeXlsx(rows: readonly (readonly XlsxCell[])[], deflate = true): Uint8Array<ArrayBuffer> {
  return zip(xlsxParts(rows), deflate);
}
