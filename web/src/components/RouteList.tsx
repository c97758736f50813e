// The plan panel's body: key figures, the route table and the unassigned
// orders, or a short prompt to optimize when there is no plan yet.
import { Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import { PlanSummary } from './PlanSummary';
import { jobCount, RouteTable } from './RouteTable';
import { UnassignedList } from './UnassignedList';

/** The routes section of the panel (labelled "Routes"). */
export function RouteList(): JSX.Element {
  const { scenario: [state] } = useApp();
  return (
    <section class="panel-section route-list" aria-labelledby="routes-heading">
      <h2 id="routes-heading" class="section-title">Routes</h2>
      <Show when={state.scenario?.plan ? state.scenario : null} fallback={<EmptyPlan />}>
        {(scenario) => (
          <>
            <PlanSummary solution={scenario().plan!.solution} vehicleCount={scenario().vehicles.length} />
            <RouteTable
              routes={scenario().plan!.solution.routes.filter((r) => jobCount(r) > 0)}
              scenario={scenario()}
              trusted={state.planStatus === 'valid'}
            />
            <UnassignedList unassigned={scenario().plan!.solution.unassigned} orders={scenario().orders} />
          </>
        )}
      </Show>
    </section>
  );
}

function EmptyPlan(): JSX.Element {
  const { scenario: [state], persist } = useApp();
  return (
    <Show when={state.scenario} fallback={<p class="muted">{persist.loadStatus() === 'failed' ? 'No scenario is open.' : 'Opening your scenario…'}</p>}>
      {(s) => (
        <p class="empty">
          No plan yet for <strong>{s().orders.length} orders</strong> and {s().vehicles.length} vehicles. Press <strong>Optimize</strong> to plan the routes.
        </p>
      )}
    </Show>
  );
}
