// The plan's key figures in one strip: cost, km, hours, vehicles used, on-time
// share and unassigned orders; late stops and unassigned orders stand out.
import { type JSX } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { kpisInSlices, type PlanKpis } from '../plan/kpis';
import { rawOf } from '../store/raw';
import { createStagedSlices, viewQueue } from '../store/staged';
import { fleetDrivesFree, UNPRICED_HINT } from '../domain/pricing';
import { formatCost, formatCount, formatHm, formatKmValue, formatShare } from './ui/format';
import { Stat } from './ui/Stat';

/** The Cost tile of a plan that costs nothing because no vehicle's driving is priced. */

/** Above this many steps the first figures of a newly shown strip are computed in a task after the one that showed the plan. */
const FIGURES_AT_ONCE_UP_TO = 2000;

const stepCount = (solution: Solution) => solution.routes.reduce((n, r) => n + r.steps.length, 0);

/** KPI strip (labelled "Plan summary") for a scenario's solution; in Day mode with "N at risk". */
export function KpiBar(props: { scenario: Scenario; solution: Solution; atRisk?: number }): JSX.Element {
  // Once per plan or scenario revision, not once per figure, over the raw scenario: through the store's
  // proxies the pass over 10,000 orders was a long task (issue #15). Edits that change the figures bump
  // the revision (or replace the plan); reading it is what re-runs it, in a task of its own (staged.ts).
  // The strip appears with the first plan: for a large plan its first figures come a task later (the
  // values read "…", the strip is busy), since computing them in the task that showed the plan made it long.
  // A new plan value that holds the plan already counted (a solve's result that is its best so far: the same
  // routes, unassigned orders and summary, plan-view-key.ts) counts nothing again.
  // Counted a part per task (kpisInSlices): in one go, the figures of 10,000 stops were a ~30 ms task.
  const figures = createStagedSlices<{ solution: Solution; revision: number }, PlanKpis | null>(
    () => ({ solution: props.solution, revision: props.scenario.revision }),
    ({ solution }) => kpisInSlices(rawOf(props.scenario), solution),
    viewQueue,
    { initial: null, defer: ({ solution }) => stepCount(solution) > FIGURES_AT_ONCE_UP_TO },
    (last, next) => last.revision === next.revision && last.solution.routes === next.solution.routes
      && last.solution.unassigned === next.solution.unassigned && last.solution.summary === next.solution.summary,
  );
  /** A figure's text, or "…" until the first figures are in. */
  const text = (format: (kpis: PlanKpis) => string) => { const kpis = figures(); return kpis ? format(kpis) : '…'; };
  // A fleet that drives for free and a plan that costs nothing: "0" would read as free or not computed.
  const unpriced = () => fleetDrivesFree(props.scenario.vehicles) && figures()?.cost === 0;
  const warnIf = (count: (kpis: PlanKpis) => number) => { const kpis = figures(); return kpis && count(kpis) > 0 ? 'warning' : undefined; };
  return (
    <dl class="stats stats--kpi" aria-label="Plan summary" aria-busy={figures.pending()}>
      <Stat label="Cost" value={text((k) => (unpriced() ? '—' : formatCost(k.cost)))} hint={unpriced() ? UNPRICED_HINT : undefined} />
      <Stat label="Km" value={text((k) => formatKmValue(k.distanceM))} />
      <Stat label="Hours" value={text((k) => formatHm(k.durationS))} />
      <Stat label="Vehicles" value={text((k) => `${formatCount(k.vehiclesUsed)} / ${formatCount(k.fleetSize)}`)} />
      <Stat label="On time" value={text((k) => (k.onTimeShare === null ? '—' : formatShare(k.onTimeShare)))} tone={warnIf((k) => k.lateStops)} />
      <Stat label="Unassigned" value={text((k) => formatCount(k.unassigned))} tone={warnIf((k) => k.unassigned)} />
      {props.atRisk !== undefined && <Stat label="Promises" value={`${formatCount(props.atRisk)} at risk`} tone={props.atRisk > 0 ? 'warning' : undefined} />}
    </dl>
  );
}
