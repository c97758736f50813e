// The vehicle form's first section: who it is (name, id, type), what it carries
// (capacity per unit, blank = no limit), where it starts and ends, and when.
import { For, type JSX } from 'solid-js';
import { EditorField, EditorSelect } from './EditorField';
import type { VehicleSectionProps } from './vehicle-form-types';

/** Known vehicle types: the scenario's vehicles and the speed settings. */
function knownTypes(props: VehicleSectionProps): string[] {
  return [...new Set([...props.scenario.vehicles.map((v) => v.type), ...Object.keys(props.scenario.settings.speedKmh)])].sort();
}

/** Name, id, type, capacity, depots, shift and speed. */
export function VehicleFormMain(props: VehicleSectionProps & { typesListId: string }): JSX.Element {
  const depots = () => props.scenario.depots.map((d) => [d.id, d.name || d.id] as const);
  const units = () => props.scenario.settings.capacityUnits;
  const field = (label: string, key: Parameters<VehicleSectionProps['set']>[0], extra: Partial<Parameters<typeof EditorField>[0]> = {}) => (
    <EditorField label={label} value={props.draft[key]} issues={props.issuesAt(label)} onInput={(text) => props.set(key, label, text)} {...extra} />
  );
  return (
    <fieldset class="editor-section">
      <legend class="section-title">Vehicle</legend>
      <div class="editor-row">
        {field('Name', 'name', { size: 'wide' })}
        {field('Id', 'id', { hint: 'Blank = made from the name.' })}
        {field('Type', 'type', { list: props.typesListId, hint: 'Sets the speed (Settings).' })}
        <datalist id={props.typesListId}><For each={knownTypes(props)}>{(t) => <option value={t} />}</For></datalist>
      </div>
      <div class="editor-row">
        <For each={units()}>
          {(unit, i) => (
            <EditorField label={`Capacity (${unit})`} numeric size="short" value={props.draft.capacity[i()] ?? ''} issues={props.issuesAt(`Capacity (${unit})`)}
              hint={i() === 0 ? 'Blank = no limit.' : undefined}
              onInput={(text) => { props.setDraft('capacity', i(), text); props.touch(`Capacity (${unit})`); }} />
          )}
        </For>
        {field('Speed factor', 'speedFactor', { numeric: true, size: 'short', hint: '1.2 = 20 % slower.' })}
      </div>
      <div class="editor-row">
        <EditorSelect label="Start depot" value={props.draft.startDepotId} options={depots()} issues={props.issuesAt('Start depot')} onChange={(v) => props.set('startDepotId', 'Start depot', v)} />
        <EditorSelect label="End depot" value={props.draft.endDepotId} options={depots()} issues={props.issuesAt('End depot')} onChange={(v) => props.set('endDepotId', 'End depot', v)} />
        {field('Shift start', 'shiftStart', { size: 'short', placeholder: 'HH:MM' })}
        {field('Shift end', 'shiftEnd', { size: 'short', placeholder: 'HH:MM' })}
      </div>
    </fieldset>
  );
}
