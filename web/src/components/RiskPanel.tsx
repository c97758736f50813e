// The Risk panel (issue #14): how well the current plan holds up under the
// variability model — the expected number of late stops, per route the chance
// that every stop is on time, and the weakest promises with why. Plain text only.
import { createMemo, For, Match, Show, Switch, type JSX } from 'solid-js';
import type { PlanRisk } from '../domain/risk/risk-types';
import { listedRoutes, type WeakPromise } from '../domain/risk/weakest';
import type { Scenario } from '../domain/scenario';
import { useApp } from '../store/context';
import { rawOf } from '../store/raw';
import { formatClock, formatCount, formatShare } from './ui/format';
import { createVehicleNames } from './ui/vehicle-names';
import { RiskTradeoff } from './RiskTradeoff';

/** The customer names of the weak promises' orders, in one pass over the raw orders (no proxy per order). */
function customerNames(scenario: Scenario | null, weakest: readonly WeakPromise[]): Map<string, string> {
  const wanted = new Set(weakest.map((w) => w.orderId));
  const names = new Map<string, string>();
  for (const order of rawOf(scenario)?.orders ?? []) if (wanted.has(order.id) && order.customerName) names.set(order.id, order.customerName);
  return names;
}

function promiseLabel(names: Map<string, string>, weak: WeakPromise): string {
  const side = weak.side ? ` (${weak.side})` : '';
  return `${names.get(weak.orderId) ?? weak.orderId} · ${weak.orderId}${side}`;
}

/** The figures of an estimate (also shown in Day mode for the rest of the day). */
export function RiskFigures(props: { risk: PlanRisk; weakest: WeakPromise[]; scenario: Scenario | null }): JSX.Element {
  const { scenario: [scenarioState] } = useApp();
  const vehicleName = createVehicleNames(() => props.scenario, () => scenarioState.dataChanges);
  // Per weak promise only: the figures come ranked, with their median start, from the risk worker.
  const names = createMemo(() => customerNames(props.scenario, props.weakest));
  const routes = createMemo(() => listedRoutes(props.risk.routes));
  return (
    <>
      <p class="risk__expected">Expected late stops: <strong data-testid="risk-expected-late">{props.risk.expectedLateStops.toFixed(1)}</strong>
        <span class="muted"> ({formatCount(props.risk.samples)} simulated days)</span></p>
      <h3 class="risk__subheading">Every stop on time, per route{routes().rest ? ', weakest first' : ''}</h3>
      <ul class="risk__routes">
        <For each={routes().listed}>
          {(route) => <li data-vehicle-id={route.vehicleId}>{vehicleName(route.vehicleId)}: {formatShare(route.pAllOnTime)}</li>}
        </For>
      </ul>
      <Show when={routes().rest}>
        {(rest) => <p class="risk__rest muted" data-testid="risk-routes-rest">{formatCount(rest().count)} more routes, each {formatShare(rest().pAllOnTimeAtLeast)} or more.</p>}
      </Show>
      <h3 class="risk__subheading">Weakest promises</h3>
      <Show when={props.weakest.length > 0} fallback={<p class="muted">Every promise held in every simulated day.</p>}>
        <ol class="risk__weakest" aria-label="Weakest promises">
          <For each={props.weakest}>
            {(weak) => (
              <li data-order-id={weak.orderId} data-reason={weak.reason}>
                <span class="risk__who">{promiseLabel(names(), weak)}</span>
                <span class="risk__p">{formatShare(weak.pOnTime)} on time</span>
                <span class="risk__median">median start {formatClock(weak.startP50S)}</span>
                <span class="risk__why muted">{weak.why}</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </>
  );
}

/** The Risk region of the side panel; nothing without a current plan. */
export function RiskPanel(): JSX.Element {
  const { risk: [risk], scenario: [scenarioState] } = useApp();
  return (
    <Show when={risk.status !== 'idle'}>
      <section class="panel-section risk" aria-label="Risk" aria-busy={risk.status === 'running'}>
        <h2 class="panel-heading">Risk</h2>
        <Switch>
          <Match when={risk.status === 'running'}><p class="muted">Estimating the risk of this plan…</p></Match>
          <Match when={risk.status === 'error'}><p class="risk__error" role="alert">{risk.error}</p></Match>
          <Match when={risk.risk}>
            {(figures) => <RiskFigures risk={figures()} weakest={risk.weakest} scenario={scenarioState.scenario} />}
          </Match>
        </Switch>
        <RiskTradeoff />
      </section>
    </Show>
  );
}
