// Reading spreadsheets into tables: RFC 4180 quoting, BOM, sniffed delimiters,
// ragged rows reported, .xlsx cells as text, and CSV written back.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellText, makeTable, parseCsv, toCsv } from '../../../web/src/io/csv';

const fixture = (name: string) => readFileSync(resolve('tests/fixtures/csv', name), 'utf8');

describe('parseCsv', () => {
  it('reads quoted cells with delimiters, quotes and the BOM, sniffing ";"', async () => {
    const table = await parseCsv(fixture('orders-odd-headers.csv'));
    expect(table.headers[0]).toBe('Ref.');
    expect(table.headers).toHaveLength(17);
    expect(table.rows).toHaveLength(12);
    expect(table.rows[0][2]).toBe('12 Rue Mercière; Lyon 2e');
    expect(table.rows[0][12]).toBe('Call 10 min before, "blue door"');
    expect(table.warnings).toEqual([]);
  });

  it('reads a File in chunks like a string', async () => {
    const text = fixture('vehicles.csv');
    const table = await parseCsv(new File([text], 'vehicles.csv', { type: 'text/csv' }));
    expect(table.headers).toEqual(['Vehicle', 'Driver', 'Type', 'Capacity kg', 'Capacity items', 'Shift start', 'Shift end', 'Cost per km']);
    expect(table.rows).toHaveLength(2);
  });

  it('pads short rows and reports cells past the last column instead of dropping them silently', () => {
    const table = makeTable([['a', 'b'], ['1'], ['1', '2', 'lost?'], ['', '']]);
    expect(table.rows).toEqual([['1', ''], ['1', '2']]);
    expect(table.warnings).toEqual([expect.stringContaining("row 3 has 3 cells but the header has 2")]);
  });

  it('skips a title above the header, saying so, and keeps each row\'s spreadsheet row number past blank rows', async () => {
    const table = await parseCsv('Pedidos del jueves 10/12/2026\n\nPedido;Latitud;Longitud\nP1;40,41;-3,70\n\nP2;40,42;-3,71\n');
    expect(table.headers).toEqual(['Pedido', 'Latitud', 'Longitud']);
    expect(table.rows).toEqual([['P1', '40,41', '-3,70'], ['P2', '40,42', '-3,71']]);
    expect(table.rowNumbers).toEqual([4, 6]);
    expect(table.warnings).toEqual(["the header is row 3; row 1 above it is taken as the sheet's title and not imported: “Pedidos del jueves 10/12/2026”"]);
    // A title and a note of two cells, and Excel's separator line.
    expect(makeTable([['Orders', '2026-12-10'], ['Printed 07:12'], ['Order', 'Lat', 'Lng'], ['1', '45.7', '4.8']])).toMatchObject({ headers: ['Order', 'Lat', 'Lng'], rows: [['1', '45.7', '4.8']], rowNumbers: [4] });
    expect((await parseCsv('sep=;\nOrder;Lat;Lng\n1;45,7;4,8\n')).headers).toEqual(['Order', 'Lat', 'Lng']);
  });

  it('keeps a header that names fewer columns than its rows have, and a narrow file\'s first row', () => {
    expect(makeTable([['Order', 'Lat'], ['1', '45.7', '4.8'], ['2', '45.8', '4.9']])).toMatchObject({ headers: ['Order', 'Lat'], rows: [['1', '45.7'], ['2', '45.8']] });
    expect(makeTable([['Order'], ['1', '45.7']]).headers).toEqual(['Order']);
    const plain = makeTable([['Order', 'Lat', 'Lng'], ['1', '45.7', '4.8']]);
    expect(plain.rowNumbers).toBeUndefined();
  });

  it('rejects an empty file with a reason', async () => {
    await expect(parseCsv('\n\n')).rejects.toThrow('the file is empty');
  });
});

describe('cellText', () => {
  it('writes spreadsheet times as clock text and other values as strings', () => {
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 10, 30)))).toBe('10:30');
    expect(cellText(45.5)).toBe('45.5');
    expect(cellText(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and ends lines with CRLF', async () => {
    const text = toCsv(['id', 'note'], [['a', 'x, "y"'], ['b', 'plain']]);
    expect(text).toBe('id,note\r\na,"x, ""y"""\r\nb,plain');
    const back = await parseCsv(text);
    expect(back.rows).toEqual([['a', 'x, "y"'], ['b', 'plain']]);
  });
});
