// A vehicles file keeps every rule it states and invents none: crew size and
// crew skills apart from features, starts at depots named or placed by
// coordinates (new depots planned once per place), breaks, limits, costs,
// overtime; no capacity column = no limit; unknown columns kept and reported.
import { describe, expect, it } from 'vitest';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import type { Depot, Order, Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { DEFAULT_SERVICE_TYPES } from '../../../web/src/domain/service-types';
import { serviceSkillLines } from '../../../web/src/io/skill-words';
import { keptColumns } from '../../../web/src/io/import-checks';
import { rowAddress } from '../../../web/src/io/import-orders';
import { guessKind, mergeIntoScenario, readTable } from '../../../web/src/io/import-rows';
import { issueLines, readCsvText } from '../../helpers/import-table';

const hub: Depot = { id: 'pdx-central', name: 'Portland Central', lat: 45.53, lng: -122.67, open: 360, close: 1200 };
const withHub: Scenario = { ...makeBlankScenario('b', 'Blank', '2026-12-01'), depots: [hub] };

async function read(csv: string, scenario: Scenario = withHub) {
  const result = await readCsvText(csv, scenario, 'vehicles');
  return { ...result, vehicles: result.rows.map((r) => r.value as Vehicle) };
}

describe('vehicles file', () => {
  it('reads "Skills" as crew skills and Equipment / yes-no columns as features, with the crew size', async () => {
    const { ctx, vehicles, rows } = await read([
      'Vehicle,Crew size,Skills,Equipment,Liftgate,Refrigerated',
      'T1,2,"white-glove, installer",pallet jack,x,no',
      'V1,,installer,,,yes',
      'V2,1,,,no,',
    ].join('\n'));
    expect(ctx.targets).toEqual(['id', 'crewSize', 'crewSkills', 'features', 'flag', 'flag']);
    expect(issueLines(rows)).toEqual([]);
    expect(vehicles.map((v) => [v.id, v.crew, v.features])).toEqual([
      ['T1', { size: 2, skills: ['white-glove', 'installer'] }, ['pallet jack', 'liftgate']],
      ['V1', { size: 1, skills: ['installer'] }, ['refrigerated']],
      ['V2', { size: 1, skills: [] }, undefined],
    ]);
  });

  it('reads an empty cell of a skills column, in a file without crew sizes, as a crew without those skills', async () => {
    const { vehicles } = await read(['Vehicle,Skills', 'S1,kran', 'S2,', 'S3,"kran, kühl"'].join('\n'));
    expect(vehicles.map((v) => [v.id, v.crew])).toEqual([
      ['S1', { size: 1, skills: ['kran'] }], ['S2', { size: 1, skills: [] }], ['S3', { size: 1, skills: ['kran', 'kühl'] }],
    ]);
    // With a crew size column, both cells empty leave the crew out of the model, as the export writes it.
    const sized = await read(['Vehicle,Crew size,Skills', 'S1,2,kran', 'S2,,'].join('\n'));
    expect(sized.vehicles.map((v) => [v.id, v.crew])).toEqual([['S1', { size: 2, skills: ['kran'] }], ['S2', undefined]]);
    // No crew column at all: no crew.
    expect((await read('Vehicle,Capacity kg\nS1,800')).vehicles[0].crew).toBeUndefined();
  });

  it('reads a skills entry that names a service type ("Montage") as the skills that type needs, on vehicles and orders, and says so', async () => {
    const { vehicles, ctx, table } = await read(['Kennzeichen,Fähigkeiten', 'L-1,Montage', 'L-2,"Montage, Kran"', 'L-3,', 'L-4,installer', 'L-5,"Lieferung, WG"'].join('\n'));
    expect(vehicles.map((v) => [v.id, v.crew?.skills])).toEqual([
      ['L-1', ['installer']], ['L-2', ['installer', 'Kran']], ['L-3', []], ['L-4', ['installer']],
      // A type that needs no skill, and a word too short to name one, stay as written.
      ['L-5', ['Lieferung', 'WG']],
    ]);
    expect(serviceSkillLines(table, ctx.targets, withHub.settings, 'vehicle')).toEqual(['“Montage” in Fähigkeiten: the skill Installation needs (installer), 2 vehicles']);
    // The scenario's catalogue decides: installations needing a "fitter" make "Assembly" that.
    const edited: Scenario = { ...withHub, settings: { ...withHub.settings, serviceTypes: { installation: { ...DEFAULT_SERVICE_TYPES.installation, skills: ['fitter'] } } } };
    expect((await read('Vehicle,Skills\nV1,Assembly', edited)).vehicles[0].crew?.skills).toEqual(['fitter']);
    // An order's skills read the same way, so the two sides agree.
    const orders = await readCsvText(['Order,Lat,Lng,Skills', 'o1,45.5,-122.6,Montage'].join('\n'), withHub, 'orders');
    expect((orders.rows[0].value as Order).skills).toEqual(['installer']);
  });

  it('invents no limit: no capacity column or an empty cell is no limit, no shift is the whole day, absent costs are zero', async () => {
    const { vehicles } = await read('Vehicle,Capacity kg\nV1,\nV2,800');
    expect(vehicles[0]).toEqual({
      id: 'V1', name: 'V1', type: 'van', capacity: [null, null], startDepotId: 'pdx-central', endDepotId: 'pdx-central',
      shift: { start: 0, end: 1440 }, speedFactor: 1, costs: { fixed: 0, perKm: 0, perHour: 0 },
    });
    expect(vehicles[1].capacity).toEqual([800, null]);
  });

  it('starts at a depot by name or id, or at coordinates in one cell or in lat/lng columns, planning each new place once', async () => {
    const { vehicles, newDepots, rows } = await read([
      'Vehicle,Start location,End location,Start lat,Start lng,Start depot name',
      'A,Portland Central,,,,',
      'B,"45.52, -122.68",pdx-central,,,',
      'C,"45.52000, -122.68000",,,,',
      'D,,,45.4660,-122.6531,Sellwood yard',
      'E,Gresham lot,,45.4987,-122.4310,',
      'F,"45.53010, -122.67010",,,,',
    ].join('\n'));
    expect(issueLines(rows)).toEqual([]);
    expect(vehicles.map((v) => [v.startDepotId, v.endDepotId])).toEqual([
      ['pdx-central', 'pdx-central'], ['depot-45-52-122-68', 'pdx-central'], ['depot-45-52-122-68', 'depot-45-52-122-68'],
      ['sellwood-yard', 'sellwood-yard'], ['gresham-lot', 'gresham-lot'],
      // Within a few metres of Portland Central: the same depot.
      ['pdx-central', 'pdx-central'],
    ]);
    expect(newDepots).toEqual([
      { id: 'depot-45-52-122-68', name: 'Depot 45.52, -122.68', lat: 45.52, lng: -122.68, open: 0, close: 1440 },
      { id: 'sellwood-yard', name: 'Sellwood yard', lat: 45.466, lng: -122.6531, open: 0, close: 1440 },
      { id: 'gresham-lot', name: 'Gresham lot', lat: 45.4987, lng: -122.431, open: 0, close: 1440 },
    ]);
    const merged = mergeIntoScenario(withHub, 'vehicles', 'replace', vehicles, newDepots);
    expect(merged.depots.map((d) => d.id)).toEqual(['pdx-central', 'depot-45-52-122-68', 'sellwood-yard', 'gresham-lot']);
  });

  it('names an unknown depot without coordinates, bad coordinates, and a missing start when there is no single depot', async () => {
    const blank = makeBlankScenario('b', 'Blank', '2026-12-01');
    const { rows, newDepots } = await read('Vehicle,Start,Start lat\nA,Depot X,\nB,"95.1, 4.8",\nC,,45.5', blank);
    expect(issueLines(rows)).toEqual([
      // No depot of that name and no coordinates: a start to place (geocoded or clicked), see the next test.
      'row 2, startDepot: no depot of that name and no coordinates yet: geocode it as an address or place it on the map',
      "row 3, startDepot: '95.1, 4.8': latitude 95.1 is outside -90…90 (latitude and longitude swapped?)",
      'row 4, startLng: the start longitude is missing',
    ]);
    expect(newDepots).toEqual([]);
  });

  it('waits for the place of a start given as an address, then starts every van of that address at one new depot named by it', async () => {
    const csv = [
      'Driver,Start Location,End Location,Shift',
      'Ana,"1200 NW Naito Pkwy, Portland","1200 NW Naito Pkwy, Portland",07:00-16:00',
      'Ben,"1200 NW Naito Pkwy, Portland",,07:00-16:00',
      'Cho,Portland Central,"9 Side St, Gresham",08:00-17:00',
      'Dee,"1200 nw naito pkwy, portland",Portland Central,08:00-17:00',
    ].join('\n');
    const known = "known: 'Portland Central'";
    const waiting = await read(csv);
    expect(waiting.ctx.targets).toEqual(['name', 'startDepot', 'endDepot', 'shift']);
    // One issue per place waiting (not a second for an end written as its start); an end at an address of its own waits too.
    expect(issueLines(waiting.rows)).toEqual([
      `row 2, startDepot: no depot of that name and no coordinates yet: geocode it as an address or place it on the map, or write a depot's name (${known})`,
      `row 3, startDepot: no depot of that name and no coordinates yet: geocode it as an address or place it on the map, or write a depot's name (${known})`,
      `row 4, endDepot: no depot of that name and no coordinates yet: geocode it as an address or place it on the map, or write a depot's name (${known})`,
      `row 5, startDepot: no depot of that name and no coordinates yet: geocode it as an address or place it on the map, or write a depot's name (${known})`,
    ]);
    expect(rowAddress(waiting.table.rows[0], waiting.ctx.targets)).toBe('1200 NW Naito Pkwy, Portland');
    // The review places row 2 (index 0): the later rows of that address start at the depot it makes.
    const placed = readTable(waiting.table, { ...waiting.ctx, placements: new Map([[0, { lat: 45.5262, lng: -122.6731 }]]) });
    expect(issueLines(placed.rows)).toEqual([`row 4, endDepot: no depot of that name and no coordinates yet: geocode it as an address or place it on the map, or write a depot's name (known: 'Portland Central', '1200 NW Naito Pkwy, Portland')`]);
    expect(placed.newDepots).toEqual([{ id: '1200-nw-naito-pkwy-portland', name: '1200 NW Naito Pkwy, Portland', lat: 45.5262, lng: -122.6731, open: 0, close: 1440 }]);
    const vans = placed.rows.flatMap((r) => (r.value ? [r.value as Vehicle] : []));
    expect(vans.map((v) => [v.name, v.startDepotId, v.endDepotId])).toEqual([
      ['Ana', '1200-nw-naito-pkwy-portland', '1200-nw-naito-pkwy-portland'],
      ['Ben', '1200-nw-naito-pkwy-portland', '1200-nw-naito-pkwy-portland'],
      ['Dee', '1200-nw-naito-pkwy-portland', 'pdx-central'],
    ]);
    // Row 4's end placed too (a place kept apart from the row's own): Cho ends the day at a depot of that address.
    const ends = readTable(waiting.table, { ...waiting.ctx, placements: new Map([[0, { lat: 45.5262, lng: -122.6731 }]]), endPlacements: new Map([[2, { lat: 45.4981, lng: -122.4315 }]]) });
    expect(issueLines(ends.rows)).toEqual([]);
    expect(ends.newDepots.map((d) => [d.id, d.name, d.lat, d.lng])).toEqual([
      ['1200-nw-naito-pkwy-portland', '1200 NW Naito Pkwy, Portland', 45.5262, -122.6731],
      ['9-side-st-gresham', '9 Side St, Gresham', 45.4981, -122.4315],
    ]);
    expect(ends.rows.map((r) => r.value && [(r.value as Vehicle).name, (r.value as Vehicle).startDepotId, (r.value as Vehicle).endDepotId])[2])
      .toEqual(['Cho', 'pdx-central', '9-side-st-gresham']);
    // An end's place is not its row's start's: a place given for row 4's start (it names a depot) changes nothing.
    const wrongSide = readTable(waiting.table, { ...waiting.ctx, placements: new Map([[0, { lat: 45.5262, lng: -122.6731 }], [2, { lat: 45.4981, lng: -122.4315 }]]) });
    expect(issueLines(wrongSide.rows)).toHaveLength(1);
    // "Return to" names the end as "End Location" does; a driver going home from the hub waits for home's place.
    const home = await read('Vehicle,Depot,Return to,Shift\nV1,Portland Central,"7 Home Ln, Portland",07:00-16:00');
    expect(home.ctx.targets).toEqual(['id', 'startDepot', 'endDepot', 'shift']);
    expect(issueLines(home.rows)).toEqual([`row 2, endDepot: no depot of that name and no coordinates yet: geocode it as an address or place it on the map, or write a depot's name (${known})`]);
    // A place within 50 m of a depot the scenario has is that depot, not a second one.
    const atHub = readTable(waiting.table, { ...waiting.ctx, placements: new Map([[0, { lat: hub.lat + 0.0002, lng: hub.lng }]]) });
    expect(atHub.newDepots).toEqual([]);
    expect(atHub.rows.flatMap((r) => (r.value ? [(r.value as Vehicle).startDepotId] : []))).toEqual(['pdx-central', 'pdx-central', 'pdx-central']);
  });

  it('knows a fleet by its start address in other languages, and reads a shift under its group ("Horaires" over "Début" | "Fin")', async () => {
    const files = [
      ['Véhicule,Chauffeur,Adresse de départ,Horaires,,Capacité', ',,,Début,Fin,kg', 'VAN-1,Luc,"12 Rue de Gerland, Lyon",07:00,16:00,400'],
      ['Fahrzeug;Fahrer;Startadresse;Zieladresse;Schichtbeginn;Schichtende;Nutzlast kg', 'B-1;Jan;Hauptstr. 5, Berlin;;07:00;16:00;900'],
      ['Vehículo;Conductor;Dirección de salida;Inicio turno;Fin turno;Capacidad kg', 'V1;Ana;Calle Mayor 1, Madrid;07:00;16:00;800'],
      ['Veicolo;Autista;Indirizzo di partenza;Inizio turno;Fine turno;Portata kg', 'V1;Marco;Via Roma 1, Milano;07:00;16:00;800'],
      ['Voertuig;Chauffeur;Vertrekadres;Begintijd;Eindtijd;Laadvermogen kg', 'V1;Piet;Damrak 1, Amsterdam;07:00;16:00;800'],
    ];
    for (const lines of files) {
      const { ctx, rows } = await readCsvText(lines.join('\n'), withHub);
      expect(ctx.kind, lines[0]).toBe('vehicles');
      expect(ctx.targets.slice(0, 3), lines[0]).toEqual(['id', 'name', 'startDepot']);
      expect(ctx.targets, lines[0]).toContain('shiftEnd');
      expect(rows[0].issues.map((i) => i.field), lines[0]).toEqual(['startDepot']);
      expect(rows[0].issues[0].message).toMatch(/^no depot of that name and no coordinates yet/);
    }
    // An order list's delivery address stays an order's ("Adresse de livraison").
    const orders = await readCsvText(['Commande,Adresse de livraison,Poids', 'C1,"3 Quai Claude Bernard, Lyon",12'].join('\n'), withHub);
    expect(orders.ctx.kind).toBe('orders');
    // A depot word alone ("Standort", "Lager") does not make a list a fleet: only a start or end address does.
    expect(guessKind(['Auftrag', 'Standort', 'Gewicht'])).toBe('orders');
    expect(guessKind(['Auftrag', 'Lager', 'Gewicht'])).toBe('orders');
  });

  it('reads a break given as its length alone, and a break window beside a break length as one break', async () => {
    // "Break: 30 min" was refused; "Break window: 12:00-14:00" | "Break duration: 30" made a two-hour break and another of 30 minutes.
    const { rows } = await read(['Vehicle,Shift,Break', 'V1,07:00-17:00,30 min', 'V2,07:00-17:00,45', 'V4,07:00-17:00,lunch: 12:00-13:00; 15:00-15:30 15', 'V5,07:00-17:00,12:00'].join('\n'));
    expect(issueLines(rows)).toEqual(["row 5, breaks: '12:00' is not a break (write the window then the minutes: 12:00-13:30 30)"]);
    expect(rows.slice(0, 3).map((r) => (r.value as Vehicle).breaks!.map((b) => [b.timeWindows, b.minutes]))).toEqual([
      [[[{ start: 420, end: 1020 }], 30]],
      [[[{ start: 420, end: 1020 }], 45]],
      [[[{ start: 720, end: 780 }], 60], [[{ start: 900, end: 930 }], 15]],
    ]);
    const paired = await read(['Driver,Shift,Break duration,Break window', 'Ana,7am - 5pm,30,12:00-14:00'].join('\n'));
    expect(paired.ctx.targets).toEqual(['name', 'shift', 'breakMinutes', 'breaks']);
    expect(paired.vehicles[0].breaks).toEqual([{ id: 'break-1', timeWindows: [{ start: 720, end: 840 }], minutes: 30 }]);
  });

  it('reads breaks from one cell ("12:00-13:30 30", several, with ids) or from start/end/minutes columns', async () => {
    const { vehicles, rows } = await read([
      'Vehicle,Shift start,Shift end,Breaks,Break start,Break end,Break minutes',
      'A,08:00,17:00,12:00-13:30 30,,,',
      'B,08:00,17:00,"lunch: 11:30-13:00|13:30-14:00 30; coffee: 15:00-16:00 10",,,',
      'C,08:00,17:00,,12:00,14:00,45',
      'D,08:00,17:00,,,,20',
      'E,08:00,17:00,,12:00,13:00,',
      'F,08:00,17:00,,12:00,,',
    ].join('\n'));
    expect(vehicles.slice(0, 5).map((v) => v.breaks)).toEqual([
      [{ id: 'break-1', timeWindows: [{ start: 720, end: 810 }], minutes: 30 }],
      [{ id: 'lunch', timeWindows: [{ start: 690, end: 780 }, { start: 810, end: 840 }], minutes: 30 }, { id: 'coffee', timeWindows: [{ start: 900, end: 960 }], minutes: 10 }],
      [{ id: 'break', timeWindows: [{ start: 720, end: 840 }], minutes: 45 }],
      // No window: anywhere in the shift.
      [{ id: 'break', timeWindows: [{ start: 480, end: 1020 }], minutes: 20 }],
      // A start and an end without minutes: the whole window, as "12:00-13:00" alone in a breaks cell.
      [{ id: 'break', timeWindows: [{ start: 720, end: 780 }], minutes: 60 }],
    ]);
    expect(issueLines(rows)).toEqual(['row 7, breakMinutes: the break has a window but no length: give its minutes']);
  });

  it('reads limits, costs, overtime and speed, and says what is wrong', async () => {
    const { vehicles, rows } = await read([
      'Vehicle,Max stops,Max duration,Max driving time,Max distance km,Cost per km,Cost per hour,Fixed cost,Overtime max minutes,Overtime cost per minute,Speed factor,Shift start,Shift end',
      'A,14,8:30,6h,180,0.5,40,75,60,1.2,1.1,,',
      'B,,,,,,,,,0.8,,,',
      'C,many,,,,,,,,,,,',
      'D,,,,,,,,,,20,17:00,08:00',
    ].join('\n'));
    expect(vehicles[0]).toMatchObject({
      limits: { maxStops: 14, maxDurationMinutes: 510, maxDrivingMinutes: 360, maxDistanceKm: 180 },
      costs: { fixed: 75, perKm: 0.5, perHour: 40 }, overtime: { maxMinutes: 60, costPerMinute: 1.2 }, speedFactor: 1.1,
    });
    expect(issueLines(rows)).toEqual([
      'row 3, overtimeMaxMinutes: an overtime cost needs the overtime allowed (max minutes)',
      "row 4, maxStops: 'many' is not a number",
      'row 5, shiftStart: window opens after it closes (one past midnight is written 22:00-02:00 +1)',
      'row 5, speedFactor: must be ≤ 10',
    ]);
  });

  it('keeps columns no rule reads on the vehicle and lists them for the review', async () => {
    const { vehicles, table, ctx } = await read('Vehicle,Driver phone,Licence class\nA,+1 503 555 0301,C');
    expect(vehicles[0].extra).toEqual({ 'Driver phone': '+1 503 555 0301', 'Licence class': 'C' });
    expect(keptColumns(table, ctx.targets)).toEqual(['Driver phone', 'Licence class']);
  });
});
