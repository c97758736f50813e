// The "Vehicles" window: the fleet table, Add vehicle, row selection (one by
// one, all, or all of a type) and bulk edit of a column; the vehicle form opens
// on top of it. Every change is one undoable edit and marks the plan out of date.
import { createSignal, createUniqueId, For, Show, type JSX } from 'solid-js';
import type { Scenario, Vehicle } from '../../domain/scenario';
import { useApp } from '../../store/context';
import { Dialog } from '../ui/Dialog';
import { applyBulk } from './bulk-edit';
import { BulkEditor } from './BulkEditor';
import { createRowSelection } from './selection';
import { vehicleCodec, vehicleColumns } from './vehicle-columns';
import { draftOfVehicle, duplicateVehicle, newVehicleDraft } from './vehicle-draft';
import { VehicleForm, type VehicleFormTarget } from './VehicleForm';
import { VehicleTable } from './VehicleTable';

/** The modal with the fleet table. */
export function VehiclesDialog(props: { open: boolean; onClose: () => void }): JSX.Element {
  const { scenario: [state] } = useApp();
  return (
    <Dialog title="Vehicles" open={props.open} onClose={props.onClose} class="dialog--wide">
      <Show when={state.scenario}>{(s) => <VehiclesBody scenario={s()} />}</Show>
    </Dialog>
  );
}

function VehiclesBody(props: { scenario: Scenario }): JSX.Element {
  const { scenario: [, actions] } = useApp();
  const selection = createRowSelection(() => props.scenario.vehicles);
  const live = selection.live;
  const [target, setTarget] = createSignal<VehicleFormTarget | null>(null);
  const types = () => [...new Set(props.scenario.vehicles.map((v) => v.type))].sort();
  const picked = () => props.scenario.vehicles.filter((v) => live().has(v.id));
  const applyColumn = (column: ReturnType<typeof vehicleColumns>[number], values: string[]) => {
    const scenario = actions.snapshot()!;
    const items = scenario.vehicles.filter((v) => live().has(v.id));
    const { changed, issues } = applyBulk(items, column, values, vehicleCodec(scenario));
    if (!issues.length) actions.updateVehicles([...changed.keys()], (v) => changed.get(v.id) ?? v);
    return issues;
  };
  const edit = (v: Vehicle) => setTarget({ title: 'Edit vehicle', draft: draftOfVehicle(v), originalId: v.id });
  const duplicate = (v: Vehicle) => setTarget({ title: 'Add vehicle', draft: draftOfVehicle(duplicateVehicle(v, props.scenario)) });
  return (
    <>
      <div class="editor-toolbar">
        <button type="button" class="btn btn--primary" onClick={() => setTarget({ title: 'Add vehicle', draft: newVehicleDraft(props.scenario) })}>Add vehicle</button>
        <TypePicker types={types()} onPick={(type) => selection.set(props.scenario.vehicles.filter((v) => v.type === type).map((v) => v.id))} />
        <span class="muted">{live().size} of {props.scenario.vehicles.length} selected</span>
        <Show when={live().size > 0}>
          <button type="button" class="btn btn--small btn--danger" onClick={() => actions.removeVehicles([...live()])}>Delete selected</button>
        </Show>
        <Show when={props.scenario.depots.length === 0}><span class="warn-text">Add a depot first: vehicles start and end at one.</span></Show>
      </div>
      <Show when={live().size > 0}>
        <BulkEditor columns={vehicleColumns(props.scenario)} count={live().size} noun={live().size === 1 ? 'vehicle' : 'vehicles'}
          prefill={(c) => { const first = picked()[0]; return first ? c.fields.map((f) => f.read(draftOfVehicle(first))) : c.fields.map(() => ''); }}
          apply={applyColumn} />
      </Show>
      <VehicleTable scenario={props.scenario} selected={live()} onToggle={selection.toggle}
        onToggleAll={(on) => selection.set(on ? props.scenario.vehicles.map((v) => v.id) : [])}
        onEdit={edit} onDuplicate={duplicate} onDelete={(v) => actions.removeVehicles([v.id])} />
      <Show when={target()} keyed>{(t) => <VehicleForm target={t} onClose={() => setTarget(null)} />}</Show>
    </>
  );
}

/** "Select all of type": selects every vehicle of the chosen type, then resets. */
function TypePicker(props: { types: string[]; onPick: (type: string) => void }): JSX.Element {
  const id = createUniqueId();
  return (
    <div class="field field--inline">
      <label class="field__label" for={id}>Select all of type</label>
      <select id={id} value="" onChange={(e) => { const type = e.currentTarget.value; e.currentTarget.value = ''; if (type) props.onPick(type); }}>
        <option value="">Choose a type…</option>
        <For each={props.types}>{(t) => <option value={t}>{t}</option>}</For>
      </select>
    </div>
  );
}
