// Units of measure named in import headers ("Weight (lbs)", "Volume m³") and in
// the scenario's capacity units ("kg", "m3"): an amount column in pounds read
// into a unit kept in kilograms is converted, never taken as kilograms.
import type { Scenario } from '../domain/scenario';
import { normalizeHeader, parseNumber, SECOND_WORDS, type Parsed } from './cell-parse';
import type { ColumnTarget, ImportKind } from './column-map';
import { ORDER_FIELDS } from './fields-orders';
import { VEHICLE_FIELDS } from './fields-vehicles';

type Family = 'mass' | 'volume';

/** A unit of a convertible family and its size in the family's base unit (kg, m³). */
interface Unit {
  name: string;
  family: Family;
  base: number;
}

const KG_PER_LB = 0.45359237;
const M3_PER_FT3 = 0.028316846592;

/** Spellings of each unit after `normalizeHeader` (lower case, accents and punctuation gone: "m³" reads "m3"). */
const UNITS: { names: string[]; unit: Unit }[] = [
  { names: ['kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogramme', 'kilogrammes', 'kilogramm', 'kilogramos', 'chilogrammi'], unit: { name: 'kg', family: 'mass', base: 1 } },
  { names: ['lb', 'lbs', 'pound', 'pounds'], unit: { name: 'lb', family: 'mass', base: KG_PER_LB } },
  { names: ['g', 'gram', 'grams', 'gramme', 'grammes'], unit: { name: 'g', family: 'mass', base: 0.001 } },
  // "t" and "tonne(s)" are metric; a bare "ton(s)" may be a US short ton, so it converts nothing.
  { names: ['t', 'tonne', 'tonnes', 'metric ton', 'metric tons'], unit: { name: 't', family: 'mass', base: 1000 } },
  { names: ['m3', 'cbm', 'cubic meter', 'cubic meters', 'cubic metre', 'cubic metres'], unit: { name: 'm3', family: 'volume', base: 1 } },
  { names: ['l', 'litre', 'litres', 'liter', 'liters'], unit: { name: 'l', family: 'volume', base: 0.001 } },
  { names: ['ft3', 'cuft', 'cu ft', 'cubic foot', 'cubic feet'], unit: { name: 'ft3', family: 'volume', base: M3_PER_FT3 } },
];

/** The unit a whole name spells ("lbs", "Kilogramm"), or null. */
export function unitNamed(name: string): Unit | null {
  const text = normalizeHeader(name);
  return UNITS.find((u) => u.names.includes(text))?.unit ?? null;
}

/**
 * The unit a header names as a word of its own or in brackets: "Weight (lbs)", "Capacity lb", "Gewicht kg". A
 * header naming two different units names none (it cannot be told which).
 */
export function headerUnit(header: string): Unit | null {
  const words = normalizeHeader(header.replace(/ft³/gi, 'ft3')).split(' ').filter(Boolean);
  const found = new Map<string, Unit>();
  for (let i = 0; i < words.length; i++) {
    // Two-word spellings first ("cubic feet", "cu ft").
    const pair = i + 1 < words.length ? UNITS.find((u) => u.names.includes(`${words[i]} ${words[i + 1]}`))?.unit : undefined;
    const unit = pair ?? UNITS.find((u) => u.names.includes(words[i]))?.unit;
    if (unit) found.set(unit.name, unit);
    if (pair) i += 1;
  }
  return found.size === 1 ? [...found.values()][0] : null;
}

/**
 * Columns kept without a rule whose header names a unit no capacity unit of the scenario measures ("Volumen (m³)"
 * in a scenario of kg and items): the header and its unit, for the review to say how to plan with them.
 */
export function unmeasuredColumns(headers: readonly string[], targets: readonly ColumnTarget[], capacityUnits: readonly string[]): { header: string; unit: string }[] {
  const families = new Set(capacityUnits.map((u) => unitNamed(u)?.family).filter(Boolean));
  return headers.flatMap((header, column) => {
    if (targets[column] !== 'extra') return [];
    const unit = headerUnit(header);
    return unit && !families.has(unit.family) ? [{ header, unit: unit.name }] : [];
  });
}

