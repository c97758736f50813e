// Region "Calibration" in Day mode (issue #14): what the day's actuals say about
// the variability model (domain/risk/calibrate.ts) — estimated against current
// values with their sample counts — and "Update variability settings", which
// writes the estimates into the scenario's settings (an ordinary, saved
// settings edit). Mean service times are reported, never applied: the model's
// mean is each order's own planned minutes. Plain text only.
import { createMemo, For, Show, untrack, type JSX } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { calibrate, calibratedVariability, MIN_ATTEMPTS, MIN_LEGS, MIN_SERVICES, type Calibration, type ServiceEstimate } from '../../domain/risk/calibrate';
import type { Settings } from '../../domain/scenario';
import { serviceTypeSpec } from '../../domain/service-types';
import { resolveVariability } from '../../domain/variability';
import { useApp } from '../../store/context';
import { createStaged } from '../../store/staged';
import { formatShare } from '../ui/format';

/** Days of up to this many orders are estimated at once when Day mode opens; larger ones in a task of their own. */
const CALIBRATE_AT_ONCE_UP_TO = 1000;

const cvText = (cv: number | null) => (cv === null ? 'not enough data' : cv.toFixed(2));
const shareText = (p: number | null) => (p === null ? 'not enough data' : formatShare(p));

/** One row: what, estimated (with its count), current. */
function Row(props: { what: string; estimate: string; count: string; current: string; key: string }): JSX.Element {
  return (
    <tr data-calibration={props.key}>
      <th scope="row">{props.what}</th>
      <td class="num" data-testid="calibration-estimate">{props.estimate}</td>
      <td class="num muted">{props.count}</td>
      <td class="num" data-testid="calibration-current">{props.current}</td>
    </tr>
  );
}

/** "Mean service is 114 % of planned (6.8 vs 6.0 min)". */
function meanText(s: ServiceEstimate): string {
  if (s.meanRatio === null || s.meanMinutes === null || s.plannedMinutes === null) return 'not enough data';
  return `${Math.round(s.meanRatio * 100)} % of planned (${s.meanMinutes.toFixed(1)} vs ${s.plannedMinutes.toFixed(1)} min)`;
}

function CalibrationTable(props: { calibration: Calibration; settings: Settings }): JSX.Element {
  const now = () => resolveVariability(props.settings);
  const label = (s: ServiceEstimate) => serviceTypeSpec(props.settings, s.type).label;
  return (
    <table class="data-table calibration__table">
      <thead><tr><th scope="col">Estimate</th><th scope="col" class="num">From the day</th><th scope="col" class="num">Samples</th><th scope="col" class="num">Current</th></tr></thead>
      <tbody>
        <Row key="travelCv" what="Travel time CV" estimate={cvText(props.calibration.travel.cv)} count={`${props.calibration.travel.count} legs (min ${MIN_LEGS})`} current={now().travelCv.toFixed(2)} />
        <For each={props.calibration.services}>
          {(s) => (
            <>
              <Row key={`serviceCv.${s.type}`} what={`Service time CV, ${label(s)}`} estimate={cvText(s.cv)} count={`${s.count} services (min ${MIN_SERVICES})`} current={now().serviceCv[s.type].toFixed(2)} />
              <Row key={`serviceMean.${s.type}`} what={`Mean service, ${label(s)}`} estimate={meanText(s)} count={`${s.count} services`} current="as planned (not a setting)" />
              <Row key={`notHome.${s.type}`} what={`Not home, ${label(s)}`} estimate={shareText(s.notHome)} count={`${s.notHomeCount} of ${s.attempts} attempts (min ${MIN_ATTEMPTS})`} current={formatShare(now().notHome[s.type])} />
            </>
          )}
        </For>
      </tbody>
    </table>
  );
}

/** The Calibration section of the running day. */
export function CalibrationView(): JSX.Element {
  const { day: [state], scenario: [scenarioState, scenarioActions] } = useApp();
  // From the day's state alone: estimated again for a new state (an event), not at each clock step.
  const dayState = createMemo(() => state.derived?.state ?? null);
  // In a task of its own after the event (staged.ts): a pass over every stop and leg of a 10,000-stop day,
  // not added to the task of the click that logged it.
  // On a large day the first estimate is made in a task of its own too (not in the one that opens Day mode).
  const calibration = createStaged(() => { const st = dayState(); const d = untrack(() => state.derived); return st && d ? { st, d } : null; },
    (day) => (day ? calibrate(day.d.scenario, day.d.plan, day.st) : null), undefined,
    { initial: null, defer: (day) => !!day && day.st.orders.length > CALIBRATE_AT_ONCE_UP_TO });
  const patch = createMemo(() => {
    const c = calibration();
    const settings = scenarioState.scenario?.settings;
    return c && settings ? calibratedVariability(c, unwrap(settings)) : null;
  });
  const apply = () => {
    const next = patch();
    const settings = scenarioState.scenario?.settings;
    if (next && settings) scenarioActions.updateSettings({ ...structuredClone(unwrap(settings)), variability: next });
  };
  return (
    <section class="panel-section calibration" aria-label="Calibration">
      <h2 class="section-title">Calibration</h2>
      <p class="muted">What today's reported times say about the variability settings (travel and service as lognormal around the plan; failed attempts count as attempts, never as services).</p>
      <Show when={calibration()} fallback={<p class="muted">{calibration.pending() ? 'Estimating from the day…' : 'No day yet.'}</p>}>
        {(c) => (
          <>
            <CalibrationTable calibration={c()} settings={scenarioState.scenario!.settings} />
            <p class="muted">Mean service times are not variability settings: the model takes each order's own minutes as the mean. If they are off, change the orders' minutes or the service types' suggested minutes.</p>
            <Show when={patch()} fallback={<p class="muted" data-testid="calibration-nothing">Nothing to apply: every estimate with enough data is already the setting.</p>}>
              <button type="button" class="btn" onClick={apply}>Update variability settings</button>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
