// Orders files written with the headers of common routing tools' import
// templates match every column without manual mapping; address parts are
// joined, priorities read as numbers, letters or words, times as people type them.
import { describe, expect, it } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import type { Order } from '../../../web/src/domain/scenario';
import { parseClock, parseDuration, parsePriority } from '../../../web/src/io/cell-parse';
import { issueLines, readCsvText } from '../../helpers/import-table';

const blank = makeBlankScenario('b', 'Blank', '2026-12-01');

async function read(csv: string) {
  const result = await readCsvText(csv, blank);
  return { ...result, orders: result.rows.map((r) => r.value as Order) };
}

describe('header families', () => {
  it('OptimoRoute: Location Name, Time Window From/To, Duration, Load 1–2, Priority letters, Skills and Vehicle features', async () => {
    const { ctx, rows, orders } = await read([
      'Order ID,Date,Location Name,Address,Latitude,Longitude,Duration,Time Window From,Time Window To,Time Window 2 From,Time Window 2 To,Priority,Load 1,Load 2,Load 3,Skills,Vehicle features,Notes,Email,Phone',
      'A-1,2026-12-01,Pearl Dental,"1030 NW Johnson St, Portland",45.529,-122.682,15,08:00,10:00,14:00,16:00,C,12.5,2,7,installer,liftgate,Desk,a@example.com,+1 503 555 0100',
    ].join('\n'));
    expect(ctx.targets).toEqual([
      'id', 'date', 'customerName', 'address', 'lat', 'lng', 'serviceMinutes', 'windowStart', 'windowEnd', 'window2Start', 'window2End',
      'priority', 'amount:0', 'amount:1', 'extra', 'skills', 'features', 'notes', 'email', 'phone',
    ]);
    expect(issueLines(rows)).toEqual([]);
    expect(orders[0]).toMatchObject({
      id: 'A-1', customerName: 'Pearl Dental', serviceMinutes: 15, priority: 10, amounts: [12.5, 2],
      timeWindows: [{ start: 480, end: 600 }, { start: 840, end: 960 }], skills: ['installer', 'liftgate'],
      extra: { Date: '2026-12-01', 'Load 3': '7' },
    });
  });

  it('Circuit: Address Line 1/2, City, State, Zip joined; Time at Stop; Recipient Name/Phone; Earliest/Latest Time; Package Count', async () => {
    const { ctx, orders } = await read([
      'Address Line 1,Address Line 2,City,State,Zip,Latitude,Longitude,Time at Stop,Recipient Name,Recipient Phone,Recipient Email,Earliest Time,Latest Time,Notes,Package Count',
      '1411 NW 23rd Ave,Apt 3B,Portland,OR,97210,45.5341,-122.69875,4,Samira Haddad,+1 503 555 0202,s@example.com,10:00 AM,2:00 PM,Buzz 3B,3',
    ].join('\n'));
    expect(ctx.targets).toEqual([
      'addressLine1', 'addressLine2', 'city', 'state', 'zip', 'lat', 'lng', 'serviceMinutes', 'customerName', 'phone', 'email', 'windowStart', 'windowEnd', 'notes', 'amount:1',
    ]);
    expect(orders[0]).toMatchObject({
      id: 'file-2', address: '1411 NW 23rd Ave, Apt 3B, Portland, OR, 97210', customerName: 'Samira Haddad', phone: '+1 503 555 0202',
      serviceMinutes: 4, amounts: [0, 3], timeWindows: [{ start: 600, end: 840 }],
    });
  });

  it('Onfleet: Address_Line1… Postal_Code, Country, Recipient_Name, Task_Details, Complete_After/Before with dates, Quantity, Service_Time', async () => {
    const { ctx, orders } = await read([
      'Address_Line1,Address_Line2,City/Town,State/Province,Postal_Code,Country,Latitude,Longitude,Recipient_Name,Recipient_Phone,Recipient_Notes,Task_Details,Complete_After,Complete_Before,Quantity,Service_Time',
      '2804 NE Broadway,,Portland,OR,97232,USA,45.53517,-122.63717,Broadway Florist,+1 503 555 0203,Side door,6 boxes of lilies,12/01/2026 8:00 AM,12/01/2026 10:30 AM,6,10',
    ].join('\n'));
    expect(ctx.targets).toEqual([
      'addressLine1', 'addressLine2', 'city', 'state', 'zip', 'country', 'lat', 'lng', 'customerName', 'phone', 'notes', 'extra', 'windowStart', 'windowEnd', 'amount:1', 'serviceMinutes',
    ]);
    expect(orders[0]).toMatchObject({
      address: '2804 NE Broadway, Portland, OR, 97232, USA', customerName: 'Broadway Florist', notes: 'Side door',
      timeWindows: [{ start: 480, end: 630 }], amounts: [0, 6], serviceMinutes: 10, extra: { Task_Details: '6 boxes of lilies' },
    });
  });

  it('Routific: Visit Name, Address, Start/End, Duration, Load, Priority words, Notes, Phone, Email', async () => {
    const { ctx, orders } = await read([
      'Visit Name,Address,Latitude,Longitude,Start,End,Duration,Load,Priority,Notes,Phone,Email',
      'Grace Kim,"5330 NE Sandy Blvd, Portland",45.54019,-122.60722,3pm,6pm,15,25,urgent,Neighbour,+1 503 555 0112,g@example.com',
      'Ben Carter,"4636 SE Hawthorne Blvd, Portland",45.512,-122.61472,9:30,11,5,10,low,,,',
    ].join('\n'));
    expect(ctx.targets).toEqual(['customerName', 'address', 'lat', 'lng', 'windowStart', 'windowEnd', 'serviceMinutes', 'amount:0', 'priority', 'notes', 'phone', 'email']);
    expect(orders.map((o) => [o.customerName, o.timeWindows, o.amounts, o.priority])).toEqual([
      ['Grace Kim', [{ start: 900, end: 1080 }], [25, 0], 8],
      ['Ben Carter', [{ start: 570, end: 660 }], [10, 0], 1],
    ]);
  });

  it('Route4Me: Address, Alias, Time Window Start/End, Service Time, Weight, Cube, Pieces', async () => {
    const result = await readCsvText([
      'Address,Alias,Latitude,Longitude,Time Window Start,Time Window End,Service Time,Weight,Cube,Pieces,Order No',
      '"6125 SE Foster Rd, Portland",Henry Nguyen,45.49009,-122.59952,14:00,18:00,5,42,1.5,2,R-77',
    ].join('\n'), { ...blank, settings: { ...blank.settings, capacityUnits: ['kg', 'm3', 'items'] } });
    expect(result.ctx.targets).toEqual(['address', 'customerName', 'lat', 'lng', 'windowStart', 'windowEnd', 'serviceMinutes', 'amount:0', 'amount:1', 'amount:2', 'id']);
    expect(result.rows[0].value).toMatchObject({ id: 'R-77', customerName: 'Henry Nguyen', timeWindows: [{ start: 840, end: 1080 }], serviceMinutes: 5, amounts: [42, 1.5, 2] });
  });
});

