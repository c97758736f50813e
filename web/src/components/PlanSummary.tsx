// The plan's key figures in one strip: cost, distance, hours, vehicles used and
// unassigned orders (highlighted when any are left out).
import type { JSX } from 'solid-js';
import type { Solution } from '../domain/solution';
import { formatCount, formatHm } from './ui/format';
import { Stat } from './ui/Stat';

/** KPI strip for a solution; `vehicleCount` is the fleet size. */
export function PlanSummary(props: { solution: Solution; vehicleCount: number }): JSX.Element {
  const used = () => props.solution.routes.filter((r) => r.steps.some((s) => s.type === 'job')).length;
  const unassigned = () => props.solution.unassigned.length;
  return (
    <dl class="stats" aria-label="Plan summary">
      <Stat label="Cost" value={formatCount(props.solution.summary.cost)} />
      <Stat label="Km" value={(props.solution.summary.distanceM / 1000).toFixed(1)} />
      <Stat label="Hours" value={formatHm(props.solution.summary.durationS)} />
      <Stat label="Vehicles" value={`${used()} / ${props.vehicleCount}`} />
      <Stat label="Unassigned" value={String(unassigned())} tone={unassigned() > 0 ? 'warning' : undefined} />
    </dl>
  );
}
