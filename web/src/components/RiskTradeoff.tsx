// The on-time trade-off of the Risk panel (issue #14): "Compare on-time targets"
// plans the scenario at 0, 80, 90 and 95 % and lists, per target, the cost, the
// distance, the vehicles, the unassigned orders, the expected late stops and the
// simulated on-time share; "Use this plan" makes a row's plan the current one.
import { For, Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import { TRADEOFF_TARGETS } from '../store/tradeoff';
import { formatCost, formatCount, formatKm, formatShare } from './ui/format';

export function RiskTradeoff(): JSX.Element {
  const { tradeoff: [state, actions], run: [run] } = useApp();
  const running = () => state.status === 'running';
  const step = () => TRADEOFF_TARGETS.indexOf(state.current as (typeof TRADEOFF_TARGETS)[number]) + 1;
  return (
    <div class="tradeoff">
      <h3 class="risk__subheading">On-time targets</h3>
      <div class="tradeoff__controls">
        <button type="button" class="btn" disabled={running() || run.status === 'running'} onClick={() => void actions.compare()}>Compare on-time targets</button>
        <Show when={running()}>
          <button type="button" class="btn" onClick={() => actions.cancel()}>Cancel</button>
          <span class="muted" role="status">Planning at {state.current} % ({step()} of {TRADEOFF_TARGETS.length})…</span>
        </Show>
      </div>
      <Show when={state.status === 'error'}><p class="risk__error" role="alert">{state.error}</p></Show>
      <Show when={state.rows.length > 0}>
        <Show when={actions.stale()}><p class="muted" role="note">The scenario changed since these plans were made: compare again to use one.</p></Show>
        <table class="tradeoff__table" aria-label="On-time trade-off">
          <thead>
            <tr><th scope="col">Target</th><th scope="col">Cost</th><th scope="col">Distance</th><th scope="col">Vehicles</th><th scope="col">Unassigned</th><th scope="col">Expected late stops</th><th scope="col">On time</th><th scope="col"><span class="visually-hidden">Action</span></th></tr>
          </thead>
          <tbody>
            <For each={state.rows}>
              {(row) => (
                <tr data-target={row.target}>
                  <th scope="row">{row.target === 0 ? 'Off' : `${row.target} %`}</th>
                  <td>{formatCost(row.cost)}</td>
                  <td>{formatKm(row.distanceM)}</td>
                  <td>{formatCount(row.vehicles)}</td>
                  <td>{formatCount(row.unassigned)}</td>
                  <td>{row.expectedLateStops.toFixed(1)}</td>
                  <td>{formatShare(row.onTimeShare)}</td>
                  <td>
                    <button type="button" class="btn btn--small" disabled={running() || actions.stale() || !row.checkOk}
                      title={row.checkOk ? undefined : 'The checker found problems in this plan'} onClick={() => actions.use(row.target)}>Use this plan</button>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </div>
  );
}
