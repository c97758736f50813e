// "New scenario": its name and date, and what it starts from — blank (no depots,
// fleet or orders), a copy of the depots and fleet of a stored scenario, or a
// scenario file (the Import dialog). The new scenario opens at once.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { localIsoDate } from '../../domain/blank';
import { useApp } from '../../store/context';
import { uniqueName } from '../../store/scenarios-list';
import { Banner } from '../ui/Banner';
import { Dialog } from '../ui/Dialog';
import { TextInput } from '../ui/form/TextInput';
import { dateProblem, nameProblem } from './day';

type Start = 'blank' | 'copy';

/** Props: open state, close, and what follows a creation or the choice of a file. */
export interface NewScenarioDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
  /** "From a file…": the caller closes its dialogs and opens the Import dialog. */
  onFromFile: () => void;
}

/** The New scenario dialog. */
export function NewScenarioDialog(props: NewScenarioDialogProps): JSX.Element {
  return (
    <Dialog title="New scenario" open={props.open} onClose={props.onClose} class="dialog--medium">
      <NewScenarioForm {...props} />
    </Dialog>
  );
}

function NewScenarioForm(props: NewScenarioDialogProps): JSX.Element {
  const { scenarios: [state, actions], scenario: [open] } = useApp();
  const [name, setName] = createSignal(uniqueName('New scenario', state.entries.map((e) => e.name)));
  const [date, setDate] = createSignal(localIsoDate());
  const [start, setStart] = createSignal<Start>('blank');
  const [copyOf, setCopyOf] = createSignal(open.scenario?.id ?? state.entries[0]?.id ?? '');
  const [tried, setTried] = createSignal(false);
  const nameError = () => (tried() ? nameProblem(name()) : null);
  const dateError = () => (tried() ? dateProblem(date()) : null);
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    setTried(true);
    if (nameProblem(name()) || dateProblem(date())) return;
    await actions.create({ name: name().trim(), date: date().trim(), copyFleetOf: start() === 'copy' ? copyOf() || undefined : undefined });
    if (!state.error) props.onCreated();
  };
  return (
    <form class="entity-form new-scenario" aria-label="New scenario" onSubmit={(e) => void create(e)} noValidate>
      <TextInput label="Name" value={name()} onInput={setName} error={nameError()} autofocus />
      <TextInput label="Date" type="date" value={date()} onInput={setDate} error={dateError()} hint="The day the plan is for" />
      <StartChoice start={start()} onStart={setStart} copyOf={copyOf()} onCopyOf={setCopyOf} onFromFile={props.onFromFile} />
      <Show when={state.error}>
        {(message) => <Banner tone="error" title="Could not create the scenario" onDismiss={actions.dismissError}><span>{message()}</span></Banner>}
      </Show>
      <div class="form-actions">
        <button type="submit" class="btn btn--primary" disabled={state.busy || (tried() && !!(nameError() || dateError()))}>Create</button>
        <button type="button" class="btn" onClick={() => props.onClose()}>Cancel</button>
      </div>
    </form>
  );
}

/** What the new scenario starts from: blank, a copy of another's depots and fleet, or a file. */
function StartChoice(props: { start: Start; onStart: (start: Start) => void; copyOf: string; onCopyOf: (id: string) => void; onFromFile: () => void }): JSX.Element {
  const { scenarios: [state] } = useApp();
  const entries = () => state.entries;
  return (
    <fieldset class="start-choice">
      <legend>Start from</legend>
      <label class="radio-line">
        <input type="radio" name="start" value="blank" checked={props.start === 'blank'} onChange={() => props.onStart('blank')} />
        Blank
        <span class="muted">— no depots, vehicles or orders</span>
      </label>
      <div class="radio-line">
        <label>
          <input type="radio" name="start" value="copy" checked={props.start === 'copy'} disabled={entries().length === 0} onChange={() => props.onStart('copy')} />
          Copy depots and fleet of
        </label>
        <select aria-label="Scenario to copy" value={props.copyOf} disabled={entries().length === 0} onChange={(e) => { props.onCopyOf(e.currentTarget.value); props.onStart('copy'); }}>
          <For each={entries()}>{(entry) => <option value={entry.id}>{entry.name || 'Untitled scenario'} ({entry.date}, {entry.vehicles} vehicles)</option>}</For>
        </select>
      </div>
      <div class="radio-line">
        <button type="button" class="btn btn--small" onClick={() => props.onFromFile()}>From a file…</button>
        <span class="muted">a scenario file exported from the planner</span>
      </div>
    </fieldset>
  );
}
