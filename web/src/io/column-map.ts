// Matches the columns of an imported table to order or vehicle fields from
// common header names and synonyms (case-, accent- and spacing-insensitive),
// including the import templates of OptimoRoute, Circuit, Onfleet, Routific and
// Route4Me (field tables in fields-orders.ts and fields-vehicles.ts).
import { compact, dateCellDates, normalizeHeader, parseClock, parseNumber, parseWindows, parseYesNo } from './cell-parse';
import { ORDER_FIELDS } from './fields-orders';
import { LOCAL_AMOUNT_WORDS, LOCAL_CAPACITY_WORDS, LOCAL_ORDER_SYNONYMS, LOCAL_VEHICLE_SYNONYMS } from './fields-local';
import { VEHICLE_FIELDS } from './fields-vehicles';
import { sideOf } from './shipment-pairs';

export {
  DEFAULT_SERVICE_MINUTES, detectTimeFormat, normalizeHeader, parseClock, parseList, parseNumber, parseServiceType, parseTime, parseWindows,
  type Parsed, type TimeFormat,
} from './cell-parse';

/** What an imported table holds. */
export type ImportKind = 'orders' | 'vehicles';

/**
 * Where a column goes: a field key (`lat`, `amount:0` for the first capacity
 * unit…), `extra` (kept as a custom field and exported again), `flag` (a
 * vehicle yes/no column naming a feature, e.g. "Liftgate") or `ignore`.
 */
export type ColumnTarget = string;

/** Targets several columns may share. */
export const SHARED_TARGETS: ReadonlySet<string> = new Set(['extra', 'ignore', 'flag']);

/** How a field's cells are read. */
export type FieldFormat = 'text' | 'number' | 'time' | 'window' | 'list' | 'priority' | 'duration' | 'place' | 'breaks';

/** One field an import column can fill. */
export interface FieldDef {
  key: string;
  label: string;
  format: FieldFormat;
  /** Header names that match this field, compared after `normalizeHeader`. */
  synonyms: string[];
  /** Names that match only a whole header, not its first or last words ("Truck", not "Truck type"). */
  wholeHeaders?: string[];
  /**
   * Names that match only a header that ends in a unit of time ("Serviço (min)"): alone, "Serviço" could as well
   * be the kind of service. A duration field's synonyms match such a header too ("Service time (minutes)").
   */
  withTimeUnit?: string[];
}

/** Units of time a duration header may end in: "(min)", "(minutes)", "(Min.)", "minutos". */
const TIME_UNIT = / (min|mins|minute|minutes|minuto|minutos|minuti|minuten|minuut)$/;

/** Unit families: a unit's own name plus the words people use for that kind of amount. */
const UNIT_FAMILIES: { units: string[]; words: string[] }[] = [
  { units: ['kg', 'kgs', 'lb', 'lbs', 't', 'tonnes', 'tons', 'g'], words: ['weight', 'mass', 'poids', 'gewicht', 'peso', 'massa', 'waga', 'vikt', 'vaegt', 'vekt'] },
  {
    units: ['m3', 'l', 'litres', 'liters', 'cbm', 'ft3', 'cuft'],
    words: ['volume', 'vol', 'cubic', 'cube', 'cubic feet', 'volumen', 'volumi', 'inhoud', 'ladevolumen', 'laderaum', 'volumen de carga', 'volume di carico', 'volume utile', 'laadvolume', 'laadruimte', 'objetosc', 'volym', 'lastvolym'],
  },
  {
    units: ['items', 'pieces', 'pcs', 'parcels', 'boxes', 'pallets', 'units', 'colis', 'packages'],
    words: [
      'items', 'pieces', 'pcs', 'qty', 'quantity', 'count', 'parcels', 'packages', 'package count', 'parcel count', 'boxes', 'units', 'colis',
      'bultos', 'paquetes', 'unidades', 'colli', 'pacchi', 'pacotes', 'pakete', 'stuck', 'anzahl', 'pakketten', 'aantal',
      'packstucke', 'packstuck', 'stuckzahl', 'nombre de colis', 'nb colis', 'nombre colis', 'numero de bultos', 'numero colli', 'paczki', 'paczek', 'liczba paczek', 'sztuki', 'kolli', 'antal kolli', 'antall kolli', 'paket', 'pakker', 'pakke', 'kolli antal',
      'cartons', 'carton', 'ctns', 'cases', 'crates', 'totes', 'bags',
    ],
  },
];

/**
 * Synonyms of the amount column for capacity unit `unit` (the `index`-th): its name, its family's words, "Load 2";
 * `prefix` ("amount" or "capacity") with its words in other languages (fields-local.ts).
 */
