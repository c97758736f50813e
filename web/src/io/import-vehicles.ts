// One table row → one vehicle, keeping every rule the file states and inventing
// none: capacity per unit (no column or an empty cell = no limit), crew size and
// crew skills (a skills column without a size column: an empty cell = no skills)
// apart from vehicle features (lists or yes/no columns such as
// "Liftgate"), start/end at a depot or at coordinates (new depots are planned,
// see import-depots.ts), shift, breaks, limits, costs, overtime; unmapped
// columns are kept in `extra`.
import type { Break, TimeWindow } from '../domain/scenario';
import type { Table } from './csv';
import { dayEnd, freeId, parseBreaks, parseList, parseWindows, parseYesNo, largerCrew, splitCrewWords } from './cell-parse';
import { featureName } from './column-map';
import type { DepotPlanner, PlaceRef } from './import-depots';
import { extraOf, RowReader, type RowAt, type RowContext } from './row-reader';
import { withServiceTypeSkills } from './skill-words';
import { KM_PER_MILE } from './units';

/** A whole day: the shift of a vehicle whose file gives none (no limit invented). */
const WHOLE_DAY: TimeWindow = { start: 0, end: 1440 };


/** Cost per km, or the cost per mile read per km (to 4 decimals); a row giving both is asked to keep one. */
function perKmOf(row: RowReader): number {
  const perKm = row.number('perKmCost');
  const perMile = row.number('perMileCost');
  if (perKm !== undefined && perMile !== undefined) row.issue('perMileCost', 'the row gives a cost per km and a cost per mile: keep one of them');
  if (perKm !== undefined) return perKm;
  if (perMile === undefined) return 0;
  if (perMile < 0) {
    row.issue('perMileCost', `${perMile} is negative: a cost per mile is 0 or more`);
    return 0;
  }
  return Math.round((perMile / KM_PER_MILE) * 1e4) / 1e4;
}

function listOf(row: RowReader, key: string): string[] | undefined {
  return row.read(key, (text) => ({ ok: true, value: parseList(text) }));
}

/** Features from the list column plus every yes/no column marked yes ("Liftgate: x" → liftgate). */
function featuresOf(table: Table, row: RowReader): string[] | undefined {
  const listed = listOf(row, 'features');
  const flagged: string[] = [];
  row.ctx.targets.forEach((target, column) => {
    if (target !== 'flag') return;
    const yes = parseYesNo(row.cells[column] ?? '');
    if (!yes.ok) row.issue(table.headers[column], `${yes.message} (this column says whether the vehicle has ${featureName(table.headers[column])})`, column);
    else if (yes.value) flagged.push(featureName(table.headers[column]));
  });
  if (listed === undefined && flagged.length === 0) return undefined;
  return [...new Set([...(listed ?? []), ...flagged])];
}

function crewOf(row: RowReader): { size: number; skills: string[] } | undefined {
  const listed = listOf(row, 'crewSkills');
  // "2-person" among the skills is the crew's size, not a skill (cell-parse.ts).
  const named = listed === undefined ? { skills: undefined, crewSize: undefined } : splitCrewWords(listed);
  const size = largerCrew(row.number('crewSize'), named.crewSize);
  // "Montage" among the skills is what an installation needs of a crew (skill-words.ts).
  const skills = named.skills && withServiceTypeSkills(named.skills, row.ctx.settings);
  // Skills without a size: at least the driver is on board.
  if (size !== undefined || skills !== undefined) return { size: size ?? 1, skills: skills ?? [] };
  // A file with a skills column and no crew size column states every crew in that column: an empty cell there is a
  // crew without those skills (a dispatcher's "Fähigkeiten" left blank for the vans without fitters), not a crew
  // left out of the model, whose skills would never be checked. With a size column, both cells empty stay
  // "not modelled" (the export writes such a vehicle so).
  const targets = row.ctx.targets;
  return targets.includes('crewSkills') && !targets.includes('crewSize') ? { size: 1, skills: [] } : undefined;
}

