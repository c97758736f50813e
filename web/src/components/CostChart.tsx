// Best cost over time during a solve, as a small step chart in plain SVG: each
// point is an improvement; the line runs on to the latest progress report.
import { Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import { formatCost, formatElapsed } from './ui/format';

const WIDTH = 400;
const HEIGHT = 72;
const PAD = 4;

/** The chart of the running (or last) solve; nothing before the first improvement. */
export function CostChart(): JSX.Element {
  const { run: [run] } = useApp();
  const points = () => run.costHistory;
  const endMs = () => Math.max(run.progress?.elapsedMs ?? 0, points()[points().length - 1]?.elapsedMs ?? 0, 1);
  const path = () => {
    const list = points();
    const costs = list.map((p) => p.bestCost);
    const hi = Math.max(...costs);
    const lo = Math.min(...costs);
    const x = (ms: number) => PAD + (ms / endMs()) * (WIDTH - 2 * PAD);
    const y = (cost: number) => (hi === lo ? HEIGHT / 2 : PAD + ((hi - cost) / (hi - lo)) * (HEIGHT - 2 * PAD));
    let d = '';
    list.forEach((p, i) => {
      d += i === 0 ? `M${x(p.elapsedMs)},${y(p.bestCost)}` : `H${x(p.elapsedMs)}V${y(p.bestCost)}`;
    });
    return `${d}H${x(endMs())}`;
  };
  return (
    <Show when={points().length > 0}>
      <figure class="cost-chart" aria-label="Best cost over time">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={`Best cost fell from ${formatCost(points()[0].bestCost)} to ${formatCost(points()[points().length - 1].bestCost)}`}>
          <path d={path()} class="cost-chart__line" vector-effect="non-scaling-stroke" />
        </svg>
        <figcaption class="muted">
          <span>Best cost over time</span>
          <span>{formatCost(points()[points().length - 1].bestCost)} after {formatElapsed(endMs())}</span>
        </figcaption>
      </figure>
    </Show>
  );
}
