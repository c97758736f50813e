// Region "Risk" in Day mode (issue #14): the Risk panel's figures for the rest of
// the day, estimated from the current state (store/day-risk.ts). The last
// figures stay shown while a newer state is being estimated. Plain text only.
import { Match, Show, Switch, type JSX } from 'solid-js';
import { useApp } from '../../store/context';
import { RiskFigures } from '../RiskPanel';

/** The day's risk; nothing when this app does not estimate it. */
export function DayRiskPanel(): JSX.Element {
  const { day: [state], scenario: [scenarioState] } = useApp();
  const risk = () => state.risk?.state;
  return (
    <Show when={risk()}>
      {(r) => (
        <section class="panel-section risk day-risk-panel" aria-label="Risk" aria-busy={r().status === 'running'}>
          <h2 class="panel-heading">Risk</h2>
          <p class="muted">For the stops not reached yet, from the current state of the day.</p>
          <Switch>
            <Match when={r().risk}>
              {(figures) => <RiskFigures risk={figures()} weakest={r().weakest} scenario={scenarioState.scenario} />}
            </Match>
            <Match when={r().status === 'error'}><p class="risk__error" role="alert">{r().error}</p></Match>
            <Match when={r().status === 'running'}><p class="muted">Estimating the risk of the rest of the day…</p></Match>
          </Switch>
          <Show when={r().status === 'error' && r().risk}><p class="risk__error" role="alert">{r().error}</p></Show>
        </section>
      )}
    </Show>
  );
}
