// The header's "Scenarios" button: opens the scenario list (new, branch,
// rename, delete, open, compare) and shows the Undo toast after a delete.
import { createSignal, Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import { CompareDialog } from './CompareDialog';
import { ScenarioList } from './ScenarioList';
import { Dialog } from './ui/Dialog';

/** Scenarios button, its dialog, the compare dialog and the undo toast. */
export function ScenarioSwitcher(): JSX.Element {
  const { scenarios: [state, actions], scenario: [open] } = useApp();
  const [listOpen, setListOpen] = createSignal(false);
  const [comparing, setComparing] = createSignal(false);
  const show = () => {
    setListOpen(true);
    void actions.refresh();
  };
  return (
    <>
      <button type="button" class="btn" disabled={!open.scenario} onClick={show}>Scenarios</button>
      <Dialog title="Scenarios" open={listOpen()} onClose={() => setListOpen(false)} class="dialog--medium">
        <ScenarioList onOpened={() => setListOpen(false)} onCompare={() => { setListOpen(false); setComparing(true); }} />
      </Dialog>
      <CompareDialog open={comparing()} onClose={() => setComparing(false)} />
      {/* Inside the open dialog the list shows its own Undo: the page behind a modal is inert. */}
      <Show when={!listOpen() && state.deleted}>
        {(deleted) => (
          <div class="toast" role="status">
            <span>Deleted “{deleted().scenario.name || 'Untitled scenario'}”.</span>
            <button type="button" class="btn btn--small" onClick={() => void actions.undoRemove()}>Undo</button>
            <button type="button" class="btn btn--small" aria-label="Dismiss" onClick={() => actions.dismissUndo()}>✕</button>
          </div>
        )}
      </Show>
    </>
  );
}