/** How a column's values in its header's unit become values in a capacity unit of the scenario. */
export interface UnitConversion {
  /** The header's unit ("lb") and the capacity unit's name as the scenario spells it ("kg"). */
  from: string;
  to: string;
  /** Multiply a value in `from` by this for `to`. */
  factor: number;
}

/** The conversion of a column headed `header` into capacity unit `unitName`; null when none is needed or known. */
export function conversionFor(header: string, unitName: string): UnitConversion | null {
  const from = headerUnit(header);
  const to = unitNamed(unitName);
  if (!from || !to || from.family !== to.family || from.name === to.name) return null;
  return { from: from.name, to: unitName, factor: from.base / to.base };
}

/** A converted amount, kept to 3 decimals (a gram, a litre: below anything a truck's load is planned by). */
export function convertAmount(value: number, factor: number): number {
  return Math.round(value * factor * 1000) / 1000;
}

/** How an import's amount or capacity columns are read: the scenario's units as they will be, and each conversion. */
export interface ImportUnits {
  /** The scenario's capacity units after the import: one no data is in yet takes the name the file gives it. */
  capacityUnits: string[];
  /** Units renamed that way: "kg" becomes "lb". */
  renamed: { from: string; to: string; header: string }[];
  /** Columns whose values are converted into the unit their field is kept in, by field key ("amount:0"). */
  conversions: ({ key: string; header: string } & UnitConversion)[];
  /** Duration columns whose header names seconds or hours ("Service time (sec)", "Max driving (h)"): bare numbers are converted to minutes. */
  durations: { key: string; header: string; unit: DurationUnit; factor: number; chosen?: boolean }[];
  /** A distance column in miles ("Max distance (miles)"): bare numbers are converted to km. */
  distances: { key: string; header: string; unit: 'miles'; factor: number }[];
  /** A cost rate per hour in a field kept per minute ("Overtime cost per hour"), or per minute in one kept per hour. */
  rates: { key: string; header: string; per: 'hour' | 'minute'; factor: number }[];
}

/** Costs kept per minute, and the one kept per hour. */
const PER_MINUTE_RATES: ReadonlySet<string> = new Set(['latenessCost', 'overtimeCostPerMinute']);
const PER_HOUR_RATES: ReadonlySet<string> = new Set(['perHourCost']);
/** A header's rate, after `normalizeHeader`: per hour ("per hour", "hourly", "pro Stunde", "par heure") or per minute. */
const HOURLY = /\b(?:per (?:hour|hr|h)|hourly|an hour|pro stunde|je stunde|stundensatz|par heure|horaire|por hora|all ora|orario|per uur|uurtarief)\b/;
const PER_MINUTE = /\b(?:per (?:minute|min)|a minute|pro minute|je minute|par minute|por minuto|al minuto|per minuut)\b/;

/** The rate a cost header names against the field's own: a factor into the field's unit, or null when they agree or it says none. */
export function rateOf(key: string, header: string): { per: 'hour' | 'minute'; factor: number } | null {
  const words = normalizeHeader(header);
  if (PER_MINUTE_RATES.has(key) && HOURLY.test(words)) return { per: 'hour', factor: 1 / 60 };
  if (PER_HOUR_RATES.has(key) && PER_MINUTE.test(words)) return { per: 'minute', factor: 60 };
  return null;
}

/** Kilometres in a mile. */
export const KM_PER_MILE = 1.609344;

/** Words of miles as a header's last word ("Max distance (mi)", "Max miles") or after a number in a cell ("120 mi"). */
const MILE_WORDS: ReadonlySet<string> = new Set(['mi', 'mile', 'miles', 'meilen', 'millas', 'miglia']);
/** Words of kilometres after a number in a cell ("190 km"). */
const KM_WORDS: ReadonlySet<string> = new Set(['km', 'kms', 'kilometre', 'kilometres', 'kilometer', 'kilometers', 'kilometro', 'kilometros', 'chilometri']);

/** Fields that hold a distance in km. */
const DISTANCE_FIELDS: ReadonlySet<string> = new Set(['maxDistanceKm']);