function unitSynonyms(unit: string, index: number, prefix: string): string[] {
  // "Payload (kg)" on a fleet, OptimoRoute's drivers "Vehicle Capacity 1", "Demand" on orders (the CVRP word).
  const prefixes = [prefix, ...(prefix === 'capacity' ? ['payload', 'max load', 'vehicle capacity', ...LOCAL_CAPACITY_WORDS] : ['demand', ...LOCAL_AMOUNT_WORDS])];
  const name = normalizeHeader(unit);
  const words = unitWords(name);
  const withUnit = words.flatMap((w) => (w === name ? [w] : [w, `${w} ${name}`, `${name} ${w}`]));
  // OptimoRoute numbers its loads (Load 1 … Load 5); Routific has one "Load".
  const numbered = [`load ${index + 1}`, ...prefixes.map((p) => `${p} ${index + 1}`), ...(index === 0 ? ['load', ...prefixes] : [])];
  // "Capacity kg", and "Capacity parcels" / "Capacidad bultos" for a unit named "items".
  // A fleet's "Max kg", "Max cartons", "Maximum weight".
  const limits = prefix === 'capacity' ? words.flatMap((w) => [`max ${w}`, `maximum ${w}`]) : [];
  // An order form's "Number of boxes", "No. of parcels".
  const counted = prefix === 'amount' ? words.flatMap((w) => [`number of ${w}`, `no of ${w}`]) : [];
  return [...withUnit, ...prefixes.flatMap((p) => words.map((w) => `${p} ${w}`)), `amount ${name}`, `demand ${name}`, `load ${name}`, ...limits, ...counted, ...numbered];
}

/** A unit's name and the words of its family ("kg": weight, peso, Gewicht…). */
function unitWords(name: string): string[] {
  const family = UNIT_FAMILIES.find((f) => f.units.includes(name) || f.words.includes(name));
  return family ? [name, ...family.words] : [name];
}

/** Fields of an import kind, with one amount/capacity field per capacity unit. */
export function fieldsFor(kind: ImportKind, capacityUnits: readonly string[]): FieldDef[] {
  const local = kind === 'orders' ? LOCAL_ORDER_SYNONYMS : LOCAL_VEHICLE_SYNONYMS;
  const localNames = (key: string): readonly string[] => [
    ...(local[key] ?? []),
    ...(kind === 'orders' && PICKUP_COUNTERPARTS[key] ? (local[PICKUP_COUNTERPARTS[key]] ?? []).map((w) => `pickup ${w}`) : []),
  ];
  const base = (kind === 'orders' ? ORDER_FIELDS : VEHICLE_FIELDS).map((f) => {
    const names = localNames(f.key);
    return names.length > 0 ? { ...f, synonyms: [...f.synonyms, ...names] } : f;
  });
  const prefix = kind === 'orders' ? 'amount' : 'capacity';
  const amounts = capacityUnits.map((unit, i): FieldDef => ({
    key: `${prefix}:${i}`,
    label: `${kind === 'orders' ? 'Amount' : 'Capacity'} (${unit})`,
    format: 'number',
    synonyms: unitSynonyms(unit, i, prefix),
  }));
  // Collected at the customer (haul-away, returns) when it differs from the service type's default.
  const pickups = kind === 'orders' ? capacityUnits.map((unit, i): FieldDef => ({
    key: `pickupAmount:${i}`,
    label: `Pickup amount (${unit})`,
    format: 'number',
    synonyms: [`pickup amount ${normalizeHeader(unit)}`, `collected ${normalizeHeader(unit)}`, `pickup ${normalizeHeader(unit)}`],
  })) : [];
  return [...base, ...amounts, ...pickups];
}

/**
 * A field name as headers are compared (`normalizeHeader`), worked out once per name: matching a file's headers
 * normalised every synonym of every field for every header, twice (~20 ms of opening a file).
 */
const normalizedNames = new Map<string, string>();
function normalizedName(name: string): string {
  let normal = normalizedNames.get(name);
  if (normal === undefined) normalizedNames.set(name, (normal = normalizeHeader(name)));
  return normal;
}

/** Words that make a column a contact detail: "Driver phone" is no driver name. */
const CONTACT_WORDS = /\b(phone|telephone|tel|mobile|cell|email|mail)\b/;

/** Words that name a latitude, and a longitude, in the fields' synonyms and at the end of a header. */
const LAT_WORDS: ReadonlySet<string> = new Set(['lat', 'latitude', 'breite', 'latitud', 'latitudine', 'breitengrad', 'breedtegraad', 'breddgrad', 'breddegrad']);
const LNG_WORDS: ReadonlySet<string> = new Set(['lng', 'lon', 'long', 'longitude', 'laenge', 'longitud', 'longitudine', 'langengrad', 'laengengrad', 'lengtegraad', 'langdgrad', 'laengdegrad', 'lengdegrad']);