function breaksOf(row: RowReader, shift: TimeWindow): Break[] | undefined {
  const start = row.time('breakStart');
  const breakEnd = row.time('breakEnd');
  const end = breakEnd === undefined ? undefined : dayEnd(breakEnd);
  const minutes = row.duration('breakMinutes');
  // "Break window: 12:00-14:00" | "Break duration: 30": one break of 30 minutes in that window, not a two-hour break
  // (a window alone in the breaks cell takes the whole window) and another of 30 minutes.
  const cell = row.text('breaks');
  const window = cell !== undefined && minutes !== undefined && start === undefined && end === undefined ? parseWindows(cell, 'clock') : null;
  if (window?.ok && window.value.length === 1 && window.value[0].end > window.value[0].start) {
    return [{ id: 'break-1', timeWindows: window.value, minutes: minutes! }];
  }
  const listed = row.read('breaks', (text) => parseBreaks(text, shift)) ?? [];
  if (start !== undefined || end !== undefined || minutes !== undefined) {
    // A start and an end without minutes (Routific's "Break Start" | "Break End" of 12:00 PM | 12:30 PM) is a break
    // that takes the whole window, as a window alone in a breaks cell is ("12:00-13:00", a lunch hour).
    const whole = minutes === undefined && start !== undefined && end !== undefined && end > start ? end - start : undefined;
    const length = minutes ?? whole;
    if (length === undefined) row.issue('breakMinutes', 'the break has a window but no length: give its minutes');
    else listed.push({ id: freeId('break', new Set(listed.map((b) => b.id))), timeWindows: [{ start: start ?? shift.start, end: end ?? shift.end }], minutes: length });
  }
  return listed.length > 0 ? listed : undefined;
}

function limitsOf(row: RowReader) {
  const limits = {
    maxStops: row.number('maxStops'),
    maxDurationMinutes: row.duration('maxDurationMinutes'),
    maxDrivingMinutes: row.duration('maxDrivingMinutes'),
    maxDistanceKm: row.number('maxDistanceKm'),
  };
  const given = Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
  return Object.keys(given).length > 0 ? given : undefined;
}

function overtimeOf(row: RowReader): { maxMinutes: number; costPerMinute: number } | undefined {
  const maxMinutes = row.duration('overtimeMaxMinutes');
  const costPerMinute = row.number('overtimeCostPerMinute');
  if (maxMinutes === undefined && costPerMinute === undefined) return undefined;
  if (maxMinutes === undefined) {
    row.issue('overtimeMaxMinutes', 'an overtime cost needs the overtime allowed (max minutes)');
    return undefined;
  }
  return { maxMinutes, costPerMinute: costPerMinute ?? 0 };
}

/**
 * Start and end depot ids ('' when unusable: the row has an issue); the end defaults to the start. A start or an end
 * given as an address (no depot of that name, no coordinates) takes the place the review gave it (geocoded or
 * clicked) and becomes a depot named by it; until then the row waits for it. An end written as its start is that
 * depot, placed once.
 */
