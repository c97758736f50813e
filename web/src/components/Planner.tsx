// The planner screen: header across the top, the map on the left and the
// plan panel (run controls, warnings, routes) on the right.
import { Show, type JSX } from 'solid-js';
import { MapView } from '../map/MapView';
import { useApp } from '../store/context';
import { Header } from './Header';
import { PlanBanner } from './PlanBanner';
import { RouteList } from './RouteList';
import { RunPanel } from './RunPanel';
import { Banner } from './ui/Banner';

/** The whole planner screen; needs `AppProvider` above it. */
export function Planner(): JSX.Element {
  const { persist } = useApp();
  return (
    <div class="app">
      <Header />
      <main class="workspace">
        <MapView />
        <aside class="side-panel" aria-label="Plan">
          <Show when={persist.loadError()}>
            {(message) => (
              <Banner tone="error" title="Nothing to open">
                <span>{message()}</span>
              </Banner>
            )}
          </Show>
          <RunPanel />
          <PlanBanner />
          <RouteList />
        </aside>
      </main>
    </div>
  );
}
