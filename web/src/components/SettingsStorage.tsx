// Read-only "Storage" section of Settings: how much the browser stores for the
// planner, how much it allows, and whether it may clear the data on its own.
import { createResource, Show, type JSX } from 'solid-js';
import { formatBytes, readStorageInfo } from '../io/storage-info';

/** Usage, quota and persistence, read each time Settings opens. */
export function SettingsStorage(): JSX.Element {
  const [info] = createResource(readStorageInfo);
  const persistence = () => {
    const persistent = info()?.persistent;
    if (persistent === true) return 'Persistent: yes (the browser keeps it until you delete it)';
    if (persistent === false) return 'Persistent: no (the browser may clear it when the disk runs low; back up your scenarios)';
    return 'Persistent: unknown (this browser does not say)';
  };
  return (
    <fieldset class="settings-section" aria-label="Storage">
      <legend class="section-title">Storage</legend>
      <Show when={info()} fallback={<p class="settings-hint">Reading storage use…</p>}>
        {(read) => (
          <p class="settings-hint" data-testid="storage-usage">
            <Show when={read().usageBytes !== null && read().quotaBytes !== null} fallback="Usage: unknown (this browser does not say).">
              Using {formatBytes(read().usageBytes ?? 0)} of {formatBytes(read().quotaBytes ?? 0)} available to the planner in this browser.
            </Show>
            <br />
            {persistence()}
          </p>
        )}
      </Show>
    </fieldset>
  );
}
