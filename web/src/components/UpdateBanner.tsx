// Offers a newer version of the planner when one has been downloaded. Updating
// reloads the page, so it waits while a solve runs (the plan in flight would be lost).
import { Show, type JSX } from 'solid-js';
import { applyUpdate, updateWaiting } from '../pwa';
import { useApp } from '../store/context';
import { Banner } from './ui/Banner';

/** "A new version is ready" with an Update button, disabled while work is in flight. */
export function UpdateBanner(): JSX.Element {
  const { run: [run], persist } = useApp();
  const busy = () => run.status === 'running';
  return (
    <Show when={updateWaiting()}>
      <Banner tone="info" title="A new version of the planner is ready">
        <span>{busy() ? ' It will be offered again once the solve has finished.' : ' Your scenarios stay as they are.'}</span>{' '}
        <button type="button" class="btn btn--small" disabled={busy()} onClick={() => void persist.flush().then(applyUpdate)}>
          Update
        </button>
      </Banner>
    </Show>
  );
}