/** A distance cell that writes its unit ("120 mi", "190 km"), in km; null without a unit word after the number. */
export function distanceWithUnit(text: string, decimalComma = false): Parsed<number> | null {
  const match = /^(.*?\d)\s*([A-Za-z]+)\.?$/.exec(text.trim());
  if (!match) return null;
  const number = parseNumber(match[1], decimalComma);
  if (!number.ok) return null;
  const word = normalizeHeader(match[2]);
  if (KM_WORDS.has(word)) return number;
  if (MILE_WORDS.has(word)) return { ok: true, value: convertAmount(number.value, KM_PER_MILE) };
  return { ok: false, message: `'${text.trim()}' is in ${match[2]}, not in km or miles` };
}

/** The units a duration column's header may name besides minutes. */
export type DurationUnit = 'seconds' | 'hours';
/** The unit a duration column is read in, as chosen in the review (minutes: as a bare number is read). */
export type DurationChoice = DurationUnit | 'minutes';

/** Fields read as minutes. */
const DURATION_FIELDS: ReadonlySet<string> = new Set([...ORDER_FIELDS, ...VEHICLE_FIELDS].filter((f) => f.format === 'duration').map((f) => f.key));

/** Words of hours as a header's last word ("Max driving (h)", "Max hours", "Servicezeit Std"); not Danish "time", which is English for something else. */
const HOUR_HEADER_WORDS: ReadonlySet<string> = new Set(['h', 'hr', 'hrs', 'hour', 'hours', 'std', 'stunde', 'stunden', 'uur', 'uren', 'heure', 'heures', 'hora', 'horas', 'ore', 'godz', 'godziny', 'timmar']);
const SECOND_HEADER_WORDS: ReadonlySet<string> = new Set(SECOND_WORDS);

/**
 * The unit a duration column's header names by its last word ("Service time (sec)", "Duration (s)", "Max hours"):
 * seconds or hours; null for minutes or no unit (a bare number is minutes).
 */
export function durationUnitOf(header: string): DurationUnit | null {
  const last = normalizeHeader(header).split(' ').pop() ?? '';
  return SECOND_HEADER_WORDS.has(last) ? 'seconds' : HOUR_HEADER_WORDS.has(last) ? 'hours' : null;
}

/** A field holding an amount in a capacity unit: its kind and the unit's index. */
export const UNIT_FIELD = /^(amount|capacity|pickupAmount):(\d+)$/;

/** Whether any order or vehicle the import keeps holds a value in capacity unit `index`. */
function unitInUse(scenario: Scenario, index: number, kind: ImportKind, replace: boolean): boolean {
  const orders = kind === 'orders' && replace ? [] : scenario.orders;
  const vehicles = kind === 'vehicles' && replace ? [] : scenario.vehicles;
  return orders.some((o) => (o.amounts[index] ?? 0) !== 0 || (o.pickupAmounts?.[index] ?? 0) !== 0)
    || vehicles.some((v) => v.capacity[index] !== null && v.capacity[index] !== undefined);
}

/**
 * The units an import reads its amount or capacity columns in. A column headed in a unit of the same kind as the
 * scenario's ("Weight (lbs)" into "kg") is converted; but when nothing in the scenario is measured in that unit yet
 * (a new scenario's "kg"), the unit takes the file's name instead, and the values are kept as written.
 */
