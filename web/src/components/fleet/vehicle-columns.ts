// The vehicle columns a dispatcher can set on many vehicles at once, and the
// codec that applies them through the vehicle form's draft.
import type { Scenario, Vehicle } from '../../domain/scenario';
import { textField, type BulkColumn, type BulkField, type DraftCodec } from './bulk-edit';
import { draftOfVehicle, vehicleFromDraft, type VehicleDraft } from './vehicle-draft';

type Column = BulkColumn<VehicleDraft>;

function capacityField(unit: string, i: number): BulkField<VehicleDraft> {
  return { label: `Capacity (${unit})`, read: (d) => d.capacity[i] ?? '', write: (d, text) => { d.capacity[i] = text; } };
}

/** The single break every selected vehicle gets (all blank = no break). */
function breakField(label: string, key: 'start' | 'end' | 'minutes'): BulkField<VehicleDraft> {
  return {
    label,
    read: (d) => d.breaks[0]?.[key] ?? '',
    write: (d, text) => {
      const first = d.breaks[0] ?? { id: 'break', start: '', end: '', minutes: '', moreWindows: [] };
      d.breaks = [{ ...first, [key]: text }];
      if (d.breaks[0].start.trim() === '' && d.breaks[0].end.trim() === '' && d.breaks[0].minutes.trim() === '') d.breaks = [];
    },
  };
}

/** Every bulk-editable column of a vehicle, for the scenario's units and depots. */
export function vehicleColumns(scenario: Scenario): Column[] {
  const depots = scenario.depots.map((d) => [d.id, d.name || d.id] as const);
  return [
    { name: 'Shift', fields: [textField('Shift start', 'shiftStart'), textField('Shift end', 'shiftEnd')], hint: 'Times as HH:MM.' },
    ...scenario.settings.capacityUnits.map((unit, i): Column => ({ name: `Capacity (${unit})`, fields: [capacityField(unit, i)], hint: 'Blank = no limit in this unit.' })),
    { name: 'Costs', fields: [textField('Fixed cost', 'fixedCost'), textField('Cost per km', 'perKm'), textField('Cost per hour', 'perHour')] },
    { name: 'Start depot', fields: [textField('Start depot', 'startDepotId', depots)] },
    { name: 'End depot', fields: [textField('End depot', 'endDepotId', depots)] },
    { name: 'Type', fields: [textField('Type', 'type')] },
    { name: 'Crew size', fields: [textField('Crew size', 'crewSize')], hint: 'Blank = crew not modelled (only if no crew skills).' },
    { name: 'Crew skills', fields: [textField('Crew skills', 'crewSkills')], hint: 'Comma-separated; replaces the current skills.' },
    { name: 'Features', fields: [textField('Features', 'features')], hint: 'Comma-separated; replaces the current features.' },
    { name: 'Speed factor', fields: [textField('Speed factor', 'speedFactor')] },
    { name: 'Break', fields: [breakField('Break 1 start', 'start'), breakField('Break 1 end', 'end'), breakField('Break 1 minutes', 'minutes')], hint: 'Replaces every break with this one; all blank = no break.' },
    { name: 'Max stops', fields: [textField('Max stops', 'maxStops')], hint: 'Blank = no limit.' },
    { name: 'Max duration (min)', fields: [textField('Max duration (min)', 'maxDuration')], hint: 'Blank = no limit.' },
    { name: 'Max driving (min)', fields: [textField('Max driving (min)', 'maxDriving')], hint: 'Blank = no limit.' },
    { name: 'Max distance (km)', fields: [textField('Max distance (km)', 'maxDistance')], hint: 'Blank = no limit.' },
    { name: 'Overtime', fields: [textField('Overtime (max min)', 'overtimeMax'), textField('Overtime cost per minute', 'overtimeCost')], hint: 'Blank = no overtime.' },
  ];
}

/** Vehicles ⇄ drafts, validated against `scenario`. */
export function vehicleCodec(scenario: Scenario): DraftCodec<Vehicle, VehicleDraft> {
  return {
    toDraft: draftOfVehicle,
    fromDraft: (draft, originalId) => {
      const { vehicle, issues } = vehicleFromDraft(draft, scenario, originalId);
      return { value: vehicle, issues };
    },
    nameOf: (v) => v.name || v.id,
  };
}
