// The scenario list: every saved scenario with its size and plan figures, and
// the verbs a dispatcher needs to try something: new, branch, rename, delete, compare.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { UNPRICED_HINT } from '../domain/pricing';
import { useApp } from '../store/context';
import type { ScenarioEntry } from '../store/scenarios-list';
import { NewScenarioDialog } from './setup/NewScenarioDialog';
import { BackupControls } from './BackupControls';
import { Banner } from './ui/Banner';
import { formatCost, formatCount } from './ui/format';

/** List body of the Scenarios dialog. */
export function ScenarioList(props: { onOpened: () => void; onCompare: () => void }): JSX.Element {
  const { scenarios: [state, actions], importer: [, importer] } = useApp();
  const [creating, setCreating] = createSignal(false);
  const run = async (work: Promise<void>) => {
    await work;
    if (!state.error) props.onOpened();
  };
  return (
    <>
      <div class="row-line">
        <button type="button" class="btn btn--primary" disabled={state.busy} onClick={() => void run(actions.duplicate())}>Duplicate (branch)</button>
        <button type="button" class="btn" disabled={state.busy} onClick={() => setCreating(true)}>New scenario</button>
        <span class="spacer" />
        <button type="button" class="btn" disabled={state.entries.length < 2} onClick={() => props.onCompare()}>Compare…</button>
      </div>
      <BackupControls />
      <Show when={state.error}>
        {(message) => <Banner tone="error" title="Scenario action failed" onDismiss={actions.dismissError}><span>{message()}</span></Banner>}
      </Show>
      <Show when={state.deleted}>
        {(deleted) => (
          <div class="banner banner--info" role="status">
            <div class="banner__body">Deleted “{deleted().scenario.name || 'Untitled scenario'}”.</div>
            <button type="button" class="btn btn--small" onClick={() => void actions.undoRemove()}>Undo delete</button>
          </div>
        )}
      </Show>
      <Show when={state.unreadable.length > 0}>
        <Banner tone="warning" title="Some stored scenarios cannot be opened"><span>{state.unreadable.join('\n')}</span></Banner>
      </Show>
      <table class="data-table" aria-label="Saved scenarios">
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Day</th><th scope="col" class="num">Orders</th><th scope="col" class="num">Vehicles</th><th scope="col" class="num">Plan cost</th><th scope="col" /></tr>
        </thead>
        <tbody>
          <For each={state.entries}>{(entry) => <ScenarioRow entry={entry} onOpened={props.onOpened} />}</For>
        </tbody>
      </table>
      <NewScenarioDialog
        open={creating()}
        onClose={() => setCreating(false)}
        onCreated={() => { setCreating(false); props.onOpened(); }}
        onFromFile={() => { setCreating(false); props.onOpened(); importer.start(); }}
      />
    </>
  );
}

function ScenarioRow(props: { entry: ScenarioEntry; onOpened: () => void }): JSX.Element {
  const { scenarios: [state, actions], scenario: [open] } = useApp();
  const [renaming, setRenaming] = createSignal(false);
  const isOpen = () => open.scenario?.id === props.entry.id;
  const name = () => (isOpen() ? open.scenario!.name : props.entry.name) || 'Untitled scenario';
  const save = (event: SubmitEvent & { currentTarget: HTMLFormElement }) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('name');
    setRenaming(false);
    void actions.rename(props.entry.id, String(value ?? ''));
  };
  return (
    <tr class={isOpen() ? 'is-current' : undefined} data-scenario-id={props.entry.id}>
      <th scope="row">
        <Show when={renaming()} fallback={<>{name()}<Show when={isOpen()}> <span class="tag">open</span></Show></>}>
          <form onSubmit={save} class="row-line">
            <input name="name" aria-label="New name" value={name()} ref={(el) => queueMicrotask(() => el.select())} />
            <button type="submit" class="btn btn--small">Save</button>
          </form>
        </Show>
      </th>
      <td class="nowrap">{props.entry.date}</td>
      <td class="num">{formatCount(props.entry.orders)}</td>
      <td class="num">{formatCount(props.entry.vehicles)}</td>
      <td class="num">
        <Show when={props.entry.kpis} fallback={<span class="muted">no plan</span>}>
          {(kpis) => (kpis().unpriced ? <span title={UNPRICED_HINT}>—</span> : formatCost(kpis().cost))}
        </Show>
      </td>
      <td class="nowrap">
        <div class="row-actions">
        <Show when={!isOpen()}>
          <button type="button" class="btn btn--small" disabled={state.busy} onClick={() => void actions.open(props.entry.id).then(() => !state.error && props.onOpened())}>Open</button>
        </Show>
        <button type="button" class="btn btn--small" aria-label={`Rename ${name()}`} onClick={() => setRenaming(true)}>Rename</button>
        <button type="button" class="btn btn--small" aria-label={`Delete ${name()}`} disabled={state.busy} onClick={() => void actions.remove(props.entry.id)}>Delete</button>
        </div>
      </td>
    </tr>
  );
}
