// Importer bugs the fuzzers (tests/fuzz) found, one test each: UTF-16 and
// Windows-1252 CSV files, unreadable .xlsx cells named by their cell, a pickup
// or delivery place with one coordinate, break ids used twice in a vehicle row,
// and a scenario file without a format version.
import { describe, expect, it } from 'vitest';
import { parseBreaks } from '../../../web/src/io/cell-parse';
import { readTableFile } from '../../../web/src/io/csv';
import { makeScenarioFile, readScenarioFile } from '../../../web/src/io/scenario-file';
import { makeMiniScenario } from '../../fixtures/mini-scenario';
import { writeXlsx } from '../../fuzz/xlsx-writer';
import { issueLines, readCsvText } from '../../helpers/import-table';

const TEXT = 'Order id,Latitude,Longitude,Customer\nA-1,45.76,4.83,Müller\n';
const utf16 = (text: string, littleEndian: boolean, bom = true) => {
  const units = (bom ? '\ufeff' : '') + text;
  const view = new DataView(new ArrayBuffer(units.length * 2));
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return new Uint8Array(view.buffer);
};
describe('CSV files in other encodings', () => {
  it('reads UTF-16 LE and BE files with a BOM, and Windows-1252 files, like their UTF-8 text', async () => {
    const expected = { headers: ['Order id', 'Latitude', 'Longitude', 'Customer'], rows: [['A-1', '45.76', '4.83', 'Müller']], warnings: [] };
    const latin = Uint8Array.from(TEXT, (c) => c.charCodeAt(0));
    for (const bytes of [utf16(TEXT, true), utf16(TEXT, false), latin, new TextEncoder().encode(`\ufeff${TEXT}`)]) {
      expect(await readTableFile(new File([bytes], 'orders.csv'))).toEqual(expected);
    }
  });

  it('says how to save a UTF-16 file that has no byte order mark instead of reading zero bytes as text', async () => {
    await expect(readTableFile(new File([utf16(TEXT, true, false)], 'orders.csv'))).rejects.toThrow(/UTF-16 text without a byte order mark/);
  });
});

describe('.xlsx cells that cannot be read', () => {
  it('names the cell of a date outside the calendar', async () => {
    const bytes = writeXlsx([[{ t: 'shared', v: 'Vehicle' }, { t: 'shared', v: 'Shift start' }], [{ t: 'shared', v: 'v9' }, { t: 'raw', xml: '<c r="{ref}" s="1"><v>1e10</v></c>' }]]);
    await expect(readTableFile(new File([bytes], 'fleet.xlsx'))).rejects.toThrow('row 2, column B: the date cannot be read');
  });

  it('names the cell of a number cell holding text', async () => {
    const bytes = writeXlsx([[{ t: 'shared', v: 'Order id' }, { t: 'shared', v: 'Latitude' }], [{ t: 'shared', v: 'A' }, { t: 'number', v: 'abc' }]]);
    await expect(readTableFile(new File([bytes], 'orders.xlsx'))).rejects.toThrow("row 2, column B: the cell's value cannot be read");
  });
});

describe('places with one coordinate', () => {
  const scenario = makeMiniScenario();

  it('names the missing pickup latitude instead of a schema message', async () => {
    const { rows } = await readCsvText('Order id,Latitude,Longitude,Pickup longitude\nA,45.7,4.8,4.9\n', scenario, 'orders');
    expect(issueLines(rows)).toEqual(['row 2, pickupLat: the pickup latitude is missing']);
  });

  it('names the missing longitude when the latitude cell is unreadable too', async () => {
    const { rows } = await readCsvText('Order id,Latitude\nA,north\n', scenario, 'orders');
    expect(issueLines(rows)).toEqual(["row 2, lat: 'north' is not a number", 'row 2, lng: longitude is missing']);
  });
});

describe('break ids in one vehicle row', () => {
  it('rejects a break name used twice, naming it', () => {
    expect(parseBreaks('lunch: 12:00-13:00 30; lunch: 14:00-15:00 15')).toEqual({ ok: false, message: "break id 'lunch' is used twice (give each break of a vehicle its own name)" });
  });

  it('gives an unnamed break an id no named break of the cell uses', () => {
    const read = parseBreaks('break-2: 12:00-13:00 30; 14:00-15:00 15');
    expect(read.ok && read.value.map((b) => b.id)).toEqual(['break-2', 'break-2-2']);
  });

  it('gives the break of the start/end/minutes columns an id the breaks column does not use', async () => {
    const csv = 'Vehicle id,Start depot,Breaks,Break start,Break end,Break minutes\nv9,hub,break: 12:00-13:00 30,15:00,16:00,10\n';
    const { rows } = await readCsvText(csv, makeMiniScenario(), 'vehicles');
    expect(issueLines(rows)).toEqual([]);
    expect((rows[0].value as { breaks: { id: string }[] }).breaks.map((b) => b.id)).toEqual(['break', 'break-2']);
  });
});

describe('scenario file without a format version', () => {
  it('says the version is missing instead of calling it newer', () => {
    const { version: _, ...file } = makeScenarioFile(makeMiniScenario());
    for (const version of [undefined, null, '1']) {
      expect(readScenarioFile(JSON.stringify({ ...file, version }))).toEqual({ ok: false, message: "version: the file's format version is missing or not a number (this planner writes 1)" });
    }
  });
});

describe('a vehicle start given as coordinates out of range', () => {
  it('is the row\'s issue, not a new depot that fails the scenario schema', async () => {
    const csv = 'Vehicle id,Start latitude,Start longitude\nv9,9007199254740993,0\n';
    const read = await readCsvText(csv, makeMiniScenario(), 'vehicles');
    expect(read.newDepots).toEqual([]);
    expect(issueLines(read.rows)).toEqual([expect.stringMatching(/^row 2, startDepot: .* is not a place: latitude must lie within ±90/)]);
  });
});

describe('a shipment row with pickup amounts', () => {
  it('names the pickup amount column instead of passing a row the scenario schema refuses', async () => {
    const csv = 'Order id,Latitude,Longitude,Pickup latitude,Pickup longitude,Pickup amount (kg)\nS1,45.7,4.8,45.75,4.85,3\n';
    const { rows } = await readCsvText(csv, makeMiniScenario(), 'orders');
    expect(issueLines(rows)).toEqual(['row 2, pickupAmount:0: a shipment carries its amounts from pickup to delivery: leave the pickup amounts empty']);
  });
});
