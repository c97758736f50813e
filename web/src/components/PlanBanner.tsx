// Says loudly when the plan on screen must not be trusted: it failed the
// independent check (with its violations) or the scenario changed since it was made.
import { For, Match, Show, Switch, type JSX } from 'solid-js';
import { travelLine } from '../io/road-travel';
import { useApp } from '../store/context';
import { Banner } from './ui/Banner';
import { formatCount } from './ui/format';

/** Violations listed in full; the rest are counted. */
const SHOWN_VIOLATIONS = 5;

/** The plan's banners: its check and freshness, then where its travel times came from. */
export function PlanBanner(): JSX.Element {
  return (
    <>
      <CheckBanner />
      <TravelBanner />
    </>
  );
}

/** Where the plan's travel times came from; a warning when the embedded model stood in for the routing service. */
function TravelBanner(): JSX.Element {
  const { scenario: [state] } = useApp();
  const travel = () => state.scenario?.plan?.travel;
  const line = () => travelLine(travel());
  return (
    <Show when={line()}>
      {(text) => (travel()?.fallback
        ? <Banner tone="warning" title="Routing service not used"><span class="plan-travel">{text()}</span></Banner>
        : <p class="muted plan-travel" role="status">{text()}</p>)}
    </Show>
  );
}

/** A violation banner for an invalid plan, a warning for a stale one, nothing otherwise. */
function CheckBanner(): JSX.Element {
  const { scenario: [state] } = useApp();
  const violations = () => state.scenario?.plan?.solution.check.violations ?? [];
  const hidden = () => Math.max(0, violations().length - SHOWN_VIOLATIONS);
  return (
    <Switch>
      <Match when={state.planStatus === 'invalid'}>
        <Banner tone="error" title="This plan failed the independent check — do not dispatch it.">
          <ul class="violations">
            <For each={violations().slice(0, SHOWN_VIOLATIONS)}>{(v) => <li>{v.message}</li>}</For>
          </ul>
          {hidden() > 0 ? <p>…and {formatCount(hidden())} more.</p> : null}
        </Banner>
      </Match>
      <Match when={state.planStatus === 'stale'}>
        <Banner tone="warning" title="Plan out of date">
          <span>The scenario changed after this plan was made. Press Optimize to plan again.</span>
        </Banner>
      </Match>
    </Switch>
  );
}
