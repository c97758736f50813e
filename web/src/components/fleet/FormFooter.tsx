// The footer of the vehicle and order forms: issues that have no input of
// their own, the "Not saved" alert after a refused Save, Cancel and Save.
import { Show, type JSX } from 'solid-js';
import type { FieldIssue } from '../../domain/validate-entity';
import { IssueList } from './EditorField';

/** Props of the footer; `issues` are all the draft's issues, `unshown` those without an input. */
export interface FormFooterProps {
  issues: readonly FieldIssue[];
  unshown: readonly FieldIssue[];
  revealed: boolean;
  refused: boolean;
  onCancel: () => void;
}

/** Footer with the refusal message and the buttons. */
export function FormFooter(props: FormFooterProps): JSX.Element {
  const count = () => props.issues.length;
  return (
    <footer class="dialog__footer">
      <Show when={props.revealed}><IssueList issues={props.unshown} /></Show>
      <Show when={props.refused && count()}>
        <p class="issue" role="alert">Not saved: fix the {count() === 1 ? 'problem' : `${count()} problems`} marked above first.</p>
      </Show>
      <span class="spacer" />
      <button type="button" class="btn" onClick={() => props.onCancel()}>Cancel</button>
      <button type="submit" class="btn btn--primary">Save</button>
    </footer>
  );
}
