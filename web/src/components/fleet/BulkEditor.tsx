// Bulk edit of one column over the selected rows (vehicles or orders): pick the
// column, type its value(s), apply to all in one undoable step. A value one row
// cannot take is refused for all, with the reason next to the input.
import { createEffect, createSignal, createUniqueId, For, on, Show, type JSX } from 'solid-js';
import type { FieldIssue } from '../../domain/validate-entity';
import type { BulkColumn, BulkField, BulkIssue } from './bulk-edit';
import { EditorField, EditorSelect, IssueList } from './EditorField';

/** Props of the bulk editor; `noun` is plural ("vehicles"). */
export interface BulkEditorProps<D> {
  columns: BulkColumn<D>[];
  count: number;
  noun: string;
  /** The current values of a column, to start from (the first selected row's). */
  prefill(column: BulkColumn<D>): string[];
  /** Applies; returns the issues that refused it (empty = applied). */
  apply(column: BulkColumn<D>, values: string[]): BulkIssue[];
}

/** The "Set a column" bar shown while rows are selected. */
export function BulkEditor<D>(props: BulkEditorProps<D>): JSX.Element {
  const [index, setIndex] = createSignal(0);
  const selectId = createUniqueId();
  const column = () => props.columns[index()] ?? props.columns[0];
  const [values, setValues] = createSignal<string[]>([]);
  const [issues, setIssues] = createSignal<BulkIssue[]>([]);
  const [done, setDone] = createSignal('');
  createEffect(on(index, () => {
    setValues(props.prefill(column()));
    setIssues([]);
  }));
  const apply = (event: Event) => {
    event.preventDefault();
    const count = props.count;
    const found = props.apply(column(), values());
    setIssues(found);
    setDone(found.length ? '' : `${column().name} set on ${count} ${props.noun}. Undo (Ctrl+Z, or Undo under Routes) reverts it.`);
  };
  const own = (label: string): FieldIssue[] => issues().filter((i) => i.label === label && !i.item);
  const others = () => issues().filter((i) => i.item || !column().fields.some((f) => f.label === i.label));
  return (
    <form class="bulk-editor" onSubmit={apply} aria-label={`Bulk edit selected ${props.noun}`} novalidate>
      {/* A label beside the select, not around it: its options are not part of the name. */}
      <div class="field">
        <label class="field__label" for={selectId}>Column to set</label>
        <select id={selectId} value={String(index())} onChange={(e) => setIndex(Number(e.currentTarget.value))}>
          <For each={props.columns}>{(c, i) => <option value={String(i())}>{c.name}</option>}</For>
        </select>
      </div>
      <For each={column().fields}>
        {(field, i) => <BulkInput field={field} value={values()[i()] ?? ''} issues={own(field.label)} onInput={(t) => setValues((v) => v.map((x, j) => (j === i() ? t : x)))} />}
      </For>
      <button type="submit" class="btn btn--primary" disabled={props.count === 0}>Apply to {props.count} {props.noun}</button>
      <Show when={column().hint}><span class="editor-hint">{column().hint}</span></Show>
      <IssueList issues={others()} />
      <Show when={done()}><p class="ok-text" role="status">{done()}</p></Show>
    </form>
  );
}

/** One input of the column: a select when the field has choices, else a text input. */
function BulkInput<D>(props: { field: BulkField<D>; value: string; issues: FieldIssue[]; onInput: (text: string) => void }): JSX.Element {
  return (
    <Show when={props.field.choices} fallback={<EditorField label={props.field.label} size="short" value={props.value} issues={props.issues} onInput={props.onInput} />}>
      {(choices) => <EditorSelect label={props.field.label} value={props.value} options={choices()} issues={props.issues} onChange={props.onInput} />}
    </Show>
  );
}
