// Generators of spreadsheet tables for the order and vehicle importers: headers
// picked from the fields' own synonyms (so columns map) plus unknown, empty and
// duplicated headers; cells per field format, mostly plausible, sometimes
// malformed (wrong types, NaN/Infinity/huge/negative numbers, windows that close
// before they open, duplicated ids); a few tables repeated to tens of thousands of rows.
import fc from 'fast-check';
import { fieldsFor, type FieldDef, type ImportKind } from '../../web/src/io/column-map';

/** A generated table: `repeat` > 1 copies the rows (ids suffixed) up to tens of thousands. */
export interface TableSpec {
  kind: ImportKind;
  headers: string[];
  rows: string[][];
  repeat: number;
}

/** Capacity units of the scenarios the tables are read into (tests/fixtures/mini-scenario.ts). */
export const TABLE_UNITS = ['kg', 'items'];

const nasty = fc.constantFrom(
  '', ' ', 'NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '1e-320', 'null', 'undefined', 'true', '[object Object]',
  '<img src=x onerror=alert(1)>', '=1+1', '"', "'", '\u0000', '\ufeff', '\ufffd', '💥', 'é', '１２', '0x1A', '--5', '١٢',
);
const text = fc.oneof({ weight: 6, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: nasty }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) });
const number = (min: number, max: number) => fc.oneof(
  { weight: 8, arbitrary: fc.double({ min, max, noNaN: true }).map((x) => String(Math.round(x * 1e5) / 1e5)) },
  { weight: 2, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }).map((x) => (Math.abs(x) >= 1000 ? x.toLocaleString('en-US') : String(x))) },
  { weight: 1, arbitrary: fc.double({ min, max, noNaN: true }).map((x) => String(Math.round(x * 100) / 100).replace('.', ',')) },
);
const wildNumber = fc.oneof(fc.double().map(String), fc.integer().map(String), fc.constantFrom('-1', '-0', '1e308', '9007199254740993', '4.5.6', '1,2,3', '12abc'));
const clock = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom('am', 'pm', 'AM', ' p.m.')).map(([h, half]) => `${h}${half}`),
  fc.constantFrom('24:00', '23:59 +1', '1000', '930', '10h30', '2026-11-21T10:00', '11/30/2026 9:00 AM'),
);
const badClock = fc.constantFrom('25:00', '12:60', '99:99', '13pm', '-1:00', 'noon', '10:00:00:00', '24:01', '9 +9', '00:00 +3');
const windowText = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(clock, clock).map(([a, b]) => `${a}-${b}`) },
  { weight: 2, arbitrary: fc.array(fc.tuple(clock, clock).map(([a, b]) => `${a} to ${b}`), { maxLength: 3 }).map((w) => w.join('; ')) },
  { weight: 1, arbitrary: fc.constantFrom('12:00-10:00', '10-', '-', '10:00-11:00-12:00', '10:00 – 12:00', '8:00-18:00|x') },
);
const duration = fc.oneof(fc.integer({ min: 0, max: 600 }).map(String), fc.constantFrom('1:30', '8h', '1.5 h', '90 min', '0', '-5', '999999', '2880', '2881'));
const list = fc.array(fc.constantFrom('white-glove', 'installer', 'liftgate', 'ev', ' ', '(none)', '<b>x</b>'), { maxLength: 3 }).map((l) => l.join(', '));
const priority = fc.oneof(fc.integer({ min: -2, max: 12 }).map(String), fc.constantFrom('H', 'low', 'urgent', 'C', '2.5', 'critical', 'zzz'));
const place = fc.oneof(fc.constantFrom('hub', 'Hub', 'HUB', 'Nowhere', 'depot-2'), fc.tuple(number(-90, 90), number(-180, 180)).map(([a, b]) => `${a}, ${b}`));
const breaks = fc.oneof(
  fc.tuple(windowText, fc.integer({ min: 0, max: 90 })).map(([w, m]) => `${w} ${m}`),
  fc.constantFrom('lunch: 12:00-13:30 30', '11:00-12:00|13:00-14:00 30', '12:00-13:00', '30', 'a: b: c 5', 'lunch: 12:00-13:00 30; lunch: 14:00-15:00 15'),
);
// Pickup and delivery words pair rows of one id into shipments (shipment-pairs.ts).
const serviceType = fc.constantFrom('curbside', 'white glove', 'Install', 'D', 'P', 'haul away', 'room', 'teleport', '', 'Pickup', 'Delivery', 'Drop-off', 'Collection');
const yesNo = fc.constantFrom('yes', 'x', '', 'no', '0', 'true', 'maybe');

