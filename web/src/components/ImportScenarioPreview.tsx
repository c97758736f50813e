// A scenario file waiting to be opened: what is in it, and the button that
// adds it to the scenario list and opens it (the open scenario stays saved).
import { For, Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import type { DocumentSummary } from '../store/import-types';
import { Banner } from './ui/Banner';
import { formatDate, plural } from './ui/format';

/** Summary of an imported scenario file with Open and Back. */
export function ImportScenarioPreview(props: { document: DocumentSummary }): JSX.Element {
  const { importer: [state, actions] } = useApp();
  return (
    <>
      <p class="summary-line">
        Scenario <strong>{props.document.name || 'Untitled scenario'}</strong> for {formatDate(props.document.date)}:{' '}
        {plural(props.document.orders, 'order')}, {plural(props.document.vehicles, 'vehicle')}, {plural(props.document.depots, 'depot')},{' '}
        {props.document.hasPlan ? 'with a plan' : 'no plan yet'}.
      </p>
      <Show when={props.document.warnings.length > 0}>
        <Banner tone="warning" title="Opened with warnings"><ul><For each={props.document.warnings}>{(w) => <li>{w}</li>}</For></ul></Banner>
      </Show>
      <Show when={state.error}>{(message) => <Banner tone="error" title="The scenario could not be opened"><span>{message()}</span></Banner>}</Show>
      <p class="muted">It opens as a new scenario; the one open now stays in your scenario list.</p>
      <div class="dialog__footer">
        <button type="button" class="btn" onClick={() => actions.back()}>Back</button>
        <span class="spacer" />
        <button type="button" class="btn btn--primary" disabled={state.busy} onClick={() => void actions.commit()}>Open scenario</button>
      </div>
    </>
  );
}
