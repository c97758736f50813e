// The depot form (add or edit): Name, Location ("lat, lng" typed, a click on
// the map after "Place on map", or an address typed there and looked up), Opens,
// Closes and an optional Id. Save checks it
// as an import would; each problem shows next to its input and Save stays blocked
// until none remains. What was typed is kept on error.
import { createSignal, onCleanup, Show, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Depot } from '../../domain/scenario';
import { parseLatLng, type FieldIssue } from '../../domain/validate-entity';
import { AddressLookup } from '../ui/form/AddressLookup';
import { useApp } from '../../store/context';
import { issueFor, otherIssues } from '../ui/form/issues';
import { LatLngInput, TextInput, TimeInput } from '../ui/form/TextInput';
import { depotFromDraft, draftOfDepot, emptyDepotDraft, outsideData, type DepotDraft } from './depot-draft';

const LABELS = ['Name', 'Location', 'Opens', 'Closes', 'Id'];

/** Props: the depot to edit (absent: a new one) and what to do when saved or cancelled. */
export interface DepotFormProps {
  depot?: Depot;
  onDone: () => void;
}

/** The form's state and verbs: the typed draft, its issues, the pick on the map, and Save. */
function useDepotForm(props: DepotFormProps) {
  const { scenario: [state, actions], ui: [uiState, uiActions] } = useApp();
  const [draft, setDraft] = createStore<DepotDraft>(props.depot ? draftOfDepot(props.depot) : emptyDepotDraft());
  const [issues, setIssues] = createSignal<FieldIssue[]>([]);
  const [tried, setTried] = createSignal(false);
  const check = () => {
    const scenario = state.scenario;
    const result = scenario ? depotFromDraft(draft, scenario, props.depot) : null;
    setIssues(result && !result.ok ? result.issues : []);
    return result;
  };
  const set = (key: keyof DepotDraft) => (value: string) => {
    setDraft(key, value);
    if (tried()) check();
  };
  const picking = () => uiState.pick?.purpose === 'depot';
  const pick = () => {
    if (picking()) return uiActions.cancelPick();
    uiActions.startPick({ purpose: 'depot', label: draft.name.trim() ? `the depot “${draft.name.trim()}”` : 'the depot' }, (lat, lng) => set('location')(`${lat}, ${lng}`));
  };
  onCleanup(() => picking() && uiActions.cancelPick());
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    setTried(true);
    const scenario = state.scenario;
    const result = check();
    if (!scenario || !result?.ok) return;
    const fit = outsideData(scenario, result.value.lat, result.value.lng);
    if (props.depot) actions.updateDepot(props.depot.id, result.value);
    else actions.addDepot(result.value);
    if (fit) uiActions.requestFit();
    props.onDone();
  };
  return { draft, set, issues, blocked: () => tried() && issues().length > 0, picking, pick, save };
}

/** Add or edit one depot, inline (the map stays clickable for "Place on map"). */
export function DepotForm(props: DepotFormProps): JSX.Element {
  const form = useDepotForm(props);
  const title = () => (props.depot ? `Edit depot ${props.depot.name || props.depot.id}` : 'New depot');
  const error = (label: string) => issueFor(form.issues(), label);
  return (
    <form class="entity-form" aria-label={title()} onSubmit={form.save} noValidate>
      <h3 class="entity-form__title">{title()}</h3>
      <TextInput label="Name" value={form.draft.name} onInput={form.set('name')} error={error('Name')} autofocus />
      <LatLngInput label="Location" value={form.draft.location} onInput={form.set('location')} error={error('Location')} onPick={form.pick} picking={form.picking()}
        hint={form.picking() ? undefined : 'Latitude, longitude in decimal degrees, or the address to look up'} />
      {/* An address typed where "lat, lng" goes: looked up on request (with geocoding on), a place picked fills Location. */}
      <Show when={!parseLatLng(form.draft.location).ok}>
        <AddressLookup address={form.draft.location} onUse={(lat, lng) => form.set('location')(`${lat}, ${lng}`)} />
      </Show>
      <div class="form-row">
        <TimeInput label="Opens" value={form.draft.open} onInput={form.set('open')} error={error('Opens')} />
        <TimeInput label="Closes" value={form.draft.close} onInput={form.set('close')} error={error('Closes')} />
      </div>
      <TextInput label="Id" value={form.draft.id} onInput={form.set('id')} error={error('Id')} hint={props.depot ? 'Vehicles of this depot follow a new id' : 'Optional: made from the name when blank'} />
      <Show when={otherIssues(form.issues(), LABELS).length > 0}>
        <ul class="form-issues">{otherIssues(form.issues(), LABELS).map((i) => <li>{i.label}: {i.message}</li>)}</ul>
      </Show>
      <div class="form-actions">
        <button type="submit" class="btn btn--primary" disabled={form.blocked()}>Save</button>
        <button type="button" class="btn" onClick={() => props.onDone()}>Cancel</button>
      </div>
    </form>
  );
}
