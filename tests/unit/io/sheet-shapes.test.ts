// Shapes of hand-made sheets: a header of two rows (a group name over some columns, a merged cell, above the
// columns' own names: "Delivery window" over "From" | "To"), read as one header ("Delivery window From") with the
// data from the row below it, a first row of data never taken for the second header row; a totals row under the
// rows, left out and said; a date column of Excel's day numbers (a column formatted "General").
import { describe, expect, it } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import type { Order, Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { dateCellDates } from '../../../web/src/io/cell-parse';
import { readTableFile } from '../../../web/src/io/csv';
import { writeXlsx, type XlsxCell } from '../../fuzz/xlsx-writer';
import { issueLines, readCsvText } from '../../helpers/import-table';

const scenario: Scenario = { ...makeBlankScenario('l', 'London', '2026-12-10'), depots: [{ id: 'hub', name: 'Hub', lat: 51.5, lng: -0.1, open: 0, close: 1440 }] };

describe('a header of two rows', () => {
  it('reads a group over its columns as one header, and the orders from the row below it', async () => {
    const { table, ctx, rows } = await readCsvText([
      'Order,Customer,Delivery window,,Weight,Location,',
      ',,From,To,kg,Lat,Lng',
      'A1,Ann,09:00,12:00,10,51.51,-0.12',
      '',
      'A2,Bob,13:00,17:00,20,51.52,-0.11',
    ].join('\n'), scenario);
    expect(table.headers).toEqual(['Order', 'Customer', 'Delivery window From', 'Delivery window To', 'Weight kg', 'Location Lat', 'Location Lng']);
    expect(ctx.targets).toEqual(['id', 'customerName', 'windowStart', 'windowEnd', 'amount:0', 'lat', 'lng']);
    expect(table.rowNumbers).toEqual([3, 5]);
    expect(issueLines(rows)).toEqual([]);
    expect(rows.map((r) => r.value as Order).map((o) => [o.id, o.timeWindows, o.amounts[0], o.lat])).toEqual([
      ['A1', [{ start: 540, end: 720 }], 10, 51.51],
      ['A2', [{ start: 780, end: 1020 }], 20, 51.52],
    ]);
  });

  it('reads a fleet so, and says both header rows below a title', async () => {
    const { table, rows } = await readCsvText(['Fleet for week 50,,,,', ',,,,', 'Vehicle,Shift,,Capacity,', ',Start,End,kg,Parcels', 'V1,07:00,16:00,900,120'].join('\n'), scenario, 'vehicles');
    expect(table.headers).toEqual(['Vehicle', 'Shift Start', 'Shift End', 'Capacity kg', 'Capacity Parcels']);
    expect(table.warnings).toEqual(['the header is rows 3 and 4; row 1 above it is taken as the sheet\'s title and not imported: “Fleet for week 50”']);
    expect(rows.map((r) => r.rowNumber)).toEqual([5]);
    expect((rows[0].value as Vehicle)).toMatchObject({ id: 'V1', shift: { start: 420, end: 960 }, capacity: [900, 120] });
  });

  it('reads group names above a header that names every column ("Pickup" and "Delivery" over "Address" | "Lat" | "Lng"), not as a title', async () => {
    const { table, ctx, rows } = await readCsvText([
      ',Pickup,,,Delivery,,,',
      'Order,Address,Lat,Lng,Address,Lat,Lng,Weight',
      'P1,1 Shop St,51.51,-0.12,9 Home Rd,51.52,-0.13,12',
      'P2,1 Shop St,51.51,-0.12,7 Home Rd,51.53,-0.14,5',
    ].join('\n'), scenario);
    // Read as a title, the pickup's columns were the delivery's and the delivery's were left over.
    expect(table.headers).toEqual(['Order', 'Pickup Address', 'Pickup Lat', 'Pickup Lng', 'Delivery Address', 'Delivery Lat', 'Delivery Lng', 'Delivery Weight']);
    expect(ctx.targets).toEqual(['id', 'pickupAddress', 'pickupLat', 'pickupLng', 'address', 'lat', 'lng', 'amount:0']);
    expect(table.warnings).toEqual([]);
    expect(issueLines(rows)).toEqual([]);
    expect(rows.map((r) => r.value as Order).map((o) => [o.id, o.address, o.lat, o.pickup?.address, o.pickup?.lat, o.amounts[0]])).toEqual([
      ['P1', '9 Home Rd', 51.52, '1 Shop St', 51.51, 12],
      ['P2', '7 Home Rd', 51.53, '1 Shop St', 51.51, 5],
    ]);
    // Under a title too: the header is the group row and the one below it.
    const titled = await readCsvText(['Orders for Thursday,,,,,', ',,Delivery window,,Location,', 'Order,Client,From,To,Lat,Lng', 'A1,Ann,09:00,11:00,51.5,-0.1'].join('\n'), scenario);
    expect(titled.table.headers).toEqual(['Order', 'Client', 'Delivery window From', 'Delivery window To', 'Location Lat', 'Location Lng']);
    expect(titled.table.warnings).toEqual(['the header is rows 2 and 3; row 1 above it is taken as the sheet\'s title and not imported: “Orders for Thursday”']);
    expect((titled.rows[0].value as Order).timeWindows).toEqual([{ start: 540, end: 660 }]);
  });

  it('keeps a title that starts the sheet, or holds a date, a title above a header', async () => {
    for (const top of ['Lyon depot,,Saturday,,,', ',,Saturday 12/12,,,']) {
      const { table, rows } = await readCsvText([top, 'Order,Client,Address,From,Lat,Lng', 'A1,Ann,1 Rue,09:00,45.76,4.84'].join('\n'), scenario);
      expect(table.headers, top).toEqual(['Order', 'Client', 'Address', 'From', 'Lat', 'Lng']);
      expect(table.warnings[0], top).toMatch(/^the header is row 2; row 1 above it is taken as the sheet's title/);
      expect(rows[0].value, top).not.toBeNull();
    }
  });

  it('takes no first row of data for a header row: one with a digit, or text under an unnamed column of text', async () => {
    const digits = await readCsvText(['Order,Window,,Lat,Lng', 'A1,09:00,12:00,51.5,-0.1'].join('\n'), scenario);
    expect(digits.table.headers).toEqual(['Order', 'Window', '', 'Lat', 'Lng']);
    expect(digits.rows).toHaveLength(1);
    const text = await readCsvText(['Name,,Notes,Lat,Lng', 'Ann,x,call first,51.5,-0.1', 'Bob,x,ring,51.52,-0.1'].join('\n'), scenario);
    expect(text.table.headers).toEqual(['Name', '', 'Notes', 'Lat', 'Lng']);
    expect(text.rows.map((r) => (r.value as Order).customerName)).toEqual(['Ann', 'Bob']);
  });

  it('reads a workbook\'s merged group cell (its value in the first column only) the same way', async () => {
    const t = (v: string): XlsxCell => ({ t: 'inline', v });
    const n = (v: number): XlsxCell => ({ t: 'number', v: String(v) });
    const bytes = writeXlsx([
      [t('Order'), t('Zeitfenster'), null, t('Koordinaten'), null],
      [null, t('von'), t('bis'), t('Breite'), t('Länge')],
      [t('B-1'), t('08:00'), t('10:00'), n(52.52), n(13.4)],
    ]);
    const table = await readTableFile(new File([bytes], 'touren.xlsx'));
    expect(table.headers).toEqual(['Order', 'Zeitfenster von', 'Zeitfenster bis', 'Koordinaten Breite', 'Koordinaten Länge']);
    expect(table.rows).toEqual([['B-1', '08:00', '10:00', '52.52', '13.4']]);
  });
});

describe('a totals row under the rows', () => {
  it('is left out and said, when its first cell says total and the rest are numbers', async () => {
    const { table, rows } = await readCsvText(['Order,Customer,Weight kg,Parcels,Lat,Lng', 'A1,Ann,10,2,51.51,-0.12', 'A2,Bob,20,3,51.52,-0.11', ',,,,,', 'Total:,,30,5,,'].join('\n'), scenario);
    expect(table.warnings).toEqual(['row 5 reads as the sheet\'s totals and is not imported: “Total:” “30” “5”']);
    expect(rows.map((r) => [r.rowNumber, r.issues.length])).toEqual([[2, 0], [3, 0]]);
    const german = await readCsvText(['Auftrag;Kunde;Gewicht;Breite;Länge', 'A1;Ann;10;51,51;-0,12', ';Summe;10;;'].join('\n'), scenario);
    expect(german.table.warnings).toEqual(['row 3 reads as the sheet\'s totals and is not imported: “Summe” “10”']);
  });

  it('keeps a last row that is an order: a total word not first, a word among the numbers, or the only row', async () => {
    const named = await readCsvText(['Order,Customer,Weight kg,Lat,Lng', 'A1,Ann,10,51.51,-0.12', 'A9,Total,20,51.52,-0.11'].join('\n'), scenario);
    expect([named.table.warnings, named.rows.map((r) => (r.value as Order).id)]).toEqual([[], ['A1', 'A9']]);
    const worded = await readCsvText(['Order,Customer,Weight kg,Lat,Lng', 'A1,Ann,10,51.51,-0.12', 'Total,Total Foods Ltd,20,51.52,-0.11'].join('\n'), scenario);
    expect([worded.table.warnings, worded.rows.map((r) => (r.value as Order).id)]).toEqual([[], ['A1', 'Total']]);
    const only = await readCsvText(['Order,Weight kg,Lat,Lng', 'Total,20,51.52,-0.11'].join('\n'), scenario);
    expect(only.rows.map((r) => (r.value as Order).id)).toEqual(['Total']);
  });
});

describe('date and time cells of a workbook', () => {
  it('reads a date and time as its minute, not the minute before (Excel stores 13:00 a hair early)', async () => {
    const t = (v: string): XlsxCell => ({ t: 'inline', v });
    const d = (v: number): XlsxCell => ({ t: 'date', v });
    const bytes = writeXlsx([[t('Order'), t('Complete After'), t('Window end')], [t('A1'), d(46366.541666666664), d(0.5416666)], [t('A2'), d(46366.375), d(0.70833333333333337)]]);
    const table = await readTableFile(new File([bytes], 'onfleet.xlsx'));
    expect(table.rows).toEqual([['A1', '2026-12-10 13:00', '13:00'], ['A2', '2026-12-10 09:00', '17:00']]);
  });
});

describe('a time column of fractions of a day (formatted "General")', () => {
  it('reads 0.375 as 09:00 when the column is fractions, and a dotted clock as a clock', async () => {
    const { ctx, rows } = await readCsvText(['Order,From,To,Lat,Lng', 'A1,0.375,0.5,51.5,-0.1', 'A2,0.541666666666667,0.75,51.5,-0.1', 'A3,0,0.999305555555556,51.5,-0.1'].join('\n'), scenario);
    expect(ctx.timeFormats).toEqual({ 1: 'dayFraction', 2: 'dayFraction' });
    expect(issueLines(rows)).toEqual([]);
    expect(rows.map((r) => (r.value as Order).timeWindows)).toEqual([[{ start: 540, end: 720 }], [{ start: 780, end: 1080 }], [{ start: 0, end: 1439 }]]);
    const dotted = await readCsvText(['Order,From,To,Lat,Lng', 'A1,9.30,12.00,51.5,-0.1', 'A2,0.30,1.15,51.5,-0.1'].join('\n'), scenario);
    expect(dotted.ctx.timeFormats).toEqual({ 1: 'clock', 2: 'clock' });
    expect(dotted.rows.map((r) => (r.value as Order).timeWindows)).toEqual([[{ start: 570, end: 720 }], [{ start: 30, end: 75 }]]);
  });
});

describe('a date column of Excel day numbers', () => {
  it('reads 46366 as 2026-12-10 in the delivery date column, and holds back the rows of another day', async () => {
    expect([dateCellDates('46366'), dateCellDates('46367.5'), dateCellDates('2026-12-10')]).toEqual([['2026-12-10'], ['2026-12-11'], ['2026-12-10']]);
    // Outside 2000–2099, or not five digits: no date (an amount, an id, a postcode).
    expect([dateCellDates('12345'), dateCellDates('80000'), dateCellDates('463660'), dateCellDates('4636')]).toEqual([[], [], [], []]);
    const { ctx, rows } = await readCsvText(['Order,Delivery date,Lat,Lng', 'A1,46366,51.51,-0.12', 'A2,46367,51.52,-0.11'].join('\n'), scenario);
    expect(ctx.targets[1]).toBe('date');
    expect(rows[0].issues).toEqual([]);
    expect(issueLines(rows)).toEqual([
      "row 3, date: for 2026-12-11, not this scenario's day (2026-12-10): remove the row, or import it into a scenario of that day (if “Delivery date” is not the delivery day, keep it as a custom field)",
    ]);
  });
});
