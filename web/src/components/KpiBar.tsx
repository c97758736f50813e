// The plan's key figures in one strip: cost, km, hours, vehicles used, on-time
// share and unassigned orders; late stops and unassigned orders stand out.
import type { JSX } from 'solid-js';
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { computeKpis } from '../plan/kpis';
import { formatCount, formatHm } from './ui/format';
import { Stat } from './ui/Stat';

/** KPI strip (labelled "Plan summary") for a scenario's solution. */
export function KpiBar(props: { scenario: Scenario; solution: Solution }): JSX.Element {
  const kpis = () => computeKpis(props.scenario, props.solution);
  const onTime = () => {
    const share = kpis().onTimeShare;
    return share === null ? '—' : `${Math.floor(share * 1000) / 10} %`;
  };
  return (
    <dl class="stats stats--kpi" aria-label="Plan summary">
      <Stat label="Cost" value={formatCount(kpis().cost)} />
      <Stat label="Km" value={(kpis().distanceM / 1000).toFixed(1)} />
      <Stat label="Hours" value={formatHm(kpis().durationS)} />
      <Stat label="Vehicles" value={`${kpis().vehiclesUsed} / ${kpis().fleetSize}`} />
      <Stat label="On time" value={onTime()} tone={kpis().lateStops > 0 ? 'warning' : undefined} />
      <Stat label="Unassigned" value={String(kpis().unassigned)} tone={kpis().unassigned > 0 ? 'warning' : undefined} />
    </dl>
  );
}
