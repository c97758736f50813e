// Fuzz targets of the spreadsheet importers: CSV and .xlsx files of orders and
// vehicles, read through the app's own file reader (readTableFile) and the
// import dialog's mapping, then checked row by row (check-rows.ts). A CSV file
// written in another faithful encoding must read exactly like its UTF-8 text.
import fc from 'fast-check';
import type { Scenario } from '../../web/src/domain/scenario';
import { parseCsv, readTableFile, withoutTotals, type Table } from '../../web/src/io/csv';
import type { ImportKind } from '../../web/src/io/column-map';
import type { ImportMode } from '../../web/src/io/import-rows';
import { makeMiniScenario } from '../fixtures/mini-scenario';
import { checkTableImport } from './check-rows';
import { csvBytes, csvShapeArb, csvText, encodeText, type CsvShape } from './csv-bytes';
import { clearErrorMessage, expectThat, type FuzzTarget, type Outcome } from './harness';
import { expandRows, tableArb, type TableSpec } from './table-gen';
import { writeXlsx, type XlsxCell } from './xlsx-writer';

/** The scenario rows are read into: the mini scenario (one depot), one without depots, or one with two. */
const scenarioArb = fc.constantFrom('mini', 'blank', 'two-depots').map((name): Scenario => {
  const s = makeMiniScenario();
  if (name === 'blank') return { ...s, depots: [], vehicles: [], orders: [], plan: null };
  if (name === 'two-depots') return { ...s, depots: [...s.depots, { id: 'depot-2', name: 'North', lat: 45.8, lng: 4.9, open: 0, close: 1440 }] };
  return s;
});
const modeArb = fc.constantFrom<ImportMode>('append', 'replace');
const wellFormed = (s: string) => s.toWellFormed();

/** Budget of a case: generous for tables of tens of thousands of rows. */
const budget = (spec: TableSpec) => 5_000 + spec.repeat * 0.5;

async function readOrReject(file: File, inputs: string[]): Promise<{ table: Table } | Outcome> {
  try {
    return { table: await readTableFile(file) };
  } catch (error) {
    return { kind: 'rejected', message: clearErrorMessage(error, inputs) };
  }
}

interface CsvCase { spec: TableSpec; shape: CsvShape; scenario: Scenario; mode: ImportMode }

async function runCsv({ spec, shape, scenario, mode }: CsvCase): Promise<Outcome> {
  const headers = spec.headers.map(wellFormed);
  const rows = expandRows(spec).map((r) => r.map(wellFormed));
  const text = csvText(headers, rows, shape);
  const read = await readOrReject(new File([csvBytes(text, shape)], 'fuzz.csv', { type: 'text/csv' }), [...headers, ...rows.flat()]);
  if (faithful(text, shape)) await expectSameAsUtf8(text, read);
  if (!('table' in read)) return read;
  return checkTableImport(read.table, spec.kind, scenario, mode);
}

/**
 * Whether the bytes say unambiguously what text they hold: not damaged, not UTF-16 without a BOM, and
 * not Windows-1252 bytes that happen to be valid UTF-8 too ("Ã©" is "é" in UTF-8).
 */
function faithful(text: string, shape: CsvShape): boolean {
  if (shape.damage !== 'none' || shape.encoding === 'utf16le') return false;
  if (shape.encoding !== 'windows-1252' || /^[\u0000-\u007f]*$/.test(text)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(encodeText(text, 'windows-1252'));
    return false;
  } catch {
    return true;
  }
}

/** Any faithful encoding reads like the UTF-8 text: the same table, or the same rejection. */
async function expectSameAsUtf8(text: string, read: { table: Table } | Outcome): Promise<void> {
  const reference = await parseCsv(text).then((table) => ({ table: withoutTotals(table) }), (error: Error) => ({ message: error.message }));
  const got = 'table' in read ? { table: read.table } : { message: read.kind === 'rejected' ? read.message : '' };
  expectThat(JSON.stringify(got) === JSON.stringify(reference), () => `the encoded file reads differently from its text:\n  file: ${JSON.stringify(got).slice(0, 600)}\n  text: ${JSON.stringify(reference).slice(0, 600)}`);
}

/** CSV files of orders or vehicles. */
export function csvTarget(kind: ImportKind): FuzzTarget<CsvCase> {
  return {
    name: `csv ${kind}`,
    arbitrary: fc.record({ spec: tableArb(kind), shape: csvShapeArb, scenario: scenarioArb, mode: modeArb }),
    run: runCsv,
    budgetMs: (c) => budget(c.spec),
    describe: (c) => JSON.stringify({ ...c, scenario: c.scenario.depots.length, spec: { ...c.spec, rows: c.spec.rows.slice(0, 10) } }),
  };
}

