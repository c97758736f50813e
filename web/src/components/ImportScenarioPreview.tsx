// A scenario file waiting to be opened: what is in it, and the button that
// adds it to the scenario list and opens it (the open scenario stays saved).
import { For, Show, type JSX } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import { useApp } from '../store/context';
import { Banner } from './ui/Banner';
import { formatDate, plural } from './ui/format';

/** Summary of an imported scenario file with Open and Back. */
export function ImportScenarioPreview(props: { scenario: Scenario; warnings: string[] }): JSX.Element {
  const { importer: [state, actions] } = useApp();
  return (
    <>
      <p class="summary-line">
        Scenario <strong>{props.scenario.name || 'Untitled scenario'}</strong> for {formatDate(props.scenario.settings.date)}:{' '}
        {plural(props.scenario.orders.length, 'order')}, {plural(props.scenario.vehicles.length, 'vehicle')}, {plural(props.scenario.depots.length, 'depot')},{' '}
        {props.scenario.plan ? 'with a plan' : 'no plan yet'}.
      </p>
      <Show when={props.warnings.length > 0}>
        <Banner tone="warning" title="Opened with warnings"><ul><For each={props.warnings}>{(w) => <li>{w}</li>}</For></ul></Banner>
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
