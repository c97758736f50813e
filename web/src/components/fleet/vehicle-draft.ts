// The vehicle form's draft: every field of a vehicle as the text the user
// types, and back. Blank capacity = no limit in that unit, blank limits and
// overtime = none, blank crew = not modelled, blank id = generated.
import type { Break, Scenario, Vehicle } from '../../domain/scenario';
import { validateVehicle, type FieldIssue } from '../../domain/validate-entity';
import { DraftReader, formatList, formatNumber, formatTime, parseList, slug, uniqueId } from './draft-parse';

/** One break row: its first window is edited; further windows are kept as they were. */
export interface BreakDraft {
  id: string;
  start: string;
  end: string;
  minutes: string;
  moreWindows: Break['timeWindows'];
}

/** The form's text, field by field. */
export interface VehicleDraft {
  id: string; name: string; type: string;
  /** One per capacity unit; blank = no limit. */
  capacity: string[];
  features: string; crewSize: string; crewSkills: string;
  startDepotId: string; endDepotId: string;
  shiftStart: string; shiftEnd: string;
  breaks: BreakDraft[];
  maxStops: string; maxDuration: string; maxDriving: string; maxDistance: string;
  speedFactor: string; fixedCost: string; perKm: string; perHour: string;
  overtimeMax: string; overtimeCost: string;
}

/** The draft of an existing vehicle. */
export function draftOfVehicle(v: Vehicle): VehicleDraft {
  return {
    id: v.id, name: v.name, type: v.type,
    capacity: v.capacity.map(formatNumber),
    features: formatList(v.features), crewSize: formatNumber(v.crew?.size), crewSkills: formatList(v.crew?.skills),
    startDepotId: v.startDepotId, endDepotId: v.endDepotId,
    shiftStart: formatTime(v.shift.start), shiftEnd: formatTime(v.shift.end),
    breaks: (v.breaks ?? []).map((b) => ({
      id: b.id, start: formatTime(b.timeWindows[0].start), end: formatTime(b.timeWindows[0].end), minutes: String(b.minutes), moreWindows: b.timeWindows.slice(1),
    })),
    maxStops: formatNumber(v.limits?.maxStops), maxDuration: formatNumber(v.limits?.maxDurationMinutes),
    maxDriving: formatNumber(v.limits?.maxDrivingMinutes), maxDistance: formatNumber(v.limits?.maxDistanceKm),
    speedFactor: String(v.speedFactor), fixedCost: String(v.costs.fixed), perKm: String(v.costs.perKm), perHour: String(v.costs.perHour),
    overtimeMax: formatNumber(v.overtime?.maxMinutes), overtimeCost: formatNumber(v.overtime?.costPerMinute),
  };
}

/** A new vehicle's draft: the scenario's first depot, an 08:00–17:00 shift, no limits, no crew. */
export function newVehicleDraft(scenario: Scenario): VehicleDraft {
  const depot = scenario.depots[0]?.id ?? '';
  return {
    id: '', name: '', type: scenario.vehicles[0]?.type ?? 'van', capacity: scenario.settings.capacityUnits.map(() => ''),
    features: '', crewSize: '', crewSkills: '', startDepotId: depot, endDepotId: depot, shiftStart: '08:00', shiftEnd: '17:00',
    breaks: [], maxStops: '', maxDuration: '', maxDriving: '', maxDistance: '',
    speedFactor: '1', fixedCost: '0', perKm: '0', perHour: '0', overtimeMax: '', overtimeCost: '',
  };
}

/** A blank break row, numbered after the others. */
export function newBreakDraft(breaks: readonly BreakDraft[]): BreakDraft {
  return { id: uniqueId('break', breaks.map((b) => b.id)), start: '12:00', end: '14:00', minutes: '30', moreWindows: [] };
}

/** A copy of `vehicle` with an id and a name no other vehicle has ("Van 1 (copy)"). */
export function duplicateVehicle(vehicle: Vehicle, scenario: Scenario): Vehicle {
  const id = uniqueId(`${vehicle.id}-copy`, scenario.vehicles.map((v) => v.id));
  const names = new Set(scenario.vehicles.map((v) => v.name));
  let name = `${vehicle.name || vehicle.id} (copy)`;
  for (let n = 2; names.has(name); n++) name = `${vehicle.name || vehicle.id} (copy ${n})`;
  return { ...structuredClone(vehicle), id, name };
}

function readBreaks(r: DraftReader, breaks: readonly BreakDraft[]): Break[] {
  return breaks.map((b, i) => {
    const start = r.time(b.start, `breaks[${i}].timeWindows[0].start`, `Break ${i + 1} start`);
    const end = r.time(b.end, `breaks[${i}].timeWindows[0].end`, `Break ${i + 1} end`);
    const minutes = r.number(b.minutes, `breaks[${i}].minutes`, `Break ${i + 1} minutes`, 'required');
    return { id: b.id, timeWindows: [{ start, end }, ...b.moreWindows], minutes };
  });
}

