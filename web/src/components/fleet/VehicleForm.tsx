// The vehicle form (Add vehicle, Edit, Duplicate): every field of a vehicle,
// each problem shown next to its input; Save stores the vehicle in one undoable
// edit only when nothing is wrong, and never clears what was typed.
import { createMemo, createSignal, createUniqueId, type JSX } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import type { Scenario } from '../../domain/scenario';
import { useApp } from '../../store/context';
import { Dialog } from '../ui/Dialog';
import { createIssueGate, makeSection, makeSubmit } from './form-issues';
import { FormFooter } from './FormFooter';
import { VehicleBreaks } from './VehicleBreaks';
import { vehicleFromDraft, type VehicleDraft } from './vehicle-draft';
import type { VehicleSectionProps } from './vehicle-form-types';
import { VehicleFormMain } from './VehicleFormMain';
import { VehicleFormRules } from './VehicleFormRules';

/** What the form edits: a new vehicle (no `originalId`) or an existing one. */
export interface VehicleFormTarget {
  title: string;
  draft: VehicleDraft;
  originalId?: string;
}

/** Labels the form has no input for; their issues are listed above the buttons. */
const unshown = (label: string) => /^(Capacity|Breaks|Break \d+)$/.test(label);

/** The modal form for `target`. */
export function VehicleForm(props: { target: VehicleFormTarget; onClose: () => void }): JSX.Element {
  return (
    <Dialog title={props.target.title} open onClose={props.onClose} class="dialog--medium">
      <VehicleFormBody target={props.target} onClose={props.onClose} />
    </Dialog>
  );
}

function VehicleFormBody(props: { target: VehicleFormTarget; onClose: () => void }): JSX.Element {
  const { scenario: [state, actions] } = useApp();
  const [draft, setDraft] = createStore<VehicleDraft>(structuredClone(props.target.draft));
  const gate = createIssueGate();
  const [refused, setRefused] = createSignal(false);
  const result = createMemo(() => vehicleFromDraft(draft, state.scenario as Scenario, props.target.originalId));
  const section: VehicleSectionProps = makeSection(() => state.scenario as Scenario, draft, setDraft, gate, () => result().issues);
  let form: HTMLFormElement | undefined;
  const save = makeSubmit({
    form: () => form, gate, setRefused,
    read: () => {
      // Read only (validated against), so the store's own data, not a copy of the whole scenario (issue #15); the
      // edit copies the vehicle it is given.
      const current = actions.current();
      if (!current) return null;
      const { vehicle, issues } = vehicleFromDraft(unwrap(draft), current, props.target.originalId);
      return { value: vehicle, issues };
    },
    commit: (vehicle) => {
      if (props.target.originalId === undefined) actions.addVehicle(vehicle);
      else actions.updateVehicle(props.target.originalId, vehicle);
      props.onClose();
    },
  });
  return (
    <form ref={form} class="editor-form" onSubmit={save} novalidate aria-label={props.target.title}>
      <VehicleFormMain {...section} typesListId={createUniqueId()} />
      <VehicleFormRules {...section} />
      <VehicleBreaks {...section} />
      <FormFooter issues={result().issues} unshown={result().issues.filter((i) => unshown(i.label))} revealed={gate.revealed()} refused={refused()} onCancel={props.onClose} />
    </form>
  );
}
