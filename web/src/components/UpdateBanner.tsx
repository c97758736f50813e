// Offers a newer version of the planner when one has been downloaded. Updating
// reloads the page, so it waits while a solve runs (the plan in flight would be
// lost) and while the day is being played or repaired (the simulated clock and a
// proposal in flight live only in the page).
import { Show, type JSX } from 'solid-js';
import { applyUpdate, updateWaiting } from '../pwa';
import { useApp } from '../store/context';
import { updateBlocker } from '../store/update-gate';
import { Banner } from './ui/Banner';

/** "A new version is ready" with an Update button, disabled while work is in flight. */
export function UpdateBanner(): JSX.Element {
  const app = useApp();
  const { persist } = app;
  const blocker = () => updateBlocker(app);
  const busy = () => blocker() !== null;
  return (
    <Show when={updateWaiting()}>
      <Banner tone="info" title="A new version of the planner is ready">
        <span>{busy() ? ` It can be installed once ${blocker()}.` : ' Your scenarios stay as they are.'}</span>{' '}
        <button type="button" class="btn btn--small" disabled={busy()} onClick={() => void persist.flush().then(applyUpdate)}>
          Update
        </button>
      </Banner>
    </Show>
  );
}
