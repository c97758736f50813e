// The "Depots" section of the side panel: every depot with its place and
// opening hours, Edit and Delete per row, and "Add depot". Every change is an
// edit of the scenario: undoable (Undo in Routes), autosaved, and it marks the plan out of date.
import { createEffect, createMemo, createSignal, For, on, Show, type JSX } from 'solid-js';
import type { Depot } from '../../domain/scenario';
import { useApp } from '../../store/context';
import { rawOf } from '../../store/raw';
import { Banner } from '../ui/Banner';
import { formatDayMinutes } from '../ui/format';
import { DepotForm } from './DepotForm';

/** The depots region with its list and form. */
export function DepotsPanel(): JSX.Element {
  const { scenario: [state], run: [run] } = useApp();
  /** 'new', the id of the depot being edited, or null (the list). */
  const [editing, setEditing] = createSignal<string | null>(null);
  const [refusal, setRefusal] = createSignal<string | null>(null);
  const depots = () => state.scenario?.depots ?? [];
  const locked = () => !state.scenario || run.status === 'running';
  // Another scenario opened, or the depot being edited is gone (Undo): the form no longer applies.
  createEffect(on(() => state.scenario?.id, () => {
    setEditing(null);
    setRefusal(null);
  }, { defer: true }));
  createEffect(() => {
    const which = editing();
    if (which && which !== 'new' && !depots().some((d) => d.id === which)) setEditing(null);
  });
  const startEdit = (which: string) => {
    setRefusal(null);
    setEditing(which);
  };
  return (
    <section class="panel-section depots-panel" aria-labelledby="depots-heading">
      <div class="section-head">
        <h2 id="depots-heading" class="section-title">Depots</h2>
        <Show when={editing() === null}>
          <button type="button" class="btn btn--small" disabled={locked()} onClick={() => startEdit('new')}>Add depot</button>
        </Show>
      </div>
      <Show when={refusal()}>
        {(message) => <Banner tone="error" title="Cannot delete the depot" onDismiss={() => setRefusal(null)}><span>{message()}</span></Banner>}
      </Show>
      <Show when={editing()} keyed fallback={<DepotTable depots={depots()} locked={locked()} onEdit={startEdit} onRefused={setRefusal} />}>
        {(which) => <DepotForm depot={which === 'new' ? undefined : depots().find((d) => d.id === which)} onDone={() => setEditing(null)} />}
      </Show>
    </section>
  );
}

function DepotTable(props: { depots: readonly Depot[]; locked: boolean; onEdit: (id: string) => void; onRefused: (message: string | null) => void }): JSX.Element {
  const { scenario: [state, actions] } = useApp();
  // Vehicles per depot, counted once per edit over the raw fleet: a pass through the store's proxies per depot
  // was part of the task that opened a 300-vehicle scenario (issue #15).
  const userCounts = createMemo(() => {
    const counts = new Map<string, number>();
    const scenario = state.scenario;
    void state.dataChanges;
    for (const v of scenario ? rawOf(scenario).vehicles : []) {
      counts.set(v.startDepotId, (counts.get(v.startDepotId) ?? 0) + 1);
      if (v.endDepotId !== v.startDepotId) counts.set(v.endDepotId, (counts.get(v.endDepotId) ?? 0) + 1);
    }
    return counts;
  });
  const users = (id: string) => userCounts().get(id) ?? 0;
  const remove = (depot: Depot) => props.onRefused(actions.removeDepot(depot.id));
  return (
    <Show when={props.depots.length > 0} fallback={<p class="empty">No depots yet. Add one: every vehicle starts and ends its day at a depot.</p>}>
      <table class="data-table depot-table" aria-label="Depots">
        <thead>
          <tr><th scope="col">Name and location</th><th scope="col">Open</th><th scope="col" class="num">Vehicles</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
        </thead>
        <tbody>
          <For each={props.depots}>
            {(depot) => (
              <tr data-depot-id={depot.id}>
                <th scope="row">
                  <span class="depot-table__name">{depot.name || depot.id}</span>
                  <span class="depot-table__place">{depot.lat.toFixed(5)}, {depot.lng.toFixed(5)}</span>
                </th>
                <td class="nowrap">{formatDayMinutes(depot.open)}–{formatDayMinutes(depot.close)}</td>
                <td class="num">{users(depot.id)}</td>
                <td class="nowrap">
                  <div class="row-actions">
                    <button type="button" class="btn btn--small" disabled={props.locked} aria-label={`Edit depot ${depot.name || depot.id}`} onClick={() => props.onEdit(depot.id)}>Edit</button>
                    <button type="button" class="btn btn--small" disabled={props.locked} aria-label={`Delete depot ${depot.name || depot.id}`} onClick={() => remove(depot)}>Delete</button>
                  </div>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Show>
  );
}