function depotsOf(row: RowReader, at: RowAt, planner: DepotPlanner): { start: string; end: string } {
  const refOf = (side: 'start' | 'end'): PlaceRef => {
    const field = `${side}Depot`;
    return {
      text: row.text(field), name: row.text(`${field}Name`), lat: row.number(`${side}Lat`), lng: row.number(`${side}Lng`),
      hours: row.read(`${field}Hours`, (text) => parseWindows(text, 'clock'))?.[0],
    };
  };
  const resolve = (side: 'start' | 'end', ref: PlaceRef): string | null | undefined => {
    const field = `${side}Depot`;
    if ((ref.lat === undefined) !== (ref.lng === undefined)) {
      const missing = ref.lat === undefined ? `${side}Lat` : `${side}Lng`;
      row.issue(missing, `the ${side} ${ref.lat === undefined ? 'latitude' : 'longitude'} is missing`);
      return null;
    }
    if (ref.text === undefined && ref.lat === undefined) return undefined;
    let given = ref;
    if (ref.text !== undefined && ref.lat === undefined && planner.unplaced(ref.text)) {
      const placed = (side === 'start' ? row.ctx.placements : row.ctx.endPlacements)?.get(at.index);
      if (!placed) {
        row.issue(field, planner.needsPlaceMessage());
        return null;
      }
      given = { ...ref, lat: placed.lat, lng: placed.lng };
    }
    const result = planner.resolve(given);
    if (result.ok) return result.value;
    row.issue(field, result.message);
    return null;
  };
  const startRef = refOf('start');
  const endRef = refOf('end');
  const start = resolve('start', startRef);
  // "Start: 1200 NW Naito Pkwy" | "End: 1200 NW Naito Pkwy": one place, placed once (and not a second issue while it waits).
  const sameText = (a?: string, b?: string) => a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
  const endIsStart = sameText(endRef.text, startRef.text) && endRef.lat === undefined && endRef.lng === undefined && startRef.lat === undefined;
  const end = endIsStart ? start : resolve('end', endRef);
  const startId = start === null ? '' : start ?? onlyDepot(row) ?? '';
  return { start: startId, end: end === null ? '' : end ?? startId };
}

/** The scenario's one depot when the row names none; with several (or none) the row must say. */
function onlyDepot(row: RowReader): string | undefined {
  if (row.has('startDepot')) return undefined;
  if (row.ctx.depots.length === 1) return row.ctx.depots[0].id;
  const known = row.ctx.depots.map((d) => d.name || d.id);
  row.issue('startDepot', `the start is missing: give a depot${known.length ? ` (${known.join(', ')})` : ''} or "lat, lng"`);
  return undefined;
}

/** Builds the vehicle of one row (unchecked: the caller validates it against the schema). */
export function buildVehicle(table: Table, cells: readonly string[], at: RowAt, ctx: RowContext, planner: DepotPlanner): { row: RowReader; value: unknown } {
  const { rowNumber } = at;
  const row = new RowReader(cells, ctx);
  const id = row.column('id') === null ? `${ctx.idPrefix}-${rowNumber}` : row.text('id') ?? '';
  const { start, end } = depotsOf(row, at, planner);
  // A shift as one range ("07:00-17:00") gives the bounds its own columns do not.
  const range = row.read('shift', (text) => {
    const read = parseWindows(text, 'clock');
    return read.ok && read.value.length > 1 ? { ok: false as const, message: `'${text}' is more than one shift (write one range, e.g. 07:00-17:00)` } : read;
  })?.[0];
  const shiftEnd = row.time('shiftEnd');
  // "14:00" | "00:00": a shift until midnight (dayEnd).
  const shift = { start: row.time('shiftStart') ?? range?.start ?? WHOLE_DAY.start, end: (shiftEnd === undefined ? undefined : dayEnd(shiftEnd)) ?? range?.end ?? WHOLE_DAY.end };
  const optional = {
    features: featuresOf(table, row),
    crew: crewOf(row),
    breaks: breaksOf(row, shift),
    limits: limitsOf(row),
    overtime: overtimeOf(row),
    extra: ctx.targets.includes('extra') ? extraOf(table, cells, ctx.targets) : undefined,
  };
  const value = {
    id,
    name: row.text('name') ?? id,
    type: row.text('type') ?? 'van',
    // No column, or an empty cell, for a unit: no limit in that unit.
    capacity: ctx.capacityUnits.map((_, i) => row.number(`capacity:${i}`) ?? null),
    startDepotId: start,
    endDepotId: end,
    shift,
    speedFactor: row.number('speedFactor') ?? 1,
    costs: { fixed: row.number('fixedCost') ?? 0, perKm: perKmOf(row), perHour: row.number('perHourCost') ?? 0 },
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
  return { row, value };
}