function readCrew(r: DraftReader, d: VehicleDraft): Vehicle['crew'] {
  const size = r.number(d.crewSize, 'crew.size', 'Crew size', 'absent');
  const skills = parseList(d.crewSkills);
  if (size === undefined && skills.length) r.fail('crew.size', 'Crew size', 'enter how many people are on board to give the crew skills');
  return size === undefined ? undefined : { size, skills };
}

function readLimits(r: DraftReader, d: VehicleDraft): Vehicle['limits'] {
  const limits = {
    maxStops: r.number(d.maxStops, 'limits.maxStops', 'Max stops', 'absent'),
    maxDurationMinutes: r.number(d.maxDuration, 'limits.maxDurationMinutes', 'Max duration (min)', 'absent'),
    maxDrivingMinutes: r.number(d.maxDriving, 'limits.maxDrivingMinutes', 'Max driving (min)', 'absent'),
    maxDistanceKm: r.number(d.maxDistance, 'limits.maxDistanceKm', 'Max distance (km)', 'absent'),
  };
  const set = Object.entries(limits).filter(([, value]) => value !== undefined);
  return set.length ? Object.fromEntries(set) : undefined;
}

function readOvertime(r: DraftReader, d: VehicleDraft): Vehicle['overtime'] {
  const maxMinutes = r.number(d.overtimeMax, 'overtime.maxMinutes', 'Overtime (max min)', 'absent');
  const costPerMinute = r.number(d.overtimeCost, 'overtime.costPerMinute', 'Overtime cost per minute', 'absent');
  if (maxMinutes === undefined && costPerMinute !== undefined) r.fail('overtime.maxMinutes', 'Overtime (max min)', 'enter the minutes of overtime allowed, or clear the cost');
  return maxMinutes === undefined ? undefined : { maxMinutes, costPerMinute: costPerMinute ?? 0 };
}

/** The id a blank Id input gets: from the name, else the type, unique among the other vehicles. */
function idFor(d: VehicleDraft, scenario: Scenario, originalId?: string): string {
  if (d.id.trim()) return d.id.trim();
  return uniqueId(slug(d.name) || slug(d.type) || 'vehicle', scenario.vehicles.filter((v) => v.id !== originalId).map((v) => v.id));
}

/** Reads the draft (text only, no cross-checks) into a vehicle-shaped value. */
function readVehicle(r: DraftReader, d: VehicleDraft, scenario: Scenario, originalId?: string): Vehicle {
  const units = scenario.settings.capacityUnits;
  const features = parseList(d.features);
  const vehicle: Vehicle = {
    id: idFor(d, scenario, originalId), name: d.name.trim(), type: d.type.trim(),
    capacity: d.capacity.map((text, i) => r.number(text, `capacity[${i}]`, `Capacity (${units[i] ?? `unit ${i + 1}`})`, 'none')),
    startDepotId: d.startDepotId, endDepotId: d.endDepotId,
    shift: { start: r.time(d.shiftStart, 'shift.start', 'Shift start'), end: r.time(d.shiftEnd, 'shift.end', 'Shift end') },
    speedFactor: r.number(d.speedFactor, 'speedFactor', 'Speed factor', 'required'),
    costs: { fixed: r.number(d.fixedCost, 'costs.fixed', 'Fixed cost', 'required'), perKm: r.number(d.perKm, 'costs.perKm', 'Cost per km', 'required'), perHour: r.number(d.perHour, 'costs.perHour', 'Cost per hour', 'required') },
  };
  const crew = readCrew(r, d);
  const breaks = readBreaks(r, d.breaks);
  const limits = readLimits(r, d);
  const overtime = readOvertime(r, d);
  // What the form does not show (custom columns kept from an import) stays as it was.
  const extra = originalId === undefined ? undefined : scenario.vehicles.find((v) => v.id === originalId)?.extra;
  return {
    ...vehicle, ...(features.length ? { features } : {}), ...(crew ? { crew } : {}), ...(breaks.length ? { breaks } : {}),
    ...(limits ? { limits } : {}), ...(overtime ? { overtime } : {}), ...(extra ? { extra: { ...extra } } : {}),
  };
}

/** The result of a draft: the vehicle when it may be saved, and every issue named by its form label. */
export function vehicleFromDraft(d: VehicleDraft, scenario: Scenario, originalId?: string): { vehicle: Vehicle | null; issues: FieldIssue[] } {
  const r = new DraftReader();
  const vehicle = readVehicle(r, d, scenario, originalId);
  const checked = validateVehicle(vehicle, scenario, originalId);
  if (checked.ok && r.issues.length === 0) return { vehicle: checked.value, issues: [] };
  const issues = r.merge(checked.ok ? [] : checked.issues.map(shiftIssue));
  return { vehicle: null, issues };
}

/** "Shift: window opens after it closes" is shown at Shift end, where the fix usually is. */
function shiftIssue(issue: FieldIssue): FieldIssue {
  if (issue.field === 'shift') return { ...issue, field: 'shift.end', label: 'Shift end', message: 'the shift ends before it starts' };
  const m = /^breaks\[(\d+)\]\.timeWindows\[0\]$/.exec(issue.field);
  if (m) return { ...issue, field: `breaks[${m[1]}].timeWindows[0].end`, label: `Break ${Number(m[1]) + 1} end`, message: 'the break window closes before it opens' };
  return issue;
}
