// Which issues a form shows: those of fields the user has typed in, and all of
// them once Save was pressed, so a new form does not open covered in errors.
import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
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