// ---------------------------------------------------------------- .xlsx

type XlsxDamage = 'none' | 'truncated' | 'flipped' | 'not-zip' | 'empty' | 'stored';
interface XlsxCase { spec: TableSpec; typing: number[]; raw: (string | null)[]; damage: XlsxDamage; at: number; scenario: Scenario; mode: ImportMode }

/** Cells a spreadsheet may hold that no text cell gives: bad shared index, errors, formulas, odd booleans and dates. */
const RAW_CELLS = [
  '<c r="{ref}" t="s"><v>99999</v></c>', '<c r="{ref}" t="s"><v>-1</v></c>', '<c r="{ref}" t="n"><v>abc</v></c>',
  '<c r="{ref}" t="e"><v>#DIV/0!</v></c>', '<c r="{ref}"><f>1+1</f><v>2</v></c>', '<c r="{ref}" t="str"><v>=A1</v></c>',
  '<c r="{ref}" t="b"><v>2</v></c>', '<c r="{ref}" s="1"><v>1e10</v></c>', '<c r="{ref}" s="1"><v>-5</v></c>',
  '<c r="{ref}" s="1"><v>NaN</v></c>', '<c r="{ref}"><v>1e309</v></c>', '<c r="{ref}" s="7"><v>1</v></c>', '<c r="{ref}"/>',
];

/** A cell written with a type: numbers as numbers, clock times as day fractions, the rest as shared or inline strings. */
function typedCell(cell: string, typing: number): XlsxCell {
  if (cell === '') return typing % 3 === 0 ? null : { t: 'inline', v: '' };
  const clock = /^(\d{1,2}):(\d{2})$/.exec(cell);
  if (clock && typing % 2 === 0) return { t: 'date', v: (Number(clock[1]) * 60 + Number(clock[2])) / 1440 };
  if (/^-?\d+(\.\d+)?$/.test(cell) && typing % 2 === 0) return { t: 'number', v: cell };
  return typing % 5 === 0 ? { t: 'inline', v: cell } : { t: 'shared', v: cell };
}

function xlsxBytes(c: XlsxCase): Uint8Array<ArrayBuffer> {
  const rows = [c.spec.headers, ...expandRows(c.spec)].map((cells, r) => cells.map((cell, i): XlsxCell => {
    const raw = c.raw[(r * 7 + i) % c.raw.length];
    return raw ? { t: 'raw', xml: raw } : typedCell(wellFormed(cell), c.typing[(r + i) % c.typing.length]);
  }));
  const bytes = writeXlsx(rows, c.damage !== 'stored');
  const at = Math.floor(bytes.length * c.at);
  switch (c.damage) {
    case 'truncated': return bytes.slice(0, at);
    case 'flipped': return bytes.map((b, i) => (i >= at && i < at + 8 ? b ^ 0x5a : b));
    case 'not-zip': return new TextEncoder().encode(`${c.spec.headers.join(',')}\n`);
    case 'empty': return new Uint8Array(0);
    default: return bytes;
  }
}

async function runXlsx(c: XlsxCase): Promise<Outcome> {
  const inputs = [...c.spec.headers, ...c.spec.rows.flat()];
  const read = await readOrReject(new File([xlsxBytes(c)], 'fuzz.xlsx'), inputs);
  if (!('table' in read)) return read;
  return checkTableImport(read.table, c.spec.kind, c.scenario, c.mode);
}

/** .xlsx files of orders or vehicles (real ZIP bytes, typed cells). */
export function xlsxTarget(kind: ImportKind): FuzzTarget<XlsxCase> {
  return {
    name: `xlsx ${kind}`,
    arbitrary: fc.record({
      spec: tableArb(kind),
      typing: fc.array(fc.nat(29), { minLength: 1, maxLength: 8 }),
      raw: fc.oneof({ weight: 4, arbitrary: fc.constant<(string | null)[]>([null]) }, { weight: 1, arbitrary: fc.array(fc.option(fc.constantFrom(...RAW_CELLS), { nil: null, freq: 3 }), { minLength: 1, maxLength: 12 }) }),
      damage: fc.constantFrom<XlsxDamage>('none', 'none', 'none', 'none', 'stored', 'truncated', 'flipped', 'not-zip', 'empty'),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      scenario: scenarioArb,
      mode: modeArb,
    }),
    run: runXlsx,
    budgetMs: (c) => budget(c.spec) * 2,
    describe: (c) => JSON.stringify({ ...c, scenario: c.scenario.depots.length, spec: { ...c.spec, rows: c.spec.rows.slice(0, 10) } }),
  };
}
