// Which issues a form shows: those of fields the user has typed in, and all of
// them once Save was pressed, so a new form does not open covered in errors.
import { createSignal } from 'solid-js';
import { createStore, type SetStoreFunction } from 'solid-js/store';
import type { Scenario } from '../../domain/scenario';
import type { FieldIssue } from '../../domain/validate-entity';

/** The shown-issues state of one form session. */
export interface IssueGate {
  /** Marks a field (by label) as typed in. */
  touch(label: string): void;
  /** Save was pressed: every issue shows from now on. */
  reveal(): void;
  revealed(): boolean;
  /** The issues of `label` the form shows now. */
  at(issues: readonly FieldIssue[], label: string): FieldIssue[];
}

/** Creates the gate; needs a reactive owner only for its signals. */
export function createIssueGate(): IssueGate {
  const [revealed, setRevealed] = createSignal(false);
  const [touched, setTouched] = createStore<Record<string, boolean>>({});
  return {
    touch: (label) => setTouched(label, true),
    reveal: () => setRevealed(true),
    revealed,
    at: (issues, label) => (revealed() || touched[label] ? issues.filter((i) => i.label === label) : []),
  };
}

/**
 * The submit handler of a form: reads the draft as it is now; when it has
 * issues, reveals them all, flags the refusal and focuses the first bad input;
 * otherwise commits the value. The draft is never cleared.
 */
export function makeSubmit<T>(options: {
  form: () => HTMLFormElement | undefined;
  gate: IssueGate;
  setRefused: (refused: boolean) => void;
  read: () => { value: T | null; issues: readonly FieldIssue[] } | null;
  commit: (value: T) => void;
}): (event: Event) => void {
  return (event) => {
    event.preventDefault();
    const result = options.read();
    if (!result) return;
    if (result.value === null) {
      options.gate.reveal();
      options.setRefused(result.issues.length > 0);
      queueMicrotask(() => options.form()?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    options.commit(result.value);
  };
}

/** What every section of a form gets: the draft, its setters and the issues shown now. */
export interface FormSection<D, K extends keyof D> {
  scenario: Scenario;
  draft: D;
  setDraft: SetStoreFunction<D>;
  /** Sets a text field and marks it typed in (its issues show). */
  set(key: K, label: string, value: string): void;
  issuesAt(label: string): FieldIssue[];
  touch(label: string): void;
}

/** Builds the section props of a form over its draft store and gate. */
export function makeSection<D, K extends keyof D>(scenario: () => Scenario, draft: D, setDraft: SetStoreFunction<D>, gate: IssueGate, issues: () => readonly FieldIssue[]): FormSection<D, K> {
  return {
    get scenario() { return scenario(); },
    draft,
    setDraft,
    set: (key, label, value) => {
      (setDraft as unknown as (key: K, value: string) => void)(key, value);
      gate.touch(label);
    },
    issuesAt: (label) => gate.at(issues(), label),
    touch: gate.touch,
  };
}
