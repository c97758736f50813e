// Feedback on hand edits: while dragging, a badge at the pointer says whether
// the drop would be feasible and what it costs; an edit that breaks rules opens
// a confirmation listing what it breaks, and is applied only on an explicit yes.
import { For, Show, type JSX } from 'solid-js';
import type { MovePreview } from '../store/edit';
import { useApp } from '../store/context';
import { ConfirmDialog } from './ui/ConfirmDialog';
import { DragBadge } from './ui/DragBadge';
import { formatCostDelta, plural } from './ui/format';

/** One line: feasibility and cost change of an evaluated edit. */
export function previewSummary(preview: MovePreview): string {
  const verdict = preview.problems.length === 0 ? (preview.feasible ? 'Feasible' : 'No new problems') : `Not feasible — breaks ${plural(preview.problems.length, 'rule')}`;
  return `${verdict} · cost ${formatCostDelta(preview.costDelta)}`;
}

/** The badge shown during a drag, and the confirmation of infeasible edits. */
export function MoveFeedback(): JSX.Element {
  const { edit: [state, actions] } = useApp();
  const tone = () => (!state.preview ? 'idle' : state.preview.problems.length === 0 ? 'ok' : 'bad');
  return (
    <>
      <Show when={state.dragging}>
        <DragBadge label="Move preview" tone={tone()}>
          <Show when={state.preview} fallback={<span>Drop on a route, a stop, the timeline or the unassigned list</span>}>
            {(preview) => (
              <>
                <strong>{previewSummary(preview())}</strong>
                <Show when={preview().problems[0]}>{(first) => <span class="drag-badge__problem">{first()}</span>}</Show>
              </>
            )}
          </Show>
        </DragBadge>
      </Show>
      <ConfirmDialog
        open={!!state.pending}
        title="This change breaks the plan's rules"
        confirmLabel="Apply anyway"
        danger
        onConfirm={actions.confirmPending}
        onCancel={actions.cancelPending}
      >
        <p>{state.pending ? previewSummary(state.pending) : ''}. The plan will be marked as failing the check until it is fixed.</p>
        <ul class="violations">
          <For each={state.pending?.problems.slice(0, 6) ?? []}>{(problem) => <li>{problem}</li>}</For>
        </ul>
      </ConfirmDialog>
    </>
  );
}
