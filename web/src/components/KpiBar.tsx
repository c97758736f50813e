// The plan's key figures in one strip: cost, km, hours, vehicles used, on-time
// share and unassigned orders; late stops and unassigned orders stand out.
import { type JSX } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { computeKpis } from '../plan/kpis';
import { rawOf } from '../store/raw';
import { createStaged } from '../store/staged';
import { formatCost, formatCount, formatHm, formatKmValue, formatShare } from './ui/format';
import { Stat } from './ui/Stat';

/** KPI strip (labelled "Plan summary") for a scenario's solution; in Day mode with "N at risk". */
export function KpiBar(props: { scenario: Scenario; solution: Solution; atRisk?: number }): JSX.Element {
  // Once per plan or scenario revision, not once per figure, over the raw scenario: through the store's
  // proxies the pass over 10,000 orders was a long task (issue #15). Edits that change the figures bump
  // the revision (or replace the plan); reading it is what re-runs it, in a task of its own (staged.ts).
  const kpis = createStaged(() => {
    void props.scenario.revision;
    return props.solution;
  }, (solution) => computeKpis(rawOf(props.scenario), solution));
  const onTime = () => {
    const share = kpis().onTimeShare;
    return share === null ? '—' : formatShare(share);
  };
  return (
    <dl class="stats stats--kpi" aria-label="Plan summary" aria-busy={kpis.pending()}>
      <Stat label="Cost" value={formatCost(kpis().cost)} />
      <Stat label="Km" value={formatKmValue(kpis().distanceM)} />
      <Stat label="Hours" value={formatHm(kpis().durationS)} />
      <Stat label="Vehicles" value={`${formatCount(kpis().vehiclesUsed)} / ${formatCount(kpis().fleetSize)}`} />
      <Stat label="On time" value={onTime()} tone={kpis().lateStops > 0 ? 'warning' : undefined} />
      <Stat label="Unassigned" value={formatCount(kpis().unassigned)} tone={kpis().unassigned > 0 ? 'warning' : undefined} />
      {props.atRisk !== undefined && <Stat label="Promises" value={`${formatCount(props.atRisk)} at risk`} tone={props.atRisk > 0 ? 'warning' : undefined} />}
    </dl>
  );
}
