// The top bar: product name, the open scenario (name, day, size) and whether
// the latest changes are stored; storage problems appear right below it.
import { Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import type { SaveStatus } from '../store/persist';
import { ExportMenu } from './ExportMenu';
import { FindOrder } from './messages/FindOrder';
import { VehiclesButton } from './fleet/VehiclesButton';
import { OrdersButton } from './orders/OrdersButton';
import { ImportButton } from './ImportButton';
import { ScenarioSwitcher } from './ScenarioSwitcher';
import { DayEditor } from './setup/DayEditor';
import { SettingsButton } from './SettingsButton';
import { StorageBanner } from './StorageBanner';
import { UpdateBanner } from './UpdateBanner';
import { plural } from './ui/format';

const SAVE_TEXT: Record<SaveStatus, string> = {
  idle: '',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved',
  off: 'Saving off',
};

/** The app header and, below it, any storage error. */
export function Header(): JSX.Element {
  const { scenario: [state], persist } = useApp();
  const scenario = () => state.scenario;
  return (
    <>
      <header class="app-header">
        <span class="brand">Final Mile Planner</span>
        {/* While a scenario opens, the same two lines as once it is open: a shorter header made the map and timeline
            below it grow, and a 10,000-stop map redraws whole when resized (issue #15). */}
        <Show when={scenario()} fallback={<div class="header-scenario"><p class="scenario-name">Opening…</p><div class="muted header-meta"><span class="header-counts">{'\u00a0'}</span></div></div>}>
          {(s) => (
            <div class="header-scenario">
              <h1 class="scenario-name">{s().name || 'Untitled scenario'}</h1>
              <div class="muted header-meta">
                <DayEditor date={s().settings.date} />
                <span class="header-counts">· {plural(s().orders.length, 'order')} · {plural(s().vehicles.length, 'vehicle')} · {plural(s().depots.length, 'depot')}</span>
              </div>
            </div>
          )}
        </Show>
        <span class={`save-status save-status--${persist.saveStatus()}`} role="status" data-save-status={persist.saveStatus()}>
          {SAVE_TEXT[persist.saveStatus()]}
        </span>
        <div class="header-actions">
          <FindOrder />
          <ScenarioSwitcher />
          <ImportButton />
          <VehiclesButton />
          <OrdersButton />
          <ExportMenu />
          <SettingsButton />
        </div>
      </header>
      <UpdateBanner />
      <StorageBanner />
    </>
  );
}