describe('cells as people type them', () => {
  it('maps priority letters and words to the 0–10 scale and keeps numbers', () => {
    const cases: [string, number][] = [
      ['L', 1], ['M', 3], ['H', 6], ['C', 10], ['low', 1], ['Medium', 3], ['normal', 3], ['regular', 3], ['HIGH', 6],
      ['urgent', 8], ['critical', 10], ['highest', 10], ['0', 0], ['7', 7], ['10', 10],
    ];
    for (const [text, value] of cases) expect(parsePriority(text), text).toEqual({ ok: true, value });
    expect(parsePriority('11')).toMatchObject({ ok: false, message: expect.stringContaining("'11' is not a priority") });
    expect(parsePriority('soon').ok).toBe(false);
  });

  it('reads 12-hour clocks, bare hours with am/pm, 24-hour clocks, dates in front and next-day marks', () => {
    const cases: [string, number][] = [
      ['9:00 AM', 540], ['2pm', 840], ['2 p.m.', 840], ['12:30 PM', 750], ['12 AM', 0], ['14:30', 870],
      ['12/01/2026 8:00 AM', 480], ['2026-12-01 14:30', 870], ['24:00', 1440], ['01:30 +1', 1530], ['3:56pm (+1)', 2396],
    ];
    for (const [text, value] of cases) expect(parseClock(text), text).toEqual({ ok: true, value });
    expect(parseClock('13 pm').ok).toBe(false);
  });

  it('reads durations in minutes or hours', () => {
    expect(parseDuration('90')).toEqual({ ok: true, value: 90 });
    expect(parseDuration('1:30')).toEqual({ ok: true, value: 90 });
    expect(parseDuration('8h')).toEqual({ ok: true, value: 480 });
    expect(parseDuration('1.5 h')).toEqual({ ok: true, value: 90 });
    expect(parseDuration('45 min')).toEqual({ ok: true, value: 45 });
    expect(parseDuration('long').ok).toBe(false);
  });
});
