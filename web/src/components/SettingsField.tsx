// One text input of the Settings dialog with its label and the problems found
// in it, named by field ("Circuity factor: must be ≥ 1"). Text inputs keep
// exactly what was typed, even when it is not a number yet.
import { createUniqueId, For, Show, type JSX } from 'solid-js';
import type { FieldIssue } from './settings-draft';

/** Props of a draft input; `hideLabel` keeps the name for screen readers only (table cells). */
export interface SettingsFieldProps {
  path: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  issues: FieldIssue[];
  hideLabel?: boolean;
  numeric?: boolean;
  hint?: string;
  class?: string;
}

/** A labelled text input with its inline issues, linked by aria-describedby. */
export function SettingsField(props: SettingsFieldProps): JSX.Element {
  const issueId = createUniqueId();
  const hintId = createUniqueId();
  const describedBy = () => [props.issues.length ? issueId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`settings-field ${props.class ?? ''}`}>
      <label class="field">
        <span class={props.hideLabel ? 'visually-hidden' : 'field__label'}>{props.label}</span>
        <input
          type="text"
          inputmode={props.numeric ? 'decimal' : undefined}
          value={props.value}
          data-path={props.path}
          aria-invalid={props.issues.length > 0}
          aria-describedby={describedBy()}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      </label>
      <Show when={props.hint}><span id={hintId} class="settings-hint">{props.hint}</span></Show>
      <FieldIssues id={issueId} issues={props.issues} />
    </div>
  );
}

/** The problems of one field or section, each as "Label: reason". */
export function FieldIssues(props: { id?: string; issues: FieldIssue[] }): JSX.Element {
  return (
    <Show when={props.issues.length}>
      <div id={props.id} class="settings-issues">
        <For each={props.issues}>{(issue) => <p class="issue"><strong>{issue.label}:</strong> {issue.message}</p>}</For>
      </div>
    </Show>
  );
}
