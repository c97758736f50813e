// One labelled input (or select) of the vehicle and order forms, with the
// problems found in it shown right below as "Label: reason". The input keeps
// exactly what was typed, even while it is not a valid value yet.
import { createUniqueId, For, Show, type JSX } from 'solid-js';
import type { FieldIssue } from '../../domain/validate-entity';

/** Props shared by text inputs and selects. */
interface FieldBase {
  /** The accessible name, exactly the form's label ("Shift start"). */
  label: string;
  value: string;
  issues: readonly FieldIssue[];
  hint?: string;
  /** `wide`, `short`… (editor-field--wide). */
  size?: 'wide' | 'short' | 'medium';
}

/** A text input. */
export interface EditorFieldProps extends FieldBase {
  onInput: (value: string) => void;
  placeholder?: string;
  /** Id of a <datalist> of suggestions. */
  list?: string;
  numeric?: boolean;
  type?: 'text' | 'email' | 'tel';
}

function describedBy(issueId: string, hintId: string, props: FieldBase): string | undefined {
  return [props.issues.length ? issueId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
}

/** A labelled text input with its inline issues, linked by aria-describedby. */
export function EditorField(props: EditorFieldProps): JSX.Element {
  const issueId = createUniqueId();
  const hintId = createUniqueId();
  return (
    <div class={`editor-field editor-field--${props.size ?? 'medium'}`}>
      <label class="field">
        <span class="field__label">{props.label}</span>
        <input
          type={props.type ?? 'text'}
          inputmode={props.numeric ? 'decimal' : undefined}
          value={props.value}
          list={props.list}
          placeholder={props.placeholder}
          aria-invalid={props.issues.length > 0}
          aria-describedby={describedBy(issueId, hintId, props)}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      </label>
      <Show when={props.hint}><span id={hintId} class="editor-hint">{props.hint}</span></Show>
      <IssueList id={issueId} issues={props.issues} />
    </div>
  );
}

/** A labelled select. */
export function EditorSelect(props: FieldBase & { options: readonly (readonly [string, string])[]; onChange: (value: string) => void }): JSX.Element {
  const issueId = createUniqueId();
  const hintId = createUniqueId();
  const selectId = createUniqueId();
  return (
    <div class={`editor-field editor-field--${props.size ?? 'medium'}`}>
      <div class="field">
        <label class="field__label" for={selectId}>{props.label}</label>
        <select id={selectId} value={props.value} aria-invalid={props.issues.length > 0} aria-describedby={describedBy(issueId, hintId, props)} onChange={(e) => props.onChange(e.currentTarget.value)}>
          <Show when={!props.options.some(([value]) => value === props.value)}><option value={props.value}>{props.value || '—'}</option></Show>
          <For each={props.options}>{([value, text]) => <option value={value}>{text}</option>}</For>
        </select>
      </div>
      <Show when={props.hint}><span id={hintId} class="editor-hint">{props.hint}</span></Show>
      <IssueList id={issueId} issues={props.issues} />
    </div>
  );
}

/** Issues as "Label: reason" lines. */
export function IssueList(props: { id?: string; issues: readonly FieldIssue[] }): JSX.Element {
  return (
    <Show when={props.issues.length}>
      <div id={props.id} class="editor-issues">
        <For each={props.issues}>{(issue) => <p class="issue"><strong>{issue.label}:</strong> {issue.message}</p>}</For>
      </div>
    </Show>
  );
}
