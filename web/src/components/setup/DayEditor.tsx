// The plan's day in the header: a button showing it; pressed, a small form (a
// popover under it) with the input "Date". Saving is an undoable edit of the scenario that keeps the plan.
import { createSignal, Show, type JSX } from 'solid-js';
import { useApp } from '../../store/context';
import { TextInput } from '../ui/form/TextInput';
import { dateProblem, formatDay } from './day';

/** The open scenario's date, editable in place. */
export function DayEditor(props: { date: string }): JSX.Element {
  const { scenario: [, actions], run: [run] } = useApp();
  const [editing, setEditing] = createSignal(false);
  let button!: HTMLButtonElement;
  const close = () => {
    setEditing(false);
    button.focus();
  };
  return (
    <span class="day-editor">
      <button ref={button} type="button" class="day-button" title="Change the date of the plan" aria-expanded={editing()} disabled={run.status === 'running'} onClick={() => setEditing(!editing())}>
        {formatDay(props.date)}
      </button>
      <Show when={editing()}>
        <DayForm date={props.date} onSave={(date) => { actions.setDate(date); close(); }} onCancel={close} />
      </Show>
    </span>
  );
}

function DayForm(props: { date: string; onSave: (date: string) => void; onCancel: () => void }): JSX.Element {
  const [value, setValue] = createSignal(props.date);
  const [error, setError] = createSignal<string | null>(null);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const problem = dateProblem(value());
    setError(problem);
    if (!problem) props.onSave(value().trim());
  };
  return (
    <form class="day-form" aria-label="Change the date" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()} noValidate>
      <TextInput label="Date" type="date" value={value()} onInput={(v) => { setValue(v); if (error()) setError(dateProblem(v)); }} error={error()} autofocus />
      <button type="submit" class="btn btn--small btn--primary">Save</button>
      <button type="button" class="btn btn--small" onClick={() => props.onCancel()}>Cancel</button>
    </form>
  );
}
