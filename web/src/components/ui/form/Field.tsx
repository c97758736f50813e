// A form field: its label, one control and the problems found in it, named by
// the label ("Location: latitude 95 is outside -90…90") and linked to the control
// by aria-describedby, so a screen reader reads the reason with the input.
import { createUniqueId, Show, untrack, type JSX } from 'solid-js';

/** What the control inside a Field must carry to be labelled and described. */
export interface FieldControl {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/** Props of a Field; `children` renders the control with the given attributes. */
export interface FieldProps {
  label: string;
  /** The problem with what was typed, or null/undefined when there is none. */
  error?: string | null;
  /** A short help text under the control. */
  hint?: string;
  class?: string;
  children: (control: FieldControl) => JSX.Element;
}

/** A labelled control with its hint and inline error. */
export function Field(props: FieldProps): JSX.Element {
  const id = createUniqueId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = () => [props.error ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  const control: FieldControl = { id, get 'aria-invalid'() { return !!props.error; }, get 'aria-describedby'() { return describedBy(); } };
  // Rendered once: the control's attributes follow the error on their own, re-rendering would lose the focus.
  const rendered = untrack(() => props.children(control));
  return (
    <div class={`form-field${props.error ? ' form-field--invalid' : ''} ${props.class ?? ''}`}>
      <label class="form-field__label" for={id}>{props.label}</label>
      {rendered}
      <Show when={props.hint}><span id={hintId} class="form-field__hint">{props.hint}</span></Show>
      <Show when={props.error}>{(error) => <span id={errorId} class="form-field__error">{props.label}: {error()}</span>}</Show>
    </div>
  );
}