/**
 * The coordinate a header's last word names ("Pickup address lat" → lat), with the words before it; null otherwise.
 * A word that names a coordinate only beside the other one ("Lieferadresse Länge": a longitude, or a length) names
 * none here (no field takes it), and detectCoordinatePairs reads it beside its partner.
 */
function coordinateHeader(header: string): { family: ReadonlySet<string>; place: string } | null {
  const space = header.lastIndexOf(' ');
  if (space <= 0) return null;
  const last = header.slice(space + 1);
  const family = LAT_WORDS.has(last) ? LAT_WORDS
    : LNG_WORDS.has(last) ? LNG_WORDS
      : LNG_BESIDE_LAT.has(last) || LAT_BESIDE_LNG.has(last) ? NO_WORDS : null;
  return family ? { family, place: header.slice(0, space) } : null;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * A header that ends in a coordinate word and names a place before it ("Address lat", "Customer latitude", "Start
 * address lng", "Pickup address lat"): the score of a coordinate field whose synonym is that word after the
 * header's first words ("lat", "start lat", "pickup lat"), 0 for any other field. Null for other headers.
 */
function coordinateScore(header: string, field: FieldDef): number | null {
  const coordinate = coordinateHeader(header);
  if (!coordinate) return null;
  let best = 0;
  for (const raw of field.synonyms) {
    const synonym = normalizedName(raw);
    const space = synonym.lastIndexOf(' ');
    if (!coordinate.family.has(synonym.slice(space + 1))) continue;
    const before = space < 0 ? '' : synonym.slice(0, space);
    if (before === '' || coordinate.place === before || coordinate.place.startsWith(`${before} `)) best = Math.max(best, synonym.length);
  }
  return best;
}

/**
 * Length of the longest synonym matching `header` exactly (pass 1) or as a leading/trailing run of words (pass 2).
 * In pass 2 a header ending in a coordinate word goes to a coordinate field only (`coordinateScore`): "Pickup address
 * lat" is no pickup address.
 */
function matchScore(header: string, field: FieldDef, partial: boolean): number {
  let best = 0;
  const coordinate = partial ? coordinateScore(header, field) : null;
  for (const raw of field.synonyms) {
    const synonym = normalizedName(raw);
    const exact = header === synonym || compact(header) === compact(synonym);
    const edge = partial && coordinate === null && synonym.length >= 3 && (header.startsWith(`${synonym} `) || header.endsWith(` ${synonym}`))
      && !(CONTACT_WORDS.test(header) && !CONTACT_WORDS.test(synonym));
    if (exact || edge) best = Math.max(best, synonym.length);
  }
  if (coordinate) best = Math.max(best, coordinate);
  for (const whole of field.wholeHeaders ?? []) if (header === normalizedName(whole)) best = Math.max(best, whole.length);
  // A duration's header with its unit: "Service time (minutes)" is "Service time"; "Serviço (min)" is a duration.
  const unit = field.format === 'duration' ? TIME_UNIT.exec(header) : null;
  if (unit && unit.index > 0) {
    const bare = header.slice(0, unit.index);
    const named = [...field.synonyms, ...(field.withTimeUnit ?? [])].some((w) => normalizedName(w) === bare);
    if (named) best = Math.max(best, header.length);
  }
  return best;
}

/**
 * Words in front that put an order column on the pickup side ("Collection Lat", "Origin address", German "Abholadresse
 * Breite", Dutch "Ophaaladres lat") or the delivery side. German and Dutch delivery compounds are not among them:
 * "Lieferadresse Breite" is the latitude as it stands (coordinateScore).
 */
const PICKUP_WORDS = ['pickup', 'pick up', 'collection', 'collect', 'origin', 'shipper', 'abholung', 'abholadresse', 'abholort', 'abhol', 'ophaaladres', 'ophaallocatie', 'ophaal'];
const DELIVERY_WORDS = ['delivery', 'deliver', 'dropoff', 'drop off', 'drop', 'destination', 'consignee', 'ship to', 'shipping', 'ship'];
/**
 * Words that put a column on the billing side, in front or at the end ("Billing Address1", "City (Billing)"): a shop's
 * export has the buyer's billing address beside the shipping address, and only the shipping one is where the order
 * goes. A billing column fills only a contact or name field no other column fills (WooCommerce's only phone is
 * "Phone (Billing)").
 */
const BILLING_WORDS = ['billing', 'bill to', 'invoice', 'invoicing', 'facturacion', 'fatturazione', 'facturation', 'faturacao', 'rechnung', 'factuur'];
const BILLING_ENDINGS = ['billing', 'de facturacion', 'di fatturazione', 'de facturation', 'de faturacao', 'rechnung', 'factuur'];
const BILLING_FIELDS: ReadonlySet<string> = new Set(['phone', 'email', 'customerName', 'customerLastName']);
/**
 * Words at the end that do the same where the side follows what it qualifies (Spanish, Italian, Portuguese, French):
 * "Dirección de recogida", "Lat. recogida", "Indirizzo di ritiro", "Morada de recolha", "Adresse d'enlèvement" are the
 * pickup's; "Latitud entrega", "Indirizzo di consegna", "Créneau de livraison" the order's.
 */
const PICKUP_ENDINGS = [
  'de recogida', 'recogida', 'de origen', 'origen', 'di ritiro', 'del ritiro', 'ritiro', 'di origine', 'origine',
  'de recolha', 'da recolha', 'recolha', 'de coleta', 'da coleta', 'coleta', 'd enlevement', 'de l enlevement', 'enlevement', 'de collecte',
];
const DELIVERY_ENDINGS = [
  'de entrega', 'da entrega', 'entrega', 'de destino', 'destino', 'di consegna', 'della consegna', 'consegna', 'di destinazione', 'destinazione',
  'de livraison', 'livraison', 'de destination', 'shipping',
];
const PICKUP_FIELD = /^pickup/;
/** What follows "From" or "To" in a header naming a trip's place ("From address", "To latitude"). */
const FROM_TO_PLACES: ReadonlySet<string> = new Set(['address', 'street', 'street address', 'location', 'place', 'lat', 'latitude', 'lng', 'lon', 'long', 'longitude', 'city', 'zip', 'postcode', 'postal code', 'coordinates']);
/** The order field each pickup field is the pickup side of: its local names, with "pickup" in front, name the pickup's. */
const PICKUP_COUNTERPARTS: Readonly<Record<string, string>> = {
  pickupAddress: 'address', pickupLat: 'lat', pickupLng: 'lng', pickupWindows: 'window', pickupServiceMinutes: 'serviceMinutes',
};

/**
 * A shipment file's header read for its side: a pickup word in front makes it a pickup field ("Collection Lat" is
 * "pickup lat", which no delivery field may take: "Pickup Name" is no customer name), a delivery word in front is
 * dropped ("Delivery Lat" is "lat"). A header that is itself a field's name ("Delivery address", "Delivery type")
 * is left as it is. Only where the fields have a pickup side (orders).
 */
function sidedHeader(header: string, fields: readonly FieldDef[]): Sided {
  if (!fields.some((f) => PICKUP_FIELD.test(f.key)) || fields.some((f) => matchScore(header, f, false) > 0)) return { header, pickup: false };
  const rest = (words: readonly string[]) => {
    const word = words.find((w) => header.startsWith(`${w} `));
    return word ? header.slice(word.length + 1) : null;
  };
  const ahead = (words: readonly string[]) => {
    const word = words.find((w) => header.endsWith(` ${w}`));
    return word ? header.slice(0, header.length - word.length - 1) : null;
  };
  // "From address", "To lat": a trip's two places, named by where the goods go from and to.
  const fromTo = /^(from|to) (.+)$/.exec(header);
  if (fromTo && FROM_TO_PLACES.has(fromTo[2])) return fromTo[1] === 'from' ? { header: `pickup ${fromTo[2]}`, pickup: true } : { header: fromTo[2], pickup: false, delivery: true };
  const pickedUp = rest(PICKUP_WORDS) ?? ahead(PICKUP_ENDINGS);
  if (pickedUp) return { header: `pickup ${pickedUp}`, pickup: true };
  const billed = rest(BILLING_WORDS) ?? ahead(BILLING_ENDINGS);
  if (billed) return { header: billed, pickup: false, billing: true };
  const delivered = rest(DELIVERY_WORDS) ?? ahead(DELIVERY_ENDINGS);
  return delivered ? { header: delivered, pickup: false, delivery: true } : { header, pickup: false };
}

/** A header read for its side: the pickup's, the billing address's, or named the delivery's ("Shipping City"). */
interface Sided {
  header: string;
  pickup: boolean;
  billing?: boolean;
  delivery?: boolean;
}

/** Fields that place an order where it is delivered. */
const DELIVERY_PLACE = ['lat', 'lng', 'coordinates', 'address', 'addressLine1', 'zip'];

/**
 * Picks a target for every column: exact synonym matches first, then unambiguous partial ones; the rest are `extra`.
 * Headers are read for their side (`sidedHeader`) unless that leaves the orders nowhere to be delivered: a returns
 * file's "Collection address" and "Collection lat" are where its orders are.
 */
export function autoMatch(headers: readonly string[], fields: readonly FieldDef[]): ColumnTarget[] {
  const sided = headers.map((h) => sidedHeader(normalizeHeader(h), fields));
  const targets = matchHeaders(headers, sided, fields);
  const rewritten = sided.some((s, column) => (s.pickup && s.header !== normalizeHeader(headers[column]) && targets[column] !== 'extra') || s.billing);
  if (rewritten && !targets.some((t) => DELIVERY_PLACE.includes(t))) return matchHeaders(headers, headers.map((h) => ({ header: normalizeHeader(h), pickup: false })), fields);
  return targets;
}

function matchHeaders(headers: readonly string[], sided: readonly Sided[], fields: readonly FieldDef[]): ColumnTarget[] {
  const targets: ColumnTarget[] = headers.map((h) => (normalizeHeader(h) ? 'extra' : 'ignore'));
  const taken = new Set<string>();
  // Columns that name the delivery's side first ("Shipping Name" is the recipient, not Shopify's "Name" of the
  // order), billing columns last and for a contact or a name only.
  const order = headers.map((_, column) => column);
  const rank = (column: number) => (sided[column].delivery ? 0 : sided[column].billing ? 2 : 1);
  order.sort((a, b) => rank(a) - rank(b) || a - b);
  for (const partial of [false, true]) {
    for (const column of order) {
      const { header, pickup, billing } = sided[column];
      if (!header || targets[column] !== 'extra' || (billing && partial)) continue;
      let best: { key: string; score: number } | null = null;
      let candidates = 0;
      for (const field of fields) {
        if (pickup && !PICKUP_FIELD.test(field.key)) continue;
        if (billing && !BILLING_FIELDS.has(field.key)) continue;
        const score = matchScore(header, field, partial);
        if (score > 0) candidates += 1;
        if (score > (best?.score ?? 0) && !taken.has(field.key)) best = { key: field.key, score };
      }
      // A partial match counts only when one field fits: "service start" could be either.
      if (best && !(partial && candidates > 1)) {
        targets[column] = best.key;
        taken.add(best.key);
      }
    }
  }
  return targets;
}

/**
 * Vehicle columns left unmatched whose every cell is yes/no (and one at least
 * yes) are features named by their header: a "Liftgate" column of x / blank.
 */
export function detectFlagColumns(headers: readonly string[], rows: readonly (readonly string[])[], targets: readonly ColumnTarget[]): ColumnTarget[] {
  return targets.map((target, column) => {
    if (target !== 'extra' || !featureName(headers[column])) return target;
    const answers = rows.map((r) => parseYesNo(r[column] ?? ''));
    const yesNo = answers.every((a) => a.ok);
    return yesNo && answers.some((a) => a.ok && a.value) ? 'flag' : target;
  });
}

/**
 * Short words that name a window's bounds only as a pair of neighbouring columns: "Dalle" | "Alle", "Van" | "Tot",
 * "De" | "Até", "Inizio" | "Fine". Alone each could mean something else ("Van" is a vehicle in an English file,
 * "alle" is "all" in German, "fine" is fine), so they are not synonyms (fields-local.ts); side by side over clock
 * times they are a window. The same words, and "début" | "fin" (synonyms alone), end a pair of headers that differ
 * only there: "Tijdvenster van" | "Tijdvenster tot", "Ventana desde" | "Ventana hasta", "Créneau début" | "Créneau
 * fin", "Tijdvak begin" | "Tijdvak eind", "ETA start" | "ETA end".
 */
const PAIR_STARTS: ReadonlySet<string> = new Set([
  'dalle', 'dalle ore', 'dal', 'da', 'de', 'van', 'vanaf', 'von', 'ab', 'desde', 'from', 'debut', 'a partir de',
  'begin', 'beginn', 'inicio', 'inizio', 'start',
]);
const PAIR_ENDS: ReadonlySet<string> = new Set([
  'alle', 'alle ore', 'al', 'a', 'ate', 'tot', 'bis', 'hasta', 'to', 'until', 'fin', 'jusqu a',
  'eind', 'einde', 'ende', 'fim', 'fine', 'end',
]);

/** Whether two headers differ only in their last word, a window's start word then an end word. */
function boundWords(first: string, second: string): boolean {
  const a = first.split(' ');
  const b = second.split(' ');
  return a.length >= 2 && a.length === b.length && a.slice(0, -1).join(' ') === b.slice(0, -1).join(' ')
    && PAIR_STARTS.has(a[a.length - 1]) && PAIR_ENDS.has(b[b.length - 1]);
}

/** Whether a filled cell of the column reads as a window ("08:00-12:00", which also reads as a clock time with an offset). */
function rangeColumn(rows: readonly (readonly string[])[], column: number): boolean {
  return rows.some((r) => {
    const read = parseWindows((r[column] ?? '').trim(), 'clock');
    return read.ok && read.value.length > 0;
  });
}

/** Whether the column holds clock times: one at least, and every filled cell reads as one. */
function clockColumn(rows: readonly (readonly string[])[], column: number): boolean {
  const cells = rows.map((r) => (r[column] ?? '').trim()).filter((v) => v !== '');
  return cells.length > 0 && cells.every((v) => parseClock(v).ok);
}

/**
 * Order columns that are a window's start and end side by side (PAIR_STARTS then PAIR_ENDS, headers that differ
 * only in those words, or one of them next to a column already matched as the other bound), both holding clock
 * times: matched as the window. Either may have been left unmatched or taken as a whole window ("Tijdvenster van"
 * starts like "Tijdvenster"); a whole window's column holds ranges, not clock times, so it is never split.
 */
export function detectWindowPairs(headers: readonly string[], rows: readonly (readonly string[])[], targets: readonly ColumnTarget[]): ColumnTarget[] {
  const out = [...targets];
  const open = (target: ColumnTarget) => target === 'extra' || target === 'window';
  for (let column = 0; column + 1 < headers.length; column++) {
    const [start, end] = [out[column], out[column + 1]];
    const [first, second] = [normalizeHeader(headers[column]), normalizeHeader(headers[column + 1])];
    const pair = boundWords(first, second);
    const startFits = start === 'windowStart' || (open(start) && !out.includes('windowStart') && (PAIR_STARTS.has(first) || pair));
    const endFits = end === 'windowEnd' || (open(end) && !out.includes('windowEnd') && (PAIR_ENDS.has(second) || pair));
    if (!startFits || !endFits || (start === 'windowStart' && end === 'windowEnd')) continue;
    if (!clockColumn(rows, column) || !clockColumn(rows, column + 1)) continue;
    if ((start === 'window' && rangeColumn(rows, column)) || (end === 'window' && rangeColumn(rows, column + 1))) continue;
    out[column] = 'windowStart';
    out[column + 1] = 'windowEnd';
  }
  return out;
}

/**
 * A vehicle column matched as the shift's range whose cells are not all ranges is kept as a custom field. Vehicle
 * columns matched as the start or end place whose every cell is a clock time are the shift's bounds
 * ("Start" | "End" over 07:00 and 17:00, Dutch "Start" | "Einde"), unless the shift's bound is matched already; a
 * column left unmatched that the place's words then fit ("Depot") takes the place.
 */
export function detectShiftColumns(headers: readonly string[], rows: readonly (readonly string[])[], targets: readonly ColumnTarget[], fields: readonly FieldDef[]): ColumnTarget[] {
  const out = [...targets];
  // A "Shift" or "Turno" column of names ("Early", "mañana") is no range: kept as it is, not refused row by row.
  const range = out.indexOf('shift');
  if (range >= 0 && !shiftRangeColumn(rows, range)) out[range] = 'extra';
  const freed: string[] = [];
  for (const [place, bound] of [['startDepot', 'shiftStart'], ['endDepot', 'shiftEnd']]) {
    const column = out.indexOf(place);
    if (column < 0 || out.includes(bound) || !clockColumn(rows, column)) continue;
    out[column] = bound;
    freed.push(place);
  }
  if (freed.length === 0) return out;
  const again = autoMatch(headers.map((h, c) => (out[c] === 'extra' ? h : '')), fields.filter((f) => freed.includes(f.key)));
  again.forEach((target, column) => {
    if (out[column] === 'extra' && target !== 'extra' && target !== 'ignore') out[column] = target;
  });
  return out;
}

/** Whether every filled cell of the column is one range of clock times ("07:00-17:00"), one cell at least. */
function shiftRangeColumn(rows: readonly (readonly string[])[], column: number): boolean {
  const cells = rows.map((r) => (r[column] ?? '').trim()).filter((v) => v !== '');
  return cells.length > 0 && cells.every((v) => {
    const read = parseWindows(v, 'clock');
    return read.ok && read.value.length === 1;
  });
}

/**
 * A fleet column headed "Van" alone, left unmatched, is the vans' id when no column has the id and its cells are not
 * clock times: in an English sheet "Van" names the van ("V1"), in a Dutch one it is "from" (a shift's start, "08:00").
 */
export function detectVanColumn(headers: readonly string[], rows: readonly (readonly string[])[], targets: readonly ColumnTarget[]): ColumnTarget[] {
  const column = headers.findIndex((h) => normalizeHeader(h) === 'van');
  if (column < 0 || targets[column] !== 'extra' || targets.includes('id') || clockColumn(rows, column)) return [...targets];
  return targets.map((t, c) => (c === column ? 'id' : t));
}

/** First-name headers, and the French "Nom" that beside one of them is the family name ("Prénom" | "Nom"). */
const FIRST_NAME_HEADERS: ReadonlySet<string> = new Set(['prenom', 'first name', 'firstname', 'given name', 'vorname', 'voornaam']);
const FAMILY_NAME_BESIDE_FIRST: ReadonlySet<string> = new Set(['nom', 'name', 'naam']);

/**
 * Order columns "Prénom" | "Nom" (or "Vorname" | "Name"), no family-name column matched: a "Nom" matched as the
 * customer name is the family name when an unmatched first-name column stands in the file (the first name then
 * fills the customer name), and a "Name" left unmatched beside a first name matched as the customer is the family
 * name; the family name is joined after the first.
 */
export function detectNameParts(headers: readonly string[], targets: readonly ColumnTarget[]): ColumnTarget[] {
  const out = [...targets];
  const name = out.indexOf('customerName');
  if (name < 0 || out.includes('customerLastName')) return out;
  const unmatched = (words: ReadonlySet<string>) => headers.findIndex((h, c) => out[c] === 'extra' && words.has(normalizeHeader(h)));
  const header = normalizeHeader(headers[name]);
  if (FAMILY_NAME_BESIDE_FIRST.has(header)) {
    const first = unmatched(FIRST_NAME_HEADERS);
    if (first >= 0) [out[first], out[name]] = ['customerName', 'customerLastName'];
  } else if (FIRST_NAME_HEADERS.has(header)) {
    const family = unmatched(FAMILY_NAME_BESIDE_FIRST);
    if (family >= 0) out[family] = 'customerLastName';
  }
  return out;
}

/**
 * Header words that name a coordinate only beside the other one: German "Länge" (longitude, but also length) next
 * to "Breite", Dutch "Lengte" next to "Breedte". Alone they are kept as custom fields.
 */
const LNG_BESIDE_LAT: ReadonlySet<string> = new Set(['lange', 'laenge', 'lengte']);
const LAT_BESIDE_LNG: ReadonlySet<string> = new Set(['breedte']);

/** Whether the column holds numbers within ±limit: one at least, and every filled cell reads as one. */
function degreesColumn(rows: readonly (readonly string[])[], column: number, limit: number): boolean {
  const cells = rows.map((r) => (r[column] ?? '').trim()).filter((v) => v !== '');
  return cells.length > 0 && cells.every((v) => {
    const parsed = parseNumber(v);
    return parsed.ok && Math.abs(parsed.value) <= limit;
  });
}

/**
 * Order columns left unmatched right beside the matched latitude (or longitude), the order's or the pickup's, whose
 * header names the other coordinate only in that place (LNG_BESIDE_LAT, LAT_BESIDE_LNG), alone or as its last word ("Lieferadresse Länge"
 * beside "Lieferadresse Breite"), holding degrees: matched as that coordinate.
 */
export function detectCoordinatePairs(headers: readonly string[], rows: readonly (readonly string[])[], targets: readonly ColumnTarget[]): ColumnTarget[] {
  const out = [...targets];
  const beside = (column: number) => [column - 1, column + 1].filter((c) => c >= 0 && c < headers.length && out[c] === 'extra');
  const words = (column: number) => normalizeHeader(headers[column]).split(' ');
  // The other coordinate's word, of the same place: "Abholadresse Länge" is not beside "Lieferadresse Breite"'s longitude.
  const names = (coordinates: ReadonlySet<string>, column: number, partner: number) => {
    const [own, other] = [words(column), words(partner)];
    const [ownPlace, otherPlace] = [own.slice(0, -1).join(' '), other.slice(0, -1).join(' ')];
    return coordinates.has(own[own.length - 1]) && (ownPlace === otherPlace || ownPlace === '' || otherPlace === '');
  };
  // The order's place, then the pickup's ("Abholadresse Breite" | "Abholadresse Länge").
  for (const [latKey, lngKey] of [['lat', 'lng'], ['pickupLat', 'pickupLng']]) {
    const lat = out.indexOf(latKey);
    if (lat >= 0 && !out.includes(lngKey)) {
      const found = beside(lat).find((c) => names(LNG_BESIDE_LAT, c, lat) && degreesColumn(rows, c, 180));
      if (found !== undefined) out[found] = lngKey;
    }
    const lng = out.indexOf(lngKey);
    if (lng >= 0 && !out.includes(latKey)) {
      const found = beside(lng).find((c) => names(LAT_BESIDE_LNG, c, lng) && degreesColumn(rows, c, 90));
      if (found !== undefined) out[found] = latKey;
    }
  }
  return out;
}

/** Headers under which a shop export names its orders ("Name": "#1001" in Shopify's orders export). */
const ORDER_NAME_HEADERS: ReadonlySet<string> = new Set(['name', 'order name', 'order', 'order number', 'order no']);

/**
 * An order column of order names ("#1001", every filled cell a "#" and more) under a name header, not taken as the
 * id: it is the id, the order's reference its customer and the shop know, and the column taken as the id (Shopify's
 * internal "Id", given on an order's first row only) is kept as a custom field.
 */
export function detectOrderNameColumn(headers: readonly string[], rows: readonly (readonly string[])[], targets: readonly ColumnTarget[]): ColumnTarget[] {
  const column = headers.findIndex((h, c) => ORDER_NAME_HEADERS.has(normalizeHeader(h)) && targets[c] !== 'id' && (targets[c] === 'extra' || targets[c] === 'customerName'));
  if (column < 0) return [...targets];
  const cells = rows.map((r) => (r[column] ?? '').trim()).filter((v) => v !== '');
  if (cells.length === 0 || !cells.every((v) => /^#\S+$/.test(v))) return [...targets];
  return targets.map((t, c) => (c === column ? 'id' : t === 'id' ? 'extra' : t));
}

/** Headers of a yes/no column saying a row is a pickup (Onfleet's "Pickup": TRUE / FALSE). */
const PICKUP_FLAG_HEADERS: ReadonlySet<string> = new Set(['pickup', 'pick up', 'collection', 'is pickup', 'pickup task', 'pickup flag']);

/**
 * An order column no header matched that says whether a row is a pickup or a delivery: its filled cells all pickup
 * and delivery words ("Action", "Pickup/Delivery": Pickup, Drop-off, Collection…), some a pickup and not single
 * letters alone ("P", "D" could be a zone or a grade), or yes / no under a pickup header (Onfleet's "Pickup": TRUE),
 * some yes. It is the service type in a file with none (a pickup is a return), else the "Pickup or delivery" field:
 * either way its pickups are collected (and paired with their deliveries, shipment-pairs.ts), not delivered.
 */
export function detectStopSideColumn(headers: readonly string[], rows: readonly (readonly string[])[], targets: readonly ColumnTarget[]): ColumnTarget[] {
  if (targets.includes('stopSide')) return [...targets];
  const says = (c: number, read: (cell: string) => boolean | null) => {
    let pickups = 0;
    for (const r of rows) {
      const cell = (r[c] ?? '').trim();
      if (cell === '') continue;
      const pickup = read(cell);
      if (pickup === null) return false;
      if (pickup) pickups += 1;
    }
    return pickups > 0;
  };
  const words = (c: number) => rows.some((r) => (r[c] ?? '').trim().length > 1) && says(c, (cell) => { const side = sideOf(cell); return side === null ? null : side === 'pickup'; });
  const flags = (c: number) => PICKUP_FLAG_HEADERS.has(normalizeHeader(headers[c] ?? '')) && says(c, (cell) => { const flag = parseYesNo(cell); return flag.ok ? flag.value : null; });
  const column = targets.findIndex((t, c) => t === 'extra' && (words(c) || flags(c)));
  if (column < 0) return [...targets];
  const target = !targets.includes('serviceType') && words(column) ? 'serviceType' : 'stopSide';
  return targets.map((t, c) => (c === column ? target : t));
}

/**
 * An order column matched as the delivery date whose filled cells are not all dates ("Thursday", "asap") is kept as
 * a custom field: it could not be checked, and refusing every row for it would stop the import.
 */
export function detectDateColumn(rows: readonly (readonly string[])[], targets: readonly ColumnTarget[]): ColumnTarget[] {
  const column = targets.indexOf('date');
  if (column < 0) return [...targets];
  const cells = rows.map((r) => (r[column] ?? '').trim()).filter((v) => v !== '');
  const dates = cells.length > 0 && cells.every((v) => dateCellDates(v).length > 0);
  return dates ? [...targets] : targets.map((t, c) => (c === column ? 'extra' : t));
}

/** The feature a yes/no column stands for: "Tail lift" → "tail-lift". */
export function featureName(header: string): string {
  return normalizeHeader(header).replace(/ /g, '-');
}