/** Plausible cells of one field. */
function plausible(field: FieldDef): fc.Arbitrary<string> {
  if (field.key === 'id') return fc.oneof(fc.integer({ min: 1, max: 40 }).map((n) => `ID-${n}`), fc.constantFrom('ID-1', 'o1', 'v1'));
  if (/lat$|Lat$/.test(field.key)) return number(-90, 90);
  if (/lng$|Lng$/.test(field.key)) return number(-180, 180);
  if (field.key === 'serviceType') return serviceType;
  if (field.key === 'stopSide') return fc.constantFrom('Pickup', 'Delivery', 'Collection', 'TRUE', 'false', 'x', '', 'maybe');
  if (field.key === 'speedFactor') return number(0.1, 10);
  if (field.key === 'crewSize') return fc.integer({ min: 1, max: 10 }).map(String);
  switch (field.format) {
    case 'number': return number(0, 500);
    case 'time': return clock;
    case 'window': return windowText;
    case 'duration': return duration;
    case 'list': return list;
    case 'priority': return priority;
    case 'place': return place;
    case 'breaks': return breaks;
    default: return text;
  }
}

const hhmm = (min: number, max: number) => fc.integer({ min, max }).map((m) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`);
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,10}$/);

/** Cells a careful user writes: every one reads without an issue. */
function clean(field: FieldDef): fc.Arbitrary<string> {
  if (field.key === 'id') return fc.integer({ min: 1, max: 1_000_000 }).map((n) => `C-${n}`);
  if (/lat$|Lat$/.test(field.key)) return fc.double({ min: 44, max: 47, noNaN: true }).map((x) => x.toFixed(5));
  if (/lng$|Lng$/.test(field.key)) return fc.double({ min: 3, max: 6, noNaN: true }).map((x) => x.toFixed(5));
  if (field.key === 'serviceType') return fc.constantFrom('curbside', 'white glove', 'installation', 'room of choice');
  if (field.key === 'stopSide') return fc.constantFrom('Pickup', 'Delivery', 'yes', 'no', '');
  if (field.key === 'speedFactor') return fc.constantFrom('1', '1.2', '0.8');
  if (field.key === 'crewSize') return fc.integer({ min: 1, max: 4 }).map(String);
  if (field.key === 'latenessCost' || field.key === 'overtimeCostPerMinute') return fc.constant('');
  switch (field.format) {
    case 'number': return fc.integer({ min: 0, max: 500 }).map(String);
    case 'time': return hhmm(0, 1439);
    case 'window': return fc.tuple(hhmm(360, 719), hhmm(720, 1200)).map(([a, b]) => `${a}-${b}`);
    case 'duration': return fc.integer({ min: 0, max: 120 }).map(String);
    case 'list': return fc.constantFrom('', 'white-glove', 'liftgate, ev');
    case 'priority': return fc.integer({ min: 0, max: 10 }).map(String);
    case 'place': return fc.constant('hub');
    case 'breaks': return fc.constant('lunch: 12:00-13:30 30');
    default: return word;
  }
}

/** A table a careful user writes: the core columns and a few more fields, every cell readable. */
function cleanTable(kind: ImportKind): fc.Arbitrary<TableSpec> {
  const fields = fieldsFor(kind, TABLE_UNITS).filter((f) => !/^(pickup|window2|break|startLat|startLng|endLat|endLng|end|startDepot(Name|Hours))/.test(f.key));
  const core = kind === 'orders' ? ['id', 'lat', 'lng'] : ['id', 'startDepot', 'shiftStart'];
  return fc.tuple(fc.subarray(fields.filter((f) => !core.includes(f.key)), { maxLength: 6 }), fc.integer({ min: 1, max: 12 })).chain(([more, rowCount]) => {
    const columns = [...core.map((key) => fields.find((f) => f.key === key)!), ...more];
    const row = fc.tuple(...columns.map(clean));
    return fc.uniqueArray(row, { minLength: rowCount, maxLength: rowCount, selector: (r) => r[0] })
      .map((rows) => ({ kind, headers: columns.map((c) => c.label), rows, repeat: 1 }));
  });
}

/** Malformed cells of any field. */
const malformed = fc.oneof(nasty, wildNumber, badClock, text, fc.constantFrom('12:00-10:00', '-90000', '1e400'));

/** A column: a field (under one of its synonyms), a yes/no feature column, or one no rule reads. */
function columnArb(fields: FieldDef[]): fc.Arbitrary<{ header: string; cell: fc.Arbitrary<string> }> {
  const field = fc.constantFrom(...fields).chain((f) =>
    fc.constantFrom(f.label, ...f.synonyms).map((header) => ({ header, field: f })));
  return fc.oneof(
    { weight: 8, arbitrary: field.map(({ header, field: f }) => ({ header, cell: plausible(f) })) },
    { weight: 1, arbitrary: fc.constantFrom('Liftgate', 'Tail lift', 'Fridge').map((header) => ({ header, cell: yesNo })) },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom('Door code', '', 'Notes', 'lat'), text).map((header) => ({ header, cell: text })) },
  );
}

/** The columns every order (vehicle) table has, so that valid rows are common. */
function coreColumns(kind: ImportKind): { header: string; cell: fc.Arbitrary<string> }[] {
  const fields = fieldsFor(kind, TABLE_UNITS);
  const of = (key: string) => fields.find((f) => f.key === key)!;
  const keys = kind === 'orders' ? ['id', 'lat', 'lng'] : ['id', 'shiftStart', 'shiftEnd'];
  return keys.map((key) => ({ header: of(key).label, cell: plausible(of(key)) }));
}

/** Tables of one kind: clean ones, and messy ones where `noise` 0 writes only plausible cells, higher values more malformed ones. */
export function tableArb(kind: ImportKind): fc.Arbitrary<TableSpec> {
  if (kind === 'orders') return fc.oneof({ weight: 1, arbitrary: cleanTable(kind) }, { weight: 3, arbitrary: messyTable(kind) }, { weight: 1, arbitrary: shipmentTable() });
  return fc.oneof({ weight: 1, arbitrary: cleanTable(kind) }, { weight: 3, arbitrary: messyTable(kind) });
}

/**
 * Orders as a job export writes shipments: a pickup row and a delivery row per job (either first), linked by the id
 * column or a column of their own, with jobs of one stop, of three, at one place, and rows that cannot be read.
 */
function shipmentTable(): fc.Arbitrary<TableSpec> {
  const fields = fieldsFor('orders', TABLE_UNITS);
  const label = (key: string) => fields.find((f) => f.key === key)!.label;
  const types = fc.constantFrom(['Pickup', 'Delivery'], ['Delivery', 'Pickup'], ['Collection', 'Drop-off'], ['Pickup'], ['Delivery'], ['Pickup', 'Pickup', 'Delivery'], ['Pickup', 'Delivery', 'Delivery']);
  const stop = (job: string, type: string) => fc.tuple(fc.constant(job), fc.constant(type), fc.oneof({ weight: 6, arbitrary: number(45, 46) }, { weight: 1, arbitrary: malformed }), number(4, 5), windowText, fc.oneof(fc.constant(''), number(0, 50)));
  const job = fc.tuple(fc.integer({ min: 1, max: 20 }), types, fc.boolean()).chain(([n, sides, onePlace]) =>
    fc.tuple(...sides.map((side) => stop(`J${n}`, side))).map((rows) => (onePlace ? rows.map((r) => [...r.slice(0, 2), ...rows[0].slice(2, 4), ...r.slice(4)]) : rows)));
  const shared = fc.tuple(fc.constantFrom('Job', label('id')), fc.array(job, { minLength: 1, maxLength: 8 })).map(([link, jobs]) => ({
    kind: 'orders' as const, headers: [link, label('serviceType'), label('lat'), label('lng'), label('window'), label('amount:0')], rows: jobs.flat(), repeat: 1,
  }));
  // A route planner's template: ids of their own, a pickup row naming its delivery's id (the delivery row its pickup's, or
  // nothing, or an id no row has).
  const related = fc.array(job, { minLength: 1, maxLength: 8 }).chain((jobs) => fc.tuple(fc.constant(jobs), fc.array(fc.constantFrom('', 'own', 'other', 'missing'), { minLength: 32, maxLength: 32 }))).map(([jobs, naming]) => {
    let k = 0;
    const rows = jobs.flatMap((stops) => stops.map((cells, i) => {
      const [job, type] = cells;
      const side = /^(Pickup|Collection)$/.test(type) ? 'P' : 'D';
      const how = naming[k++ % naming.length];
      const named = how === 'own' ? `${side === 'P' ? 'D' : 'P'}-${job}-0` : how === 'other' ? `${side === 'P' ? 'D' : 'P'}-${job}-1` : how === 'missing' ? 'X-404' : '';
      return [`${side}-${job}-${i}`, type, named, ...cells.slice(2)];
    }));
    return { kind: 'orders' as const, headers: [label('id'), label('serviceType'), 'Related order ID', label('lat'), label('lng'), label('window'), label('amount:0')], rows, repeat: 1 };
  });
  return fc.oneof(shared, related);
}

function messyTable(kind: ImportKind): fc.Arbitrary<TableSpec> {
  const fields = fieldsFor(kind, TABLE_UNITS);
  return fc.record({
    core: fc.subarray(coreColumns(kind), { minLength: 0 }),
    more: fc.array(columnArb(fields), { maxLength: 10 }),
    noise: fc.constantFrom(0, 0, 1, 2, 6),
    rowCount: fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 3, arbitrary: fc.integer({ min: 7, max: 60 }) }),
    repeat: fc.oneof({ weight: 1500, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 20_000 }) }),
  }).chain(({ core, more, noise, rowCount, repeat }) => {
    const columns = [...core, ...more];
    const cell = (c: { cell: fc.Arbitrary<string> }) => fc.oneof({ weight: 12, arbitrary: c.cell }, { weight: noise || 0.0001, arbitrary: malformed });
    const row = fc.tuple(...columns.map((c) => (noise === 0 ? c.cell : cell(c)))).chain((cells) =>
      // Ragged rows: a few cells short or long.
      fc.constantFrom(0, 0, 0, 0, -1, 1).map((d) => (d < 0 ? cells.slice(0, d) : d > 0 ? [...cells, 'spill'] : cells)));
    return fc.array(row, { minLength: repeat > 1 ? 1 : rowCount, maxLength: repeat > 1 ? 3 : rowCount })
      .map((rows) => ({ kind, headers: columns.map((c) => c.header), rows, repeat }));
  });
}

/** The table's rows with `repeat` applied: copies get their first cell suffixed so ids stay apart. */
export function expandRows(spec: TableSpec): string[][] {
  if (spec.repeat <= 1) return spec.rows;
  const out: string[][] = [];
  for (let i = 0; out.length < spec.repeat; i++) {
    const row = spec.rows[i % spec.rows.length];
    out.push(i < spec.rows.length ? row : [`${row[0] ?? ''}-${i}`, ...row.slice(1)]);
  }
  return out;
}
