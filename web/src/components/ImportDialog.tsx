// The import dialog: one step at a time (file → columns → rows → done), with
// the step list on top so the dispatcher always knows where they are.
import { createEffect, For, Match, on, Switch, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import type { ImportStep } from '../store/import-types';
import { ImportChoose } from './ImportChoose';
import { ImportMapping } from './ImportMapping';
import { ImportReview } from './ImportReview';
import { ImportScenarioPreview } from './ImportScenarioPreview';
import { Dialog } from './ui/Dialog';

const STEPS: { step: ImportStep; label: string }[] = [
  { step: 'choose', label: '1 File' },
  { step: 'map', label: '2 Columns' },
  { step: 'review', label: '3 Check rows' },
  { step: 'done', label: '4 Done' },
];

/** The import wizard; open while the import session is not `closed`. */
export function ImportDialog(): JSX.Element {
  const { importer: [state, actions], ui: [uiState] } = useApp();
  // A map pick that ends without a click (Escape) brings the dialog back.
  createEffect(on(() => uiState.pick, (pick) => { if (!pick && state.placingRow !== null) actions.setPlacingRow(null); }, { defer: true }));
  return (
    <Dialog title={state.fileName ? `Import ${state.fileName}` : 'Import orders, vehicles or a scenario'} open={state.step !== 'closed' && state.placingRow === null} onClose={actions.close} class="dialog--wide">
      <ol class="steps" aria-label="Import steps">
        <For each={STEPS}>{(s) => <li aria-current={state.step === s.step ? 'step' : undefined}>{s.label}</li>}</For>
      </ol>
      <Switch>
        <Match when={state.step === 'choose'}><ImportChoose /></Match>
        <Match when={state.step === 'map'}><ImportMapping /></Match>
        <Match when={state.document}>{(doc) => <ImportScenarioPreview document={doc()} />}</Match>
        <Match when={state.step === 'review' || state.step === 'done'}><ImportReview /></Match>
      </Switch>
    </Dialog>
  );
}
