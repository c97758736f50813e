// A workbook of several sheets: the first that holds a table is read (a cover or instructions sheet before the
// orders is passed over), the table names the sheet read and every sheet, and another sheet can be chosen.
import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTableFile } from '../../../web/src/io/csv';
import { createImportStore } from '../../../web/src/store/import';
import { createScenarioStore } from '../../../web/src/store/scenario';
import { makeMiniScenario } from '../../fixtures/mini-scenario';
import { workbookParts, writeWorkbook, writeXlsx, zip, type XlsxCell } from '../../fuzz/xlsx-writer';

const text = (v: string): XlsxCell => ({ t: 'inline', v });
const num = (v: number): XlsxCell => ({ t: 'number', v: String(v) });
const instructions = { name: 'Instructions', rows: [[text('How to fill in this workbook')], [text('One order per row on the Orders sheet.')]] };
const orders = { name: 'Orders', rows: [[text('Order'), text('Lat'), text('Lng')], [text('A-1'), num(45.76), num(4.84)], [text('A-2'), num(45.75), num(4.85)]] };
const fleet = { name: 'Fleet', rows: [[text('Vehicle'), text('Capacity kg'), text('Shift start')], [text('V-1'), num(900), text('07:00')]] };
const disposers: (() => void)[] = [];
afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));
const file = (bytes: Uint8Array<ArrayBuffer>, name = 'day.xlsx') => new File([bytes], name);

describe('a workbook of several sheets', () => {
  it('reads the first sheet that holds a table, naming it and every sheet', async () => {
    const table = await readTableFile(file(writeWorkbook([instructions, orders, fleet])));
    expect(table.headers).toEqual(['Order', 'Lat', 'Lng']);
    expect(table.rows).toEqual([['A-1', '45.76', '4.84'], ['A-2', '45.75', '4.85']]);
    expect(table.sheets).toEqual({ read: 'Orders', names: ['Instructions', 'Orders', 'Fleet'], tables: ['Orders', 'Fleet'] });
  });

  it('reads a sheet chosen by name, and says so when the workbook has no such sheet', async () => {
    const bytes = writeWorkbook([instructions, orders, fleet]);
    const table = await readTableFile(file(bytes), 'Fleet');
    expect(table.headers).toEqual(['Vehicle', 'Capacity kg', 'Shift start']);
    expect(table.sheets?.read).toBe('Fleet');
    await expect(readTableFile(file(bytes), 'Drivers')).rejects.toThrow('the workbook has no sheet “Drivers” (its sheets: Instructions, Orders, Fleet)');
  });

  it('names no sheets for a workbook of one sheet, and reads its only sheet even without a table', async () => {
    const one = await readTableFile(file(writeXlsx(orders.rows)));
    expect(one.sheets).toBeUndefined();
    expect(one.rows).toHaveLength(2);
    // A sheet with nothing in it is not offered: with one other, the workbook reads as that one sheet.
    const blank = await readTableFile(file(writeWorkbook([{ name: 'Sheet3', rows: [] }, orders])));
    expect([blank.sheets, blank.headers]).toEqual([undefined, ['Order', 'Lat', 'Lng']]);
    // A chart sheet (listed among the sheets, read as no data) before the data.
    const parts = workbookParts([orders]);
    const NS = 'http://schemas.openxmlformats.org';
    parts['xl/workbook.xml'] = parts['xl/workbook.xml'].replace('<sheets>', '<sheets><sheet name="Chart1" sheetId="9" r:id="rIdC"/>');
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace('</Relationships>', `<Relationship Id="rIdC" Type="${NS}/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`);
    parts['xl/chartsheets/sheet1.xml'] = `<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="${NS}/spreadsheetml/2006/main"/>`;
    const charted = await readTableFile(file(zip(parts)));
    expect([charted.sheets, charted.headers, charted.rows.length]).toEqual([undefined, ['Order', 'Lat', 'Lng'], 2]);
    const cover = await readTableFile(file(writeWorkbook([instructions, { name: 'Notes', rows: [[text('nothing here')]] }])));
    expect(cover.headers).toEqual(['How to fill in this workbook']);
    expect(cover.sheets?.read).toBe('Instructions');
  });

  it('reads the times and dates of a workbook counting its days from 1904 (old Mac Excel) as those of any other', async () => {
    // Day 0 of such a workbook is 1904-01-01: a time alone is a fraction of it, 2026-12-10 is day 44904.
    const rows = [[text('Order'), text('From'), text('Due')], [text('A-1'), { t: 'date' as const, v: 0.375 }, { t: 'date' as const, v: 44904.541666666664 }]];
    const parts = workbookParts([{ name: 'Orders', rows }]);
    parts['xl/workbook.xml'] = parts['xl/workbook.xml'].replace('<sheets>', '<workbookPr date1904="1"/><sheets>');
    const table = await readTableFile(file(zip(parts)));
    expect(table.rows).toEqual([['A-1', '09:00', '2026-12-10 13:00']]);
    // The same cells counted from 1900: the dates are four years off, the time alone is the same.
    const plain = await readTableFile(file(zip(workbookParts([{ name: 'Orders', rows }]))));
    expect(plain.rows).toEqual([['A-1', '09:00', '2022-12-09 13:00']]);
  });

  it('opens another sheet in the import session, as a new mapping of its own kind', async () => {
    const { importer: [state, actions] } = createRoot((dispose) => {
      disposers.push(dispose);
      const scenario = createScenarioStore(makeMiniScenario());
      return { importer: createImportStore({ scenario, openScenario: vi.fn(async () => {}) }) };
    });
    actions.start();
    await actions.loadFile(file(writeWorkbook([instructions, orders, fleet])));
    expect([state.step, state.kind, state.table?.sheets?.read]).toEqual(['map', 'orders', 'Orders']);
    await actions.chooseSheet('Fleet');
    expect([state.step, state.kind, state.table?.sheets?.read, state.table?.headers[0]]).toEqual(['map', 'vehicles', 'Fleet', 'Vehicle']);
    expect(state.targets).toEqual(['id', 'capacity:0', 'shiftStart']);
  });

  it('keeps the sheet open when another cannot be read, and goes on from the orders imported to the workbook\'s fleet', async () => {
    const { scenario: [open], importer: [state, actions] } = createRoot((dispose) => {
      disposers.push(dispose);
      const scenario = createScenarioStore(makeMiniScenario());
      return { scenario, importer: createImportStore({ scenario, openScenario: vi.fn(async () => {}) }) };
    });
    const broken = { name: 'Archive', rows: [[text('Order'), text('Delivered')], [text('Z-1'), { t: 'date' as const, v: 1e12 }]] };
    actions.start();
    await actions.loadFile(file(writeWorkbook([instructions, orders, broken, fleet])));
    await actions.chooseSheet('Archive');
    expect(state.error).toBe('Sheet “Archive” of day.xlsx could not be read: sheet “Archive”, row 2, column B: the date cannot be read (it lies outside the calendar)');
    // The orders sheet is still open as it was: no file to choose again.
    expect([state.step, state.busy, state.table?.sheets?.read, state.kind]).toEqual(['map', false, 'Orders', 'orders']);
    actions.review();
    actions.setMode('append');
    const before = open.scenario!.orders.length;
    await actions.commit();
    expect([state.step, open.scenario!.orders.length - before, state.importedSheets]).toEqual(['done', 2, ['Orders']]);
    await actions.chooseSheet('Fleet');
    expect([state.step, state.kind, state.table?.sheets?.read, state.error, state.lastImport, state.importedSheets]).toEqual(['map', 'vehicles', 'Fleet', null, null, ['Orders']]);
  });
});
