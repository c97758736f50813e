// The plan panel's body: Undo/Redo, key figures, the route table and the
// unassigned orders, or a short prompt to optimize when there is no plan yet.
import { onCleanup, Show, type JSX } from 'solid-js';
import { solveBlocker } from '../domain/validate-entity';
import { useApp } from '../store/context';
import { createRouteView } from '../store/route-view';
import { createStaged, viewQueue } from '../store/staged';
import { KpiBar } from './KpiBar';
import { RouteFilter } from './RouteFilter';
import { RouteTable, stopCount } from './RouteTable';
import { UnassignedPanel } from './UnassignedPanel';
import { plural } from './ui/format';

/** The routes section of the panel (labelled "Routes"). */
export function RouteList(): JSX.Element {
  const { scenario: [state], run: [run] } = useApp();
  const view = createRouteView(() => state.scenario);
  // One pass over the plan's steps per change, shared by the filter count and the table (issue #15); a new
  // plan's rows are made in a task of their own, after the one that stored it (staged.ts), unless it holds the
  // routes already shown (a solve's result that is its best so far: plan-view-key.ts).
  const used = createStaged(() => state.scenario?.plan?.solution.routes, (routes) => routes?.filter((r) => stopCount(r) > 0) ?? [], viewQueue, undefined, Object.is);
  return (
    <section class="panel-section route-list" aria-labelledby="routes-heading" aria-busy={used.pending()}>
      <div class="section-head">
        <h2 id="routes-heading" class="section-title">Routes</h2>
        <UndoRedo />
      </div>
      <Show when={state.scenario?.plan ? state.scenario : null} fallback={<EmptyPlan />}>
        {(scenario) => (
          <>
            <KpiBar scenario={scenario()} solution={scenario().plan!.solution} />
            <RouteFilter shown={used().filter((r) => view.isVisible(r.vehicleId)).length} total={used().length} />
            <RouteTable
              routes={used()}
              isVisible={view.isVisible}
              scenario={scenario()}
              trusted={state.planStatus === 'valid'}
              activeVehicleId={view.active()}
              editable={run.status !== 'running'}
            />
            <UnassignedPanel scenario={scenario()} editable={run.status !== 'running'} />
          </>
        )}
      </Show>
    </section>
  );
}

/** Undo and Redo buttons, also on Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) outside text fields. */
function UndoRedo(): JSX.Element {
  const { edit: [editState, editActions], run: [run] } = useApp();
  const idle = () => run.status !== 'running';
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (!(event.ctrlKey || event.metaKey) || !idle() || target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) editActions.undo();
    else if ((key === 'z' && event.shiftKey) || key === 'y') editActions.redo();
    else return;
    event.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));
  return (
    <div class="undo-redo">
      <button type="button" class="btn btn--small" disabled={!idle() || editState.undoCount === 0} onClick={() => editActions.undo()} title="Undo the last change to the plan (Ctrl+Z)">
        Undo
      </button>
      <button type="button" class="btn btn--small" disabled={!idle() || editState.redoCount === 0} onClick={() => editActions.redo()} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
    </div>
  );
}

function EmptyPlan(): JSX.Element {
  const { scenario: [state], persist } = useApp();
  return (
    <Show when={state.scenario} fallback={<p class="muted">{persist.loadStatus() === 'failed' ? 'No scenario is open.' : 'Opening your scenario…'}</p>}>
      {(s) => (
        <Show when={solveBlocker(s())} fallback={
          <p class="empty">
            No plan yet for <strong>{plural(s().orders.length, 'order')}</strong> and {plural(s().vehicles.length, 'vehicle')}. Press <strong>Optimize</strong> to plan the routes.
          </p>
        }>
          {(blocker) => <p class="empty">To plan this day, {blocker()}.</p>}
        </Show>
      )}
    </Show>
  );
}
