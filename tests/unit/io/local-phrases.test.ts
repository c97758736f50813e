// Windows and service types written in words, as a dispatcher's own sheet has them: "de 9:00 a 13:00",
// "entre 9 y 13", "van 9 tot 13 uur", "Entrega y montaje", "Retirada de aparato viejo". Read as what they say,
// the service types so read listed in the review; what cannot be read still says why.
import { describe, expect, it } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import type { Order, Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { datesOf, parseBreaks, parseCoordinatePair, parseDuration, parseServiceType, parseWindows } from '../../../web/src/io/cell-parse';
import { dateNotes, serviceTypeWordLines } from '../../../web/src/io/import-checks';
import { fileDates } from '../../../web/src/io/import-rows';
import { detectDateColumn, detectShiftColumns, fieldsFor } from '../../../web/src/io/column-map';
import { issueLines, readCsvText } from '../../helpers/import-table';

const nineToOne = [{ start: 540, end: 780 }];

describe('windows written in words', () => {
  it('reads a window with its words in Spanish, Italian, Portuguese, French, Dutch, German and English', () => {
    for (const text of [
      'de 9:00 a 13:00', 'de 9 a 13h', '9 a 13', 'desde las 9 hasta las 13', 'entre 9 y 13', 'entre las 9 y las 13', '9:00 - 13:00 h',
      'dalle 9 alle 13', 'tra le 9 e le 13', 'das 9h às 13h', 'de 9h à 13h', "de 9h jusqu'à 13h", 'van 9 tot 13 uur', 'tussen 9 en 13',
      'von 9 bis 13 Uhr', 'zwischen 9 und 13 Uhr', 'from 9am to 1pm', 'between 9 and 1pm', '9h-13h',
    ]) expect(parseWindows(text, 'clock'), text).toEqual({ ok: true, value: nineToOne });
  });

  it('reads two windows joined by "and"', () => {
    const two = [{ start: 600, end: 840 }, { start: 960, end: 1080 }];
    for (const text of ['de 10:00 a 14:00 y de 16:00 a 18:00', 'de 10 a 14 y 16 a 18', '10-14 et 16-18', 'dalle 10 alle 14 e dalle 16 alle 18', 'van 10 tot 14 en van 16 tot 18']) {
      expect(parseWindows(text, 'clock'), text).toEqual({ ok: true, value: two });
    }
  });

  it('reads a window with its dates, an open one to midnight, and "all day" as any time', () => {
    expect(parseWindows('10/12/2026 09:00 - 10/12/2026 13:00', 'clock')).toEqual({ ok: true, value: nineToOne });
    expect(parseWindows('2026-12-10T09:00 – 2026-12-10T13:00', 'clock')).toEqual({ ok: true, value: nineToOne });
    for (const text of ['before 13:00', 'bis 13 Uhr', 'antes de las 13', 'entro le 13', 'avant 13h', 'voor 13 uur']) {
      expect(parseWindows(text, 'clock'), text).toEqual({ ok: true, value: [{ start: 0, end: 780 }] });
    }
    for (const text of ['after 9am', 'ab 9 Uhr', 'a partir de las 9', 'dopo le 9', 'après 9h', 'vanaf 9']) {
      expect(parseWindows(text, 'clock'), text).toEqual({ ok: true, value: [{ start: 540, end: 1440 }] });
    }
    for (const text of ['all day', 'Ganztags', 'todo el día', 'toute la journée']) expect(parseWindows(text, 'clock'), text).toEqual({ ok: true, value: [] });
    // A slot named by its part of the day, with its hours: the hours; an afternoon's on a 12-hour clock after noon.
    for (const text of ['Morning (8-12)', 'AM (8am-12pm)', 'Vormittag: 8-12 Uhr']) expect(parseWindows(text, 'clock'), text).toEqual({ ok: true, value: [{ start: 480, end: 720 }] });
    for (const text of ['PM (2-5)', 'Tarde (14 a 17)', 'Evening 14:00-17:00']) expect(parseWindows(text, 'clock'), text).toEqual({ ok: true, value: [{ start: 840, end: 1020 }] });
    expect(parseWindows('Afternoon (12-5)', 'clock')).toEqual({ ok: true, value: [{ start: 720, end: 1020 }] });
    // Hours under any other word are no window: "Closed (12-13)" says when not to come.
    expect(parseWindows('Closed (12-13)', 'clock').ok).toBe(false);
    // Times that only look like a date are not taken for one: two windows side by side.
    expect(parseWindows('9.30-11.30 14.00-16.00', 'clock')).toEqual({ ok: true, value: [{ start: 570, end: 690 }, { start: 840, end: 960 }] });
    // A part of the day is not guessed: its hours differ from one business to the next.
    expect(parseWindows('AM', 'clock').ok).toBe(false);
    expect(parseWindows('after lunch', 'clock').ok).toBe(false);
  });

  it('still reads "9 a" as 9 AM, and says why words that are no window are not', () => {
    expect(parseWindows('9 a - 1 p', 'clock')).toEqual({ ok: true, value: nineToOne });
    expect(parseWindows('de 9 a', 'clock')).toEqual({ ok: false, message: "'de 9 a' is not a window (write 10:00-12:00)" });
    expect(parseWindows('mañana', 'clock')).toEqual({ ok: false, message: "'mañana' is not a window (write 10:00-12:00)" });
    expect(parseWindows('de 9 a 25', 'clock')).toMatchObject({ ok: false, message: "'25' is not a valid time of day" });
    expect(parseWindows('entre 9 y tarde', 'clock').ok).toBe(false);
  });
});

describe('service types written in words', () => {
  it('reads a longer name by the service type it holds, a plain delivery giving way to the other type', () => {
    expect(['Entrega y montaje', 'Retirada de aparato viejo', 'Lieferung mit Altgerätemitnahme', 'Delivery + install', 'Subida a domicilio', 'Standard delivery', 'Return to sender']
      .map((t) => parseServiceType(t))).toEqual(['installation', 'haul-away', 'haul-away', 'installation', 'room-of-choice', 'curbside', 'return'].map((value) => ({ ok: true, value })));
  });

  it('does not guess between two service types, nor from a short word inside a name', () => {
    expect(parseServiceType('Montaje y retirada')).toEqual({ ok: false, message: "'Montaje y retirada' names installation and haul-away: an order has one service type (write one of them)" });
    // "D" alone is OptimoRoute's delivery; inside a name it is a letter.
    expect(parseServiceType('D')).toEqual({ ok: true, value: 'curbside' });
    expect(parseServiceType('Plan D').ok).toBe(false);
    expect(parseServiceType('Express').ok).toBe(false);
  });

  it('imports a Spanish sheet\'s windows and service types as written, and the review lists the types read from words', async () => {
    const scenario: Scenario = { ...makeBlankScenario('m', 'Madrid', '2026-12-10'), depots: [{ id: 'hub', name: 'Almacén', lat: 40.42, lng: -3.59, open: 0, close: 1440 }] };
    const { rows, table, ctx } = await readCsvText([
      'Pedido;Latitud;Longitud;Franja horaria;Tipo de servicio',
      'P1;40,41;-3,70;de 9:00 a 13:00;Entrega',
      'P2;40,42;-3,71;entre 16 y 20;Entrega y montaje',
      'P3;40,43;-3,69;de 10 a 14 y de 17 a 19;entrega y montaje',
      'P4;40,44;-3,68;9-13h;Retirada de aparato viejo',
      'P5;40,45;-3,67;de 9 a 13;Montaje y retirada',
    ].join('\n'), scenario, 'orders');
    expect(issueLines(rows)).toEqual(["row 6, serviceType: 'Montaje y retirada' names installation and haul-away: an order has one service type (write one of them)"]);
    const orders = rows.flatMap((r) => (r.value ? [r.value as Order] : []));
    expect(orders.map((o) => [o.id, o.serviceType, o.timeWindows])).toEqual([
      ['P1', 'curbside', nineToOne],
      ['P2', 'installation', [{ start: 960, end: 1200 }]],
      ['P3', 'installation', [{ start: 600, end: 840 }, { start: 1020, end: 1140 }]],
      ['P4', 'haul-away', nineToOne],
    ]);
    expect(serviceTypeWordLines(table, ctx.targets)).toEqual([
      '“Entrega y montaje” in Tipo de servicio: installation (2 orders)',
      '“Retirada de aparato viejo” in Tipo de servicio: haul-away (1 order)',
    ]);
  });
});

describe('a sheet as a dispatcher keeps it', () => {
  it('reads a duration written as a spreadsheet time with seconds', () => {
    expect(parseDuration('00:45:00')).toEqual({ ok: true, value: 45 });
    expect(parseDuration('1:30:40')).toEqual({ ok: true, value: 91 });
    expect(parseDuration('0:45:75')).toEqual({ ok: false, message: "'0:45:75' is not a duration (write minutes, e.g. 90, or hours, e.g. 1:30)" });
  });

  it('reads a repeated id with no place right below its order as a further line, and any other repeat as a duplicate', async () => {
    const scenario: Scenario = { ...makeBlankScenario('m', 'Madrid', '2026-12-10'), depots: [{ id: 'hub', name: 'Almacén', lat: 40.42, lng: -3.59, open: 0, close: 1440 }] };
    const { rows } = await readCsvText([
      'Pedido,Latitud,Longitud,Bultos',
      'P1,40.41,-3.70,1',
      'P1,,,2',
      'P2,40.42,-3.71,1',
      'P1,,,4',
      'P2,40.43,-3.72,1',
    ].join('\n'), scenario, 'orders');
    expect(rows.map((r) => [r.rowNumber, r.lineOf ?? null, (r.value as Order | null)?.amounts ?? null])).toEqual([
      [2, null, [0, 3]], [3, 2, null], [4, null, [0, 1]], [5, null, null], [6, null, null],
    ]);
    expect(issueLines(rows)).toEqual([
      'row 5, lat/lng: coordinates are required (or an address to geocode or place on the map)',
      "row 5, id: id 'P1' is used twice (also row 2)",
      "row 6, id: id 'P2' is used twice (also row 4)",
    ]);
  });

  it('reads a latitude and longitude in one cell, as written with dots or decimal commas', async () => {
    for (const text of ['45.76, 4.84', '45.76,4.84', '45.76 4.84', '(45.76, 4.84)', '45,76; 4,84', '45,76, 4,84']) {
      expect(parseCoordinatePair(text), text).toEqual({ ok: true, value: { lat: 45.76, lng: 4.84 } });
    }
    expect(parseCoordinatePair('145.76, 4.84')).toEqual({ ok: false, message: 'latitude 145.76 is outside -90…90 (latitude and longitude swapped?)' });
    expect(parseCoordinatePair('12 Main St')).toEqual({ ok: false, message: '\'12 Main St\' is not a latitude and a longitude (write "45.76, 4.84")' });
    const scenario: Scenario = { ...makeBlankScenario('l', 'Lyon', '2026-12-10'), depots: [{ id: 'hub', name: 'Hub', lat: 45.75, lng: 4.85, open: 0, close: 1440 }] };
    const { rows } = await readCsvText('Order,Lat/Lng\nA,"45.76, 4.84"\nB,nowhere\nC,\n', scenario, 'orders');
    expect((rows[0].value as Order)).toMatchObject({ lat: 45.76, lng: 4.84 });
    expect(rows.slice(1).map((r) => r.issues)).toEqual([
      [{ field: 'coordinates', column: 1, message: '\'nowhere\' is not a latitude and a longitude (write "45.76, 4.84")' }],
      [{ field: 'lat/lng', column: 1, message: 'coordinates are required (or an address to geocode or place on the map)' }],
    ]);
  });

  it('reads a date as written here and there: both readings of a day-month order, none that is no day', () => {
    expect(['2026-12-10', '2026/12/10', '2026-12-10 00:00', '10.12.2026', '10/12/26'].map(datesOf)).toEqual([['2026-12-10'], ['2026-12-10'], ['2026-12-10'], ['2026-12-10', '2026-10-12'], ['2026-12-10', '2026-10-12']]);
    expect(['13/12/2026', '12/13/2026', '2026-02-30', 'Thursday', '10:00', '10/12'].map(datesOf)).toEqual([['2026-12-13'], ['2026-12-13'], [], [], [], []]);
  });

  it('holds back an order for another day than the scenario\'s, saying so, and plans the day\'s', async () => {
    const scenario: Scenario = { ...makeBlankScenario('m', 'Madrid', '2026-12-10'), depots: [{ id: 'hub', name: 'Almacén', lat: 40.42, lng: -3.59, open: 0, close: 1440 }] };
    const { rows, ctx } = await readCsvText([
      'Pedido;Fecha de entrega;Latitud;Longitud',
      'P1;10/12/2026;40,41;-3,70',
      'P2;2026-12-10;40,42;-3,71',
      'P3;11/12/2026;40,43;-3,72',
      'P4;mañana;40,44;-3,73',
      'P5;;40,45;-3,74',
    ].join('\n'), scenario, 'orders');
    expect(ctx.targets[1]).toBe('date');
    expect(rows.filter((r) => r.value).map((r) => (r.value as Order).id)).toEqual(['P1', 'P2', 'P5']);
    expect(issueLines(rows)).toEqual([
      "row 4, date: for 2026-12-11, not this scenario's day (2026-12-10): remove the row, or import it into a scenario of that day (if “Fecha de entrega” is not the delivery day, keep it as a custom field)",
      "row 5, date: 'mañana' is not a date (write 2026-12-10, or keep “Fecha de entrega” as a custom field)",
    ]);
    const multi = fileDates({ headers: [], rows: [['P1', '10/12/2026'], ['P2', '2026-12-10'], ['P3', '11/12/2026']], warnings: [] }, 'orders', ['id', 'date'], '2026-12-10');
    expect(multi).toEqual({ days: new Map([['2026-12-10', 2], ['2026-12-11', 1]]), hold: true, monthFirst: false });
    expect(dateNotes(multi.days, multi.hold, '2026-12-10')).toEqual(["1 order is for another day than this scenario's (2026-12-10): 2026-12-11. They wait below (remove them, or import them into a scenario of their day); the 2 orders for 2026-12-10 are imported."]);
    // An order's further lines are no more orders of their day.
    expect(fileDates({ headers: [], rows: [['#1', '2026-12-10'], ['#1', '2026-12-10'], ['#2', '2026-12-11'], ['#2', '2026-12-11']], warnings: [] }, 'orders', ['id', 'date'], '2026-12-10').days)
      .toEqual(new Map([['2026-12-10', 1], ['2026-12-11', 1]]));
    // A column of day names is no date column: kept, not refused row by row.
    expect(detectDateColumn([['1', 'Thursday'], ['2', '2026-12-10']], ['id', 'date'])).toEqual(['id', 'extra']);
    expect(detectDateColumn([['1', '10.12.2026'], ['2', '']], ['id', 'date'])).toEqual(['id', 'date']);
  });

  it('plans a file of another day on the scenario\'s day, saying so, the date kept as written', async () => {
    const scenario: Scenario = { ...makeBlankScenario('p', 'Portland', '2026-12-07'), depots: [{ id: 'hub', name: 'Hub', lat: 45.5, lng: -122.6, open: 0, close: 1440 }] };
    const { rows, table, ctx } = await readCsvText('Order ID,Date,Latitude,Longitude\nA-1,2026-12-08,45.52,-122.68\nA-2,2026-12-08,45.53,-122.69\n', scenario, 'orders');
    expect(issueLines(rows)).toEqual([]);
    expect((rows[0].value as Order).extra).toEqual({ Date: '2026-12-08' });
    const { days, hold } = fileDates(table, 'orders', ctx.targets, '2026-12-07');
    expect(dateNotes(days, hold, '2026-12-07')).toEqual(["The file's orders are for 2026-12-08, and this scenario plans 2026-12-07: imported here, they are planned on 2026-12-07. If they are for another day, change this scenario's date first (the date under its name, or the button below), or start a scenario of that day."]);
    expect(dateNotes(new Map([['2026-12-07', 2]]), false, '2026-12-07')).toEqual([]);
  });

  it('names the spreadsheet row of a bad value below a title and blank rows', async () => {
    const scenario: Scenario = { ...makeBlankScenario('m', 'Madrid', '2026-12-10'), depots: [{ id: 'hub', name: 'Almacén', lat: 40.42, lng: -3.59, open: 0, close: 1440 }] };
    const { rows } = await readCsvText('Pedidos del jueves\n\nPedido;Latitud;Longitud;Franja horaria\nP1;40,41;-3,70;de 9 a 13\n\nP2;40,42;-3,71;de 9 a 25\n', scenario, 'orders');
    expect(issueLines(rows)).toEqual(["row 6, window: '25' is not a valid time of day"]);
  });
});

describe('a fleet sheet as a dispatcher keeps it', () => {
  const hub: Scenario = { ...makeBlankScenario('f', 'Fleet', '2026-12-10'), depots: [{ id: 'hub', name: 'Hub', lat: 52.5, lng: 13.4, open: 0, close: 1440 }] };

  it('reads a shift written as one range, a lunch hour as a break that takes it, and German fleet words', async () => {
    const { rows, ctx } = await readCsvText([
      'Fahrzeug;Fahrer;Arbeitszeit;Zuladung (kg);Standort;Mittagspause',
      'B-1;Jens;7-16 Uhr;800;hub;12:00-12:45',
      'B-2;Anke;06:30 - 15:00;900;hub;12:00-13:30 30',
    ].join('\n'), hub, 'vehicles');
    expect(ctx.targets).toEqual(['id', 'name', 'shift', 'capacity:0', 'startDepot', 'breaks']);
    expect(issueLines(rows)).toEqual([]);
    const [b1, b2] = rows.map((r) => r.value as Vehicle);
    expect([b1.shift, b2.shift]).toEqual([{ start: 420, end: 960 }, { start: 390, end: 900 }]);
    expect(b1.breaks).toEqual([{ id: 'break-1', timeWindows: [{ start: 720, end: 765 }], minutes: 45 }]);
    expect(b2.breaks![0].minutes).toBe(30);
  });

  it('says why a shift range cannot be read, and keeps a shift column of names as it is', async () => {
    const { rows } = await readCsvText('Vehicle,Shift\nV1,07:00-17:00\nV2,07:00-25:00\n', hub, 'vehicles');
    expect(issueLines(rows)).toEqual(["row 3, shift: '25:00' is not a valid time of day"]);
    expect(parseBreaks('12:00-12:00')).toMatchObject({ ok: false });
    const fields = fieldsFor('vehicles', ['kg']);
    expect(detectShiftColumns(['Vehicle', 'Shift'], [['V1', 'Early'], ['V2', '07:00-15:00']], ['id', 'shift'], fields)).toEqual(['id', 'extra']);
    expect(detectShiftColumns(['Vehicle', 'Shift'], [['V1', '06:00-14:00'], ['V2', '']], ['id', 'shift'], fields)).toEqual(['id', 'shift']);
  });
});
