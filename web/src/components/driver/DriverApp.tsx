// The driver view's root (issue #13): a phone-sized page for one route, opened
// from a `#driver=…` link, a route file, or the phone's storage. Needs none of
// the planner's stores and no solver.
import { createSignal, For, Match, onCleanup, onMount, Show, Switch, type JSX } from 'solid-js';
import { createDriverStore, type DriverActions, type DriverState } from '../../store/driver';
import { DriverRouteView } from './DriverRouteView';
import './driver.css';

/** The driver store as the driver components receive it. */
export type DriverStore = [DriverState, DriverActions];

/** Root of the driver view. */
export function DriverApp(): JSX.Element {
  const store = createDriverStore();
  const [state, actions] = store;
  const onHash = () => void actions.start(location.hash);
  onMount(() => {
    onHash();
    window.addEventListener('hashchange', onHash);
  });
  onCleanup(() => window.removeEventListener('hashchange', onHash));
  return (
    <main class="driver" aria-label="Driver view">
      <Show when={state.message}><p class="driver-message" role="alert">{state.message}</p></Show>
      <Switch>
        <Match when={state.phase === 'loading'}><p class="driver-empty">Loading the route…</p></Match>
        <Match when={state.route}>{(route) => <DriverRouteView route={route()} store={store} />}</Match>
        <Match when={state.phase === 'empty'}>
          <p class="driver-empty">No route on this phone yet: open the driver link your dispatcher sent, or a route file.</p>
        </Match>
      </Switch>
      <DriverFooter store={store} />
    </main>
  );
}

/** Opening a route file, switching between kept routes, and the way back to the planner. */
function DriverFooter(props: { store: DriverStore }): JSX.Element {
  const [state, actions] = props.store;
  const [reading, setReading] = createSignal(false);
  const open = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setReading(true);
    try {
      await actions.openFile(await file.text());
    } finally {
      setReading(false);
      input.value = '';
    }
  };
  const toPlanner = async () => {
    await actions.switchToPlanner();
    location.assign(location.pathname + location.search);
  };
  return (
    <footer class="driver-footer">
      <label class="driver-field">
        <span>Open route file</span>
        <input type="file" accept=".json,application/json" disabled={reading()} onChange={(e) => void open(e.currentTarget)} />
      </label>
      <Show when={state.saved.length > 1}>
        <label class="driver-field">
          <span>Routes on this phone</span>
          <select value={state.route?.routeId ?? ''} onChange={(e) => void actions.openSaved(e.currentTarget.value)}>
            <For each={state.saved}>{(id) => <option value={id}>{id}</option>}</For>
          </select>
        </label>
      </Show>
      <button type="button" class="btn btn--ghost" onClick={() => void toPlanner()}>Open the planner</button>
    </footer>
  );
}
