// The map's key: what a coloured stop, a hollow red ring, a grey stop, the depot
// a dashed line and a risk ring mean. Shown over the map's lower-left corner.
import { Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';

/** Legend entries follow the plan state: no plan, plan, untrusted plan; `hasPickups`: the map draws pickup places. */
export function MapLegend(props: { hasPickups: boolean }): JSX.Element {
  const { scenario: [state], risk: [risk] } = useApp();
  const hasPlan = () => state.planStatus !== 'none';
  return (
    <aside class="map-legend" aria-label="Map legend">
      <ul>
        <li><span class="legend-swatch legend-swatch--depot" aria-hidden="true">D</span>Depot</li>
        <Show when={hasPlan()} fallback={<li><span class="legend-swatch legend-swatch--unplanned" aria-hidden="true" />Order (not planned yet)</li>}>
          <li><span class="legend-swatch legend-swatch--planned" aria-hidden="true" />Stop, coloured by route</li>
          <li><span class="legend-swatch legend-swatch--unassigned" aria-hidden="true" />Unassigned order</li>
          <Show when={props.hasPickups}>
            <li><span class="legend-swatch legend-swatch--pickup" aria-hidden="true" />Pickup place of a shipment</li>
          </Show>
        </Show>
        <Show when={risk.status === 'done'}>
          <li><span class="legend-swatch legend-swatch--risk-medium" aria-hidden="true" />Stop at some risk (on time 60–90 %)</li>
          <li><span class="legend-swatch legend-swatch--risk-high" aria-hidden="true" />Stop at high risk (on time under 60 %)</li>
        </Show>
        <Show when={state.planStatus === 'stale' || state.planStatus === 'invalid'}>
          <li><span class="legend-swatch legend-swatch--dashed" aria-hidden="true" />Route not trusted ({state.planStatus === 'stale' ? 'out of date' : 'failed check'})</li>
        </Show>
      </ul>
    </aside>
  );
}
