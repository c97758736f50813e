// The best plan's cost over time during a solve, as a small step chart in plain SVG.
// It plots the route cost, the KPI bar's Cost: penalties of unassigned orders would
// dwarf it and flatten the line, so they are written apart, and a tick marks each
// moment the number of unassigned orders changed (the cost may rise as orders get in).
// For a fleet that drives for free (domain/pricing.ts) it plots the plan's km instead:
// its cost counts only fixed costs and priced rules, a flat line that says nothing.
import { For, Show, type JSX } from 'solid-js';
import type { PlanMeasure } from '../domain/pricing';
import type { CostPoint } from '../store/run-report';
import { useApp } from '../store/context';
import { formatCost, formatCount, formatElapsed, formatKmValue, formatPlanCost, formatPlanKm } from './ui/format';

const WIDTH = 400;
const HEIGHT = 72;
const PAD = 4;

/** The figure a point plots under `measure`. */
const valueOf = (measure: PlanMeasure) => (p: CostPoint) => (measure === 'km' ? p.distanceM : p.cost);

/** SVG path of the step line (of `value`) and x of the points where the unassigned count changed. */
function chartGeometry(list: readonly CostPoint[], endMs: number, value: (p: CostPoint) => number): { d: string; marks: number[] } {
  const costs = list.map(value);
  const hi = Math.max(...costs);
  const lo = Math.min(...costs);
  const x = (ms: number) => PAD + (ms / endMs) * (WIDTH - 2 * PAD);
  const y = (cost: number) => (hi === lo ? HEIGHT / 2 : PAD + ((hi - cost) / (hi - lo)) * (HEIGHT - 2 * PAD));
  let d = '';
  const marks: number[] = [];
  list.forEach((p, i) => {
    d += i === 0 ? `M${x(p.elapsedMs)},${y(value(p))}` : `H${x(p.elapsedMs)}V${y(value(p))}`;
    if (i > 0 && p.unassigned !== list[i - 1].unassigned) marks.push(x(p.elapsedMs));
  });
  return { d: `${d}H${x(endMs)}`, marks };
}

/** Screen-reader summary: where the cost (or km) and the unassigned count started and ended. */
function describe(measure: PlanMeasure, first: CostPoint, last: CostPoint): string {
  const unassigned = first.unassigned === last.unassigned ? '' : `; unassigned orders went from ${formatCount(first.unassigned)} to ${formatCount(last.unassigned)}`;
  if (measure === 'km') return `Km went from ${formatKmValue(first.distanceM)} to ${formatKmValue(last.distanceM)}${unassigned}`;
  return `Cost went from ${formatCost(first.cost)} to ${formatCost(last.cost)}${unassigned}`;
}

/** The chart of the running (or last) solve; nothing before the first report. */
export function CostChart(): JSX.Element {
  const { run: [run] } = useApp();
  const points = () => run.costHistory;
  const last = () => points()[points().length - 1];
  const endMs = () => Math.max(run.progress?.elapsedMs ?? 0, last()?.elapsedMs ?? 0, 1);
  const km = () => run.measure === 'km';
  const geometry = () => chartGeometry(points(), endMs(), valueOf(run.measure));
  return (
    <Show when={points().length > 0}>
      <figure class="cost-chart" aria-label="Best cost over time">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={describe(run.measure, points()[0], last())}>
          <For each={geometry().marks}>
            {(x) => <line x1={x} x2={x} y1={0} y2={HEIGHT} class="cost-chart__mark" vector-effect="non-scaling-stroke" />}
          </For>
          <path d={geometry().d} class="cost-chart__line" vector-effect="non-scaling-stroke" />
        </svg>
        <figcaption class="muted">
          <span>
            {km() ? 'Km of the best plan (the vehicles cost nothing to drive)' : 'Cost of the best plan'}
            <Show when={geometry().marks.length > 0}> · <span class="cost-chart__key" aria-hidden="true" /> unassigned count changed</Show>
          </span>
          <span class="cost-chart__figure">{km() ? `Km ${formatPlanKm(last())}` : `Cost ${formatPlanCost(last())}`} after {formatElapsed(endMs())}</span>
        </figcaption>
      </figure>
    </Show>
  );
}