export function importUnits(headers: readonly string[], targets: readonly ColumnTarget[], scenario: Scenario, kind: ImportKind, replace: boolean, durationUnits: Readonly<Record<number, DurationChoice>> = {}): ImportUnits {
  const capacityUnits = [...scenario.settings.capacityUnits];
  const renamed: ImportUnits['renamed'] = [];
  const fields = targets.flatMap((target, column) => {
    const match = UNIT_FIELD.exec(target);
    return match && Number(match[2]) < capacityUnits.length ? [{ key: target, index: Number(match[2]), header: headers[column] ?? '', main: match[1] !== 'pickupAmount' }] : [];
  });
  for (const field of fields.filter((f) => f.main)) {
    const conversion = conversionFor(field.header, capacityUnits[field.index]);
    if (!conversion || unitInUse(scenario, field.index, kind, replace) || capacityUnits.includes(conversion.from)) continue;
    renamed.push({ from: capacityUnits[field.index], to: conversion.from, header: field.header });
    capacityUnits[field.index] = conversion.from;
  }
  const conversions = fields.flatMap((f) => {
    const conversion = conversionFor(f.header, capacityUnits[f.index]);
    return conversion ? [{ key: f.key, header: f.header, ...conversion }] : [];
  });
  const durations = targets.flatMap((target, column) => {
    // The unit the user chose for the column in the review, else its header's.
    const chosen = durationUnits[column];
    const unit = !DURATION_FIELDS.has(target) ? null : chosen === 'minutes' ? null : chosen ?? durationUnitOf(headers[column] ?? '');
    return unit ? [{ key: target, header: headers[column] ?? '', unit, factor: unit === 'seconds' ? 1 / 60 : 60, ...(chosen ? { chosen: true } : {}) }] : [];
  });
  const distances = targets.flatMap((target, column) => {
    const miles = DISTANCE_FIELDS.has(target) && MILE_WORDS.has(normalizeHeader(headers[column] ?? '').split(' ').pop() ?? '');
    return miles ? [{ key: target, header: headers[column] ?? '', unit: 'miles' as const, factor: KM_PER_MILE }] : [];
  });
  const rates = targets.flatMap((target, column) => {
    const rate = rateOf(target, headers[column] ?? '');
    return rate ? [{ key: target, header: headers[column] ?? '', ...rate }] : [];
  });
  return { capacityUnits, renamed, conversions, durations, distances, rates };
}

/** Words that count pieces: "3 pcs" is 3 in a unit named "items" (pallets are not pieces). */
const COUNT_WORDS: ReadonlySet<string> = new Set([
  'items', 'item', 'pieces', 'piece', 'pcs', 'pc', 'parcels', 'parcel', 'boxes', 'box', 'packages', 'package', 'pkgs', 'pkg',
  'units', 'unit', 'cartons', 'carton', 'ctns', 'colis', 'bags', 'bag', 'crates', 'crate', 'totes', 'tote', 'cases', 'case',
]);

/**
 * A cell that writes its unit after the number ("12 kg", "25 lbs", "3 items"), read in capacity unit `unitName`:
 * its own unit as it is, another of the same kind converted; null when the cell has no unit word after a number.
 */
export function amountWithUnit(text: string, unitName: string, decimalComma = false): Parsed<number> | null {
  const match = /^(.*?\d)\s*([A-Za-z][A-Za-z³ .]*?)\.?$/.exec(text.trim().replace(/ft³/gi, 'ft3').replace(/m³/g, 'm3'));
  if (!match) return null;
  const number = parseNumber(match[1], decimalComma);
  if (!number.ok) return null;
  const word = normalizeHeader(match[2]);
  const own = normalizeHeader(unitName);
  if (word === own || (COUNT_WORDS.has(word) && COUNT_WORDS.has(own))) return number;
  const from = unitNamed(word);
  const to = unitNamed(unitName);
  if (from && to && from.family === to.family) return { ok: true, value: from.name === to.name ? number.value : convertAmount(number.value, from.base / to.base) };
  return { ok: false, message: `'${text.trim()}' is in ${match[2].trim()}, not in ${unitName}` };
}

/**
 * A price written with its currency sign ("$0.65", "12,50 €", and per what the column prices: "0,35 €/km",
 * "18 €/h"): the number; null when there is no sign.
 */
export function amountOfPrice(text: string, decimalComma = false): Parsed<number> | null {
  const bare = text.replace(/\s*\/\s*(?:km|mi|mile|h|hr|hour|std|stunde|hora|ora|heure|uur|day|dia|tag|giorno|jour|dag)\.?\s*$/i, '');
  const match = /^\s*[$€£¥₹]\s*(.+?)\s*$|^\s*(.+?)\s*[$€£¥₹]\s*$/.exec(bare);
  if (!match) return null;
  const number = parseNumber(match[1] ?? match[2], decimalComma);
  return number.ok ? number : null;
}
