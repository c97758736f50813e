// The "Offline map" part of Settings: open a .pmtiles archive from disk (kept in
// this browser for every scenario, so the map shows streets with no network),
// see which one is open, or remove it. Acts at once, outside the Save/Cancel draft.
import { Show, type JSX } from 'solid-js';
import { formatBytes } from '../io/storage-info';
import { useApp } from '../store/context';

/** Archive name, size, zoom range and attribution, plus the open and remove controls. */
export function SettingsMapArchive(): JSX.Element {
  const { mapArchive: [state, actions] } = useApp();
  const chosen = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file may be chosen again after a fix
    if (file) void actions.open(file);
  };
  return (
    <div class="settings-map-archive" aria-label="Offline map archive" role="group">
      <p class="settings-hint">
        An offline map archive (.pmtiles, raster tiles) is kept in this browser and shown under the online tiles,
        so the map shows streets with the network off. Opening or removing one applies at once, to every scenario.
      </p>
      <Show when={state.info} fallback={<p class="settings-hint" data-testid="map-archive-info">No offline map archive.</p>}>
        {(info) => (
          <p class="settings-hint" data-testid="map-archive-info">
            Offline map archive: <strong>{info().name}</strong>, {formatBytes(info().sizeBytes)}, zoom {info().minZoom}–{info().maxZoom}.
            <br />
            Attribution: {info().attribution || 'none given in the archive'}
          </p>
        )}
      </Show>
      <div class="settings-row">
        <label class="btn" classList={{ 'btn--disabled': state.busy }}>
          Open map archive…
          <input type="file" accept=".pmtiles" class="visually-hidden" disabled={state.busy} onChange={(e) => chosen(e.currentTarget)} />
        </label>
        <Show when={state.info}>
          <button type="button" class="btn" disabled={state.busy} onClick={() => void actions.remove()}>Remove map archive</button>
        </Show>
      </div>
      <Show when={state.busy}>
        <p class="settings-hint" role="status">Reading the map archive…</p>
      </Show>
      <Show when={state.error}>
        <p class="issue" role="alert">{state.error}</p>
      </Show>
    </div>
  );
}
