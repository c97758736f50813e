// Cells and headers as other countries' sheets write them, found on files no test had seen: dates in words
// ("Dec 10, 2026", "10. Dezember 2026", "jeudi 10 décembre 2026"), two windows with only a space or "&" between,
// a remark in brackets after a window, the street and its house number in two columns ("Straße" | "Hausnummer"),
// and a Polish sheet's headers and cells.
import { describe, expect, it } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import type { Order, Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { datesOf, normalizeHeader, parseCoordinatePair, parseDegrees, parseWindows } from '../../../web/src/io/cell-parse';
import { autoMatch, detectDateColumn, fieldsFor } from '../../../web/src/io/column-map';
import { rowAddress } from '../../../web/src/io/import-orders';
import { fileDates } from '../../../web/src/io/import-rows';
import { issueLines, readCsvText } from '../../helpers/import-table';

const december10 = ['2026-12-10'];

describe('dates written in words', () => {
  it('reads a month by its name or short form in eight languages, with or without the day of the week', () => {
    const written = [
      '10 Dec 2026', 'Dec 10, 2026', 'December 10th, 2026', 'Thursday, December 10, 2026', '10-Dec-2026', '10-Dec-26', 'Thu 10 Dec 2026 09:30',
      '10. Dezember 2026', 'Do, 10. Dez. 2026', 'jeudi 10 décembre 2026', '10 déc. 2026', '10 de diciembre de 2026', 'jueves, 10 dic 2026',
      '10 dicembre 2026', 'giovedì 10 dic 2026', '10 december 2026', 'do 10 dec 2026', '10 de dezembro de 2026', '10 grudnia 2026', 'czwartek, 10 gru 2026',
      'Dec 10, 2026 2:00 PM',
    ];
    for (const text of written) expect(datesOf(text), text).toEqual(december10);
    // "mar" is March, and the French Tuesday when another month is named.
    expect(datesOf('mar 8 déc 2026')).toEqual(['2026-12-08']);
    expect(datesOf('8 mar 2026')).toEqual(['2026-03-08']);
    // Eight digits of a year of this or the last century.
    expect(datesOf('20261210')).toEqual(december10);
  });

  it('reads nothing that is no whole date: no year, two months, a word that is neither, a day outside the month', () => {
    for (const text of ['10 Dec', 'Thursday', 'Dec 2026', 'December 10 2026 batch 3', '31 Nov 2026', '10 Dec Jan 2026', '12345678', '2026121', 'Mayfield 10 2026'])
      expect(datesOf(text), text).toEqual([]);
  });

  it('holds back the orders of another day in a file whose dates are in words, and keeps the date column as the date', async () => {
    const scenario: Scenario = { ...makeBlankScenario('l', 'London', '2026-12-10'), depots: [{ id: 'hub', name: 'Hub', lat: 51.5, lng: -0.1, open: 0, close: 1440 }] };
    const { rows, ctx } = await readCsvText([
      'Order,Delivery Date,Lat,Lng',
      'A1,"Thu, Dec 10, 2026",51.51,-0.12',
      'A2,10-Dec-2026,51.52,-0.13',
      'A3,"Fri, Dec 11, 2026",51.53,-0.14',
    ].join('\n'), scenario, 'orders');
    expect(detectDateColumn([['A1', 'Thu, Dec 10, 2026'], ['A3', '11 Dec 2026']], ['id', 'date'])).toEqual(['id', 'date']);
    expect(ctx.targets[1]).toBe('date');
    expect(rows.filter((r) => r.value).map((r) => (r.value as Order).id)).toEqual(['A1', 'A2']);
    expect(issueLines(rows)).toEqual([
      "row 4, date: for 2026-12-11, not this scenario's day (2026-12-10): remove the row, or import it into a scenario of that day (if “Delivery Date” is not the delivery day, keep it as a custom field)",
    ]);
    expect(fileDates({ headers: [], rows: [['A1', '10 Dec 2026'], ['A3', '11 Dec 2026']], warnings: [] }, 'orders', ['id', 'date'], '2026-12-10'))
      .toEqual({ days: new Map([['2026-12-10', 1], ['2026-12-11', 1]]), hold: true, monthFirst: null });
  });
});

describe('windows as other sheets write them', () => {
  it('reads two windows with only a space, "&" or "+" between them', () => {
    const twoWindows = { ok: true, value: [{ start: 480, end: 720 }, { start: 840, end: 1080 }] };
    for (const text of ['08:00-12:00 14:00-18:00', '8-12 14-18', '8:00 - 12:00  14:00 - 18:00', '8am-12pm 2pm-6pm', '8:00-12:00 & 14:00-18:00', '8-12 + 14-18', '8h-12h 14h-18h'])
      expect(parseWindows(text, 'clock'), text).toEqual(twoWindows);
    // A single window is still one; a start that has no end is still refused.
    expect(parseWindows('8:00 - 12:00', 'clock')).toEqual({ ok: true, value: [{ start: 480, end: 720 }] });
    expect(parseWindows('8-12 14', 'clock').ok).toBe(false);
  });

  it('leaves out a remark in brackets, and reads the Italian "ore" and Polish words', () => {
    expect(parseWindows('12:00-14:00 (lunch)', 'clock')).toEqual({ ok: true, value: [{ start: 720, end: 840 }] });
    expect(parseWindows('ore 9-12', 'clock')).toEqual({ ok: true, value: [{ start: 540, end: 720 }] });
    for (const text of ['od 9 do 12', 'godz. 9-12', 'od 9:00 do 12:00']) expect(parseWindows(text, 'clock'), text).toEqual({ ok: true, value: [{ start: 540, end: 720 }] });
    expect(parseWindows('od 9 do 12 i od 15 do 18', 'clock')).toEqual({ ok: true, value: [{ start: 540, end: 720 }, { start: 900, end: 1080 }] });
    expect(parseWindows('do 12', 'clock')).toEqual({ ok: true, value: [{ start: 0, end: 720 }] });
    expect(parseWindows('po 14', 'clock')).toEqual({ ok: true, value: [{ start: 840, end: 1440 }] });
    expect(parseWindows('popołudnie (2-5)', 'clock')).toEqual({ ok: true, value: [{ start: 840, end: 1020 }] });
    expect(parseWindows('cały dzień', 'clock')).toEqual({ ok: true, value: [] });
    // Hours under a word that is no part of the day still are no window.
    expect(parseWindows('Closed (12-13)', 'clock').ok).toBe(false);
  });
});

describe('a street and its house number in columns of their own', () => {
  it('matches the columns in German, Dutch, French, Spanish, Italian and English', () => {
    const fields = fieldsFor('orders', ['kg']);
    for (const [street, number] of [['Straße', 'Hausnummer'], ['Straat', 'Huisnummer'], ['Rue', 'Numéro de rue'], ['Calle', 'Número de calle'], ['Indirizzo', 'Numero civico'], ['Street', 'House number'], ['Ulica', 'Nr domu']])
      expect(autoMatch(['Id', street, number, 'PLZ'], fields).slice(1, 3), street).toEqual(['address', 'houseNumber']);
  });

  it('joins the number after its street, as the address to geocode, and leads with it when no street is given', async () => {
    const scenario: Scenario = { ...makeBlankScenario('b', 'Berlin', '2026-12-10'), depots: [{ id: 'hub', name: 'Lager', lat: 52.5, lng: 13.4, open: 0, close: 1440 }] };
    const { rows, ctx } = await readCsvText('Auftrag;Straße;Hausnummer;PLZ;Ort\nB1;Hauptstraße;5;10827;Berlin\nB2;Torstraße;;10119;Berlin\n', scenario, 'orders');
    expect(ctx.targets).toEqual(['id', 'address', 'houseNumber', 'zip', 'city']);
    // Without coordinates the rows wait to be placed, their addresses whole.
    expect(rows.map((r) => r.value === null ? null : (r.value as Order).address)).toEqual([null, null]);
    expect(rowAddress(['B1', 'Hauptstraße', '5', '10827', 'Berlin'], ctx.targets)).toBe('Hauptstraße 5, Berlin, 10827');
    expect(rowAddress(['B2', 'Torstraße', '', '10119', 'Berlin'], ctx.targets)).toBe('Torstraße, Berlin, 10119');
    expect(rowAddress(['B3', '', '12', '10119', 'Berlin'], ctx.targets)).toBe('12, Berlin, 10119');
    const placed = await readCsvText('Auftrag;Straße;Hausnummer;Breitengrad;Längengrad\nB1;Hauptstraße;5;52,48;13,35\n', scenario, 'orders');
    expect((placed.rows[0].value as Order).address).toBe('Hauptstraße 5');
  });
});

describe('a Polish sheet', () => {
  it('reads its headers, with "ł" read as "l"', () => {
    expect(normalizeHeader('Długość geograficzna')).toBe('dlugosc geograficzna');
    const orders = ['Numer zamówienia', 'Klient', 'Adres', 'Kod pocztowy', 'Miasto', 'Data dostawy', 'Okno czasowe', 'Waga (kg)', 'Liczba paczek', 'Uwagi', 'Telefon', 'Szerokość geograficzna', 'Długość geograficzna', 'Czas obsługi', 'Priorytet'];
    expect(autoMatch(orders, fieldsFor('orders', ['kg', 'items']))).toEqual(['id', 'customerName', 'address', 'zip', 'city', 'date', 'window', 'amount:0', 'amount:1', 'notes', 'phone', 'lat', 'lng', 'serviceMinutes', 'priority']);
    const fleet = ['Nr rejestracyjny', 'Kierowca', 'Ładowność (kg)', 'Początek zmiany', 'Koniec zmiany', 'Przerwa', 'Koszt za km'];
    expect(autoMatch(fleet, fieldsFor('vehicles', ['kg']))).toEqual(['id', 'name', 'capacity:0', 'shiftStart', 'shiftEnd', 'breaks', 'perKmCost']);
  });

  it('imports a Polish sheet with its dates, windows and priorities in words', async () => {
    const scenario: Scenario = { ...makeBlankScenario('w', 'Warszawa', '2026-12-10'), depots: [{ id: 'hub', name: 'Magazyn', lat: 52.23, lng: 21.01, open: 0, close: 1440 }] };
    const { rows } = await readCsvText([
      'Numer zamówienia;Klient;Data dostawy;Okno czasowe;Waga (kg);Priorytet;Szerokość geograficzna;Długość geograficzna',
      'Z1;Kowalski;10 grudnia 2026;od 9 do 12;12,5;wysoki;52,22;21,02',
      'Z2;Nowak;10.12.2026;14:00-17:00 18:00-20:00;3;niski;52,24;21,03',
    ].join('\n'), scenario, 'orders');
    expect(issueLines(rows)).toEqual([]);
    const [z1, z2] = rows.map((r) => r.value as Order);
    expect([z1.customerName, z1.timeWindows, z1.amounts[0], z1.priority]).toEqual(['Kowalski', [{ start: 540, end: 720 }], 12.5, 6]);
    expect([z2.timeWindows, z2.priority]).toEqual([[{ start: 840, end: 1020 }, { start: 1080, end: 1200 }], 1]);
  });

  it('reads a Polish fleet sheet', async () => {
    const scenario: Scenario = { ...makeBlankScenario('w', 'Warszawa', '2026-12-10'), depots: [{ id: 'hub', name: 'Magazyn', lat: 52.23, lng: 21.01, open: 0, close: 1440 }] };
    const { rows } = await readCsvText('Nr rejestracyjny;Kierowca;Ładowność (kg);Początek zmiany;Koniec zmiany\nWA 12345;Jan;900;7:00;15:00\n', scenario, 'vehicles');
    expect(issueLines(rows)).toEqual([]);
    const van = rows[0].value as Vehicle;
    expect([van.id, van.name, van.capacity[0], van.shift]).toEqual(['WA 12345', 'Jan', 900, { start: 420, end: 900 }]);
  });
});

describe('the day a window is written with', () => {
  const portland: Scenario = { ...makeBlankScenario('p', 'Portland', '2026-12-01'), depots: [{ id: 'hub', name: 'Hub', lat: 45.5, lng: -122.6, open: 0, close: 1440 }] };
  const onfleet = (rows: string[]) => ['Recipient_Name,Latitude,Longitude,Complete_After,Complete_Before', ...rows].join('\n');

  it('holds back the orders whose windows are on another day, in a file without a date column, and counts the days', async () => {
    const { rows, table, ctx } = await readCsvText(onfleet([
      'Florist,45.53,-122.63,12/01/2026 8:00 AM,12/01/2026 10:30 AM',
      'Bakery,45.52,-122.64,12/02/2026 9:00 AM,12/02/2026 11:00 AM',
      'Cafe,45.51,-122.65,2026-12-02 13:00,2026-12-02 15:00',
      'Deli,45.50,-122.66,12/01/2026 1:00 PM,12/01/2026 3:00 PM',
      'Books,45.49,-122.67,9:00 AM,11:00 AM',
    ]), portland, 'orders');
    expect(ctx.targets.slice(3)).toEqual(['windowStart', 'windowEnd']);
    expect(rows.filter((r) => r.value).map((r) => (r.value as Order).customerName)).toEqual(['Florist', 'Deli', 'Books']);
    // "12/02/2026" reads either way round; the file writes its month first (its "12/01/2026" is the scenario's day so
    // read): the 2nd of December.
    expect(issueLines(rows)).toEqual([
      "row 3, date: for 2026-12-02, not this scenario's day (2026-12-01): remove the row, or import it into a scenario of that day",
      "row 4, date: for 2026-12-02, not this scenario's day (2026-12-01): remove the row, or import it into a scenario of that day",
    ]);
    expect(rows[2].issues[0].column).toBe(3);
    // The file writes its month first (its "12/01/2026" is the scenario's day read so): "12/02/2026" is the 2nd of December.
    expect(fileDates(table, 'orders', ctx.targets, '2026-12-01')).toEqual({ days: new Map([['2026-12-01', 2], ['2026-12-02', 2]]), hold: true, monthFirst: true });
    // A file that writes its day first by a date that reads one way only ("13/12/2026"): "12/02/2026" is the 12th of February.
    const dayFirst = { headers: [], rows: [['A', '13/12/2026 09:00'], ['B', '12/02/2026 09:00'], ['C', '01/12/2026 09:00']], warnings: [] };
    expect(fileDates(dayFirst, 'orders', ['customerName', 'windowStart'], '2026-12-01').days).toEqual(new Map([['2026-12-13', 1], ['2026-02-12', 1], ['2026-12-01', 1]]));
  });

  it('plans a file whose windows are all of another day on the scenario\'s day (the review says so), and a date column wins over the windows', async () => {
    const other = await readCsvText(onfleet(['Bakery,45.52,-122.64,12/02/2026 9:00 AM,12/02/2026 11:00 AM']), portland, 'orders');
    expect(issueLines(other.rows)).toEqual([]);
    expect((other.rows[0].value as Order).timeWindows).toEqual([{ start: 540, end: 660 }]);
    expect(fileDates(other.table, 'orders', other.ctx.targets, '2026-12-01')).toEqual({ days: new Map([['2026-12-02', 1]]), hold: false, monthFirst: null });
    const dated = await readCsvText('Name,Date,Lat,Lng,Window\nA,2026-12-01,45.5,-122.6,2026-12-02 09:00 - 2026-12-02 11:00\nB,2026-12-02,45.5,-122.6,09:00-11:00\n', portland, 'orders');
    expect(issueLines(dated.rows)).toEqual([
      "row 3, date: for 2026-12-02, not this scenario's day (2026-12-01): remove the row, or import it into a scenario of that day (if “Date” is not the delivery day, keep it as a custom field)",
    ]);
  });
});

describe('fleet templates of other tools', () => {
  it('reads OptimoRoute\'s drivers template capacities ("Vehicle Capacity 1/2") and a fleet\'s "Earliest start" / "Latest end"', async () => {
    const scenario: Scenario = { ...makeBlankScenario('p', 'Portland', '2026-12-01'), depots: [{ id: 'hub', name: 'Hub', lat: 45.5, lng: -122.6, open: 0, close: 1440 }] };
    const optimo = await readCsvText('Driver Serial,Driver Name,Vehicle Registration,Vehicle Capacity 1,Vehicle Capacity 2,Work Time From,Work Time To\nD1,Ana,ABC-123,900,60,07:00,16:00\n', scenario, 'vehicles');
    expect(optimo.ctx.targets).toEqual(['id', 'name', 'extra', 'capacity:0', 'capacity:1', 'shiftStart', 'shiftEnd']);
    expect(issueLines(optimo.rows)).toEqual([]);
    expect((optimo.rows[0].value as Vehicle).capacity).toEqual([900, 60]);
    const other = await readCsvText('Vehicle,Earliest start,Latest end,Max weight\nV1,6:30,15:30,800\n', scenario, 'vehicles');
    expect(other.ctx.targets).toEqual(['id', 'shiftStart', 'shiftEnd', 'capacity:0']);
    expect((other.rows[0].value as Vehicle).shift).toEqual({ start: 390, end: 930 });
  });
});

describe('Swedish, Danish and Norwegian sheets', () => {
  const stockholm: Scenario = { ...makeBlankScenario('s', 'Stockholm', '2026-12-10'), depots: [{ id: 'hub', name: 'Lager', lat: 59.33, lng: 18.06, open: 0, close: 1440 }] };

  it('matches their headers', () => {
    const orders = fieldsFor('orders', ['kg', 'items']);
    expect(autoMatch(['Ordernummer', 'Kund', 'Adress', 'Postnummer', 'Ort', 'Leveransdatum', 'Tidsfönster', 'Vikt (kg)', 'Antal kolli', 'Kommentar', 'Servicetid (min)', 'Prioritet'], orders))
      .toEqual(['id', 'customerName', 'address', 'zip', 'city', 'date', 'window', 'amount:0', 'amount:1', 'notes', 'serviceMinutes', 'priority']);
    expect(autoMatch(['Ordrenummer', 'Modtager', 'Leveringsadresse', 'Leveringsdato', 'Tidsvindue', 'Vægt (kg)', 'Bemærkning', 'Breddegrad', 'Længdegrad'], orders))
      .toEqual(['id', 'customerName', 'address', 'date', 'window', 'amount:0', 'notes', 'lat', 'lng']);
    expect(autoMatch(['Fordon', 'Förare', 'Starttid', 'Sluttid', 'Lastkapacitet (kg)', 'Rast', 'Depå', 'Kostnad per km'], fieldsFor('vehicles', ['kg'])))
      .toEqual(['id', 'name', 'shiftStart', 'shiftEnd', 'capacity:0', 'breaks', 'startDepot', 'perKmCost']);
  });

  it('reads their windows, dates, service types and priorities as written', async () => {
    for (const [text, window] of [['kl. 9-12', [540, 720]], ['mellan 9 och 12', [540, 720]], ['fra 9 til 12', [540, 720]], ['från 9 till 12', [540, 720]], ['efter 14', [840, 1440]], ['senast 12', [0, 720]], ['em (13-17)', [780, 1020]]] as const)
      expect(parseWindows(text, 'clock'), text).toEqual({ ok: true, value: [{ start: window[0], end: window[1] }] });
    expect(parseWindows('hela dagen', 'clock')).toEqual({ ok: true, value: [] });
    for (const text of ['torsdag 10 december 2026', '10 dec. 2026', 'torsdag den 10. december 2026']) expect(datesOf(text), text).toEqual(december10);
    const { rows } = await readCsvText([
      'Ordernummer;Kund;Leveransdatum;Tidsfönster;Tjänst;Prioritet;Latitud;Longitud',
      'S1;Lindqvist;2026-12-10;kl. 9-12;Leverans;Hög;59,34;18,07',
      'S2;Åberg;2026-12-10;fra 13 til 16;Montering;Låg;59,32;18,05',
    ].join('\n'), stockholm, 'orders');
    expect(issueLines(rows)).toEqual([]);
    expect(rows.map((r) => { const o = r.value as Order; return [o.serviceType, o.priority, o.timeWindows]; })).toEqual([
      ['curbside', 6, [{ start: 540, end: 720 }]],
      ['installation', 1, [{ start: 780, end: 960 }]],
    ]);
  });
});

describe('coordinates as GPS devices and maps write them', () => {
  it('reads a hemisphere letter and degrees, minutes and seconds; S and W are negative', () => {
    expect(['51.5074 N', 'N51.5074', '0.1278° W', 'W 0.1278', '51°30\'26"N', '51° 30.444\' N', '33°51\'54"S', '151.2093 E', '-0.1278', '51.5']
      .map((t) => parseDegrees(t)?.value ?? null)).toEqual([51.5074, 51.5074, -0.1278, -0.1278, 51.5072222, 51.5074, -33.865, 151.2093, null, null]);
    expect(parseDegrees('N 51.5 W')).toBeNull();
    expect(parseCoordinatePair('51.5074° N, 0.1278° W')).toEqual({ ok: true, value: { lat: 51.5074, lng: -0.1278 } });
    // Placed by their letters, whatever the order.
    expect(parseCoordinatePair('0.1278 W, 51.5074 N')).toEqual({ ok: true, value: { lat: 51.5074, lng: -0.1278 } });
    expect(parseCoordinatePair('N 51°30\'26" W 0°07\'39"')).toEqual({ ok: true, value: { lat: 51.5072222, lng: -0.1275 } });
    expect(parseCoordinatePair('51.5 N, 52.1 N')).toEqual({ ok: false, message: "'51.5 N, 52.1 N' gives two latitudes" });
  });

  it('imports them from latitude and longitude columns, and names a letter in the wrong column', async () => {
    const london: Scenario = { ...makeBlankScenario('l', 'London', '2026-12-10'), depots: [{ id: 'hub', name: 'Hub', lat: 51.5, lng: -0.1, open: 0, close: 1440 }] };
    const { rows } = await readCsvText('Order,Lat,Lng\nA,51°30\'26"N,0°07\'39"W\nB,51.5074 N,0.1278 W\nC,0.1278 W,51.5074 N\n', london, 'orders');
    expect(rows.slice(0, 2).map((r) => [(r.value as Order).lat, (r.value as Order).lng])).toEqual([[51.5072222, -0.1275], [51.5074, -0.1278]]);
    expect(issueLines(rows.slice(2))).toEqual([
      "row 4, lat: '0.1278 W' is a longitude (its letter says so), in a latitude column: latitude and longitude swapped?",
      "row 4, lng: '51.5074 N' is a latitude (its letter says so), in a longitude column: latitude and longitude swapped?",
    ]);
  });
});

describe('windows past midnight', () => {
  const night: Scenario = { ...makeBlankScenario('n', 'Night', '2026-12-10'), depots: [{ id: 'hub', name: 'Hub', lat: 45.5, lng: -122.6, open: 0, close: 2880 }] };

  it('reads an end dated the next day, or marked +1, as a time on the next day', () => {
    const tonight = { ok: true, value: [{ start: 1320, end: 1560 }] };
    for (const text of ['10/12/2026 22:00 - 11/12/2026 02:00', '2026-12-10T22:00 to 2026-12-11T02:00', '22:00-02:00 +1', '22:00 - 02:00 (+1)'])
      expect(parseWindows(text, 'clock'), text).toEqual(tonight);
    // Both ends on one day: as before, the dates left out.
    expect(parseWindows('10/12/2026 09:00 - 10/12/2026 12:00', 'clock')).toEqual({ ok: true, value: [{ start: 540, end: 720 }] });
    // A "+" with spaces round it joins two windows; one right before a digit marks the next day.
    expect(parseWindows('8-12 + 14-18', 'clock')).toEqual({ ok: true, value: [{ start: 480, end: 720 }, { start: 840, end: 1080 }] });
  });

  it('says how to write a night window that reads as closing before it opens', async () => {
    const { rows } = await readCsvText('Order,Lat,Lng,Window\nN1,45.5,-122.6,22:00-02:00\nN2,45.5,-122.6,22:00-02:00 +1\n', night, 'orders');
    expect(issueLines(rows)).toEqual(['row 2, windowStart: window opens after it closes (one past midnight is written 22:00-02:00 +1)']);
    expect((rows[1].value as Order).timeWindows).toEqual([{ start: 1320, end: 1560 }]);
  });

  it('reads noon and midnight in words as clock times, and keeps a part of the day with its hours', () => {
    const windows = (text: string) => {
      const read = parseWindows(text, 'clock');
      return read.ok ? read.value.map((w) => [w.start, w.end]) : read.message;
    };
    const cases: [string, number[][]][] = [
      ['9am-12 noon', [[540, 720]]], ['noon-2pm', [[720, 840]]], ['10am–noon', [[600, 720]]], ['before noon', [[0, 720]]],
      ['bis Mittag', [[0, 720]]], ['avant midi', [[0, 720]]], ['de 9h à midi', [[540, 720]]], ['midi-14h', [[720, 840]]],
      ['entre las 9 y el mediodía', [[540, 720]]], ['dalle 9 a mezzogiorno', [[540, 720]]], ['10pm-midnight', [[1320, 1440]]],
      ['Mittag (12-14)', [[720, 840]]], ['après-midi (14-18)', [[840, 1080]]],
    ];
    for (const [text, expected] of cases) expect(windows(text), text).toEqual(expected);
    // The word inside another stays a word: "afternoon", "Nachmittag" and "après midi" alone are parts of the day, not guessed.
    for (const text of ['afternoon', 'Nachmittag', 'après midi']) expect(windows(text), text).toMatch(/is not a window/);
  });

  it('reads an end at 00:00 as midnight at the end of the day: a spreadsheet cannot hold 24:00', async () => {
    const untilMidnight = { ok: true, value: [{ start: 1320, end: 1440 }] };
    for (const text of ['22:00-00:00', '22:00 - 0:00', '10pm-12am', '22:00-24:00']) expect(parseWindows(text, 'clock'), text).toEqual(untilMidnight);
    expect(parseWindows('before 00:00', 'clock')).toEqual({ ok: true, value: [{ start: 0, end: 1440 }] });
    expect(parseWindows('00:00-00:00', 'clock')).toEqual({ ok: true, value: [{ start: 0, end: 1440 }] });
    // A start at 00:00 is the day's first minute.
    expect(parseWindows('00:00-06:00', 'clock')).toEqual({ ok: true, value: [{ start: 0, end: 360 }] });
    // From columns too (an .xlsx time of 0, read as "00:00"), and a fleet's shift and break.
    const orders = await readCsvText('Order,Lat,Lng,From,To\nE1,45.5,-122.6,18:00,00:00\n', night, 'orders');
    expect(issueLines(orders.rows)).toEqual([]);
    expect((orders.rows[0].value as Order).timeWindows).toEqual([{ start: 1080, end: 1440 }]);
    const fleet = await readCsvText('Vehicle,Shift start,Shift end,Break start,Break end,Break minutes\nV1,14:00,00:00,23:00,00:00,20\n', night, 'vehicles');
    expect(issueLines(fleet.rows)).toEqual([]);
    expect(fleet.rows[0].value as Vehicle).toMatchObject({ shift: { start: 840, end: 1440 }, breaks: [{ timeWindows: [{ start: 1380, end: 1440 }], minutes: 20 }] });
  });
});
