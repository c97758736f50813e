// The planner screen: header across the top, the map on the left with the
// timeline below it, and the plan panel (run controls, cost chart, warnings,
// selected stop, routes, risk, unassigned) on the right.
import { Show, type JSX } from 'solid-js';
import { MapView } from '../map/MapView';
import { useApp } from '../store/context';
import { CostChart } from './CostChart';
import { Header } from './Header';
import { MoveControls } from './MoveControls';
import { MoveFeedback } from './MoveFeedback';
import { SelectedOrderCard } from './orders/SelectedOrderCard';
import { PlanBanner } from './PlanBanner';
import { RiskPanel } from './RiskPanel';
import { RouteList } from './RouteList';
import { RunPanel } from './RunPanel';
import { DepotsPanel } from './setup/DepotsPanel';
import { Timeline } from './Timeline';
import { lazyPart } from './ui/lazy-parts';
import { PanelPart } from './ui/PartShell';
import { ModeSwitch } from './day/ModeSwitch';
import { Banner } from './ui/Banner';
import { MessageDialogHost } from './messages/MessageButton';

/** Day mode's panel: loaded when Day mode is first shown (ui/lazy-parts.ts). */
const DayPanel = lazyPart(() => import('./day/DayPanel').then((m) => m.DayPanel));

/** The whole planner screen; needs `AppProvider` above it. */
export function Planner(): JSX.Element {
  const { persist, day: [day] } = useApp();
  return (
    <div class="app">
      <Header />
      <main class="workspace">
        <div class="plan-view">
          <MapView />
          <Timeline />
        </div>
        <aside class="side-panel" aria-label="Plan">
          <Show when={persist.loadError()}>
            {(message) => (
              <Banner tone="error" title="Nothing to open">
                <span>{message()}</span>
              </Banner>
            )}
          </Show>
          <ModeSwitch />
          <Show when={day.mode === 'day'} fallback={
            <>
              <RunPanel />
              <CostChart />
              <PlanBanner />
              <MoveControls />
              <SelectedOrderCard />
              <RouteList />
              <RiskPanel />
              <DepotsPanel />
            </>
          }>
            <PanelPart name="Day mode"><DayPanel /></PanelPart>
          </Show>
        </aside>
      </main>
      <MoveFeedback />
      <MessageDialogHost />
    </div>
  );
}
