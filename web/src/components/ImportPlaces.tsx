// Rows without coordinates in the import review: geocoding through the
// configured service (notice of the host, progress bar, Cancel) and the rows
// placed so far with where their place came from. Placing one row by a map
// click is started from its entry (ImportRowFix) through `startPlacingRow`.
import { createMemo, For, Show, type JSX } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { needsPlace } from '../store/import-geocode';
import { rowAddress } from '../io/import-orders';
import { useApp, type AppState } from '../store/context';
import { ImportPlaceMap, type PlacedPin } from './ImportPlaceMap';
import { plural } from './ui/format';

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Hides the import dialog and lets the next map click place row `index`. */
export function startPlacingRow(app: AppState, index: number, rowNumber: number): void {
  const [, actions] = app.importer;
  const [, uiActions] = app.ui;
  actions.setPlacingRow(index);
  uiActions.startPick({ purpose: 'import-row', label: `row ${rowNumber}` }, (lat, lng) => {
    actions.placeRow(index, lat, lng);
    actions.setPlacingRow(null);
  });
}

const fixed = (n: number) => n.toFixed(6);

/** The geocoding controls and the placed rows; nothing when no row lacks coordinates. */
export function ImportPlaces(): JSX.Element {
  const app = useApp();
  const { importer: [state, actions], scenario: [scenario] } = app;
  const url = () => scenario.scenario?.settings.geocodeUrl?.trim() ?? '';
  // The rows read raw: through the store's getter each of 10,000 rows was a proxy (issue #15).
  const waiting = createMemo(() => unwrap(state.rows).filter(needsPlace));
  const unreviewed = () => waiting().filter((r) => !state.placing.reviews[r.index]).length;
  // From the places given (a few), not from every row: a 10,000-row file looked each row up in the store (~40 ms
  // of proxy reads, several times per review; issue #15).
  const placed = createMemo(() => {
    const indexes = Object.keys(state.placing.placements).map(Number).sort((a, b) => a - b);
    if (indexes.length === 0) return [];
    const byIndex = new Map(unwrap(state.rows).map((r) => [r.index, r]));
    return indexes.flatMap((index) => {
      const row = byIndex.get(index);
      return row?.value ? [row] : [];
    });
  });
  const progress = () => state.placing.progress;
  const pins = (): PlacedPin[] => placed().map((r) => ({ index: r.index, rowNumber: r.rowNumber, ...state.placing.placements[r.index] }));
  return (
    <Show when={waiting().length > 0 || placed().length > 0 || progress().running || progress().message}>
      <section class="import-places" role="region" aria-label="Rows without coordinates">
        <Show when={waiting().length > 0}>
          <p class="muted">{plural(waiting().length, 'row')} {waiting().length === 1 ? 'has' : 'have'} an address but no coordinates: kept aside until placed.</p>
        </Show>
        <Show when={url()} fallback={<p class="muted">Geocoding is off (Settings → Geocoding). Place each such row on the map.</p>}>
          <p class="settings-hint">Geocoding sends these addresses to {hostOf(url())}.</p>
          <div class="row-line">
            <button type="button" class="btn" disabled={progress().running || unreviewed() === 0} onClick={() => void actions.geocode()}>Geocode addresses</button>
            <Show when={progress().running}>
              <progress aria-label="Geocoding progress" max={Math.max(progress().total, 1)} value={progress().done} />
              <span role="status">{progress().done} of {progress().total}</span>
              <button type="button" class="btn btn--small" onClick={() => actions.cancelGeocode()}>Cancel geocoding</button>
            </Show>
          </div>
        </Show>
        <Show when={progress().message}>{(message) => <p class="issue" role="alert">{message()}</p>}</Show>
        <Show when={placed().length > 0}>
          <ul class="fix-list" aria-label="Placed rows">
            <For each={placed()}>
              {(row) => {
                const place = () => state.placing.placements[row.index];
                return (
                  <li class="fix-row fix-row--placed" data-row={row.rowNumber}>
                    <strong>Row {row.rowNumber}</strong>{' '}
                    <span>{rowAddress(state.table?.rows[row.index] ?? [], state.targets)}</span>{' → '}
                    <span data-testid="placed-at">{fixed(place().lat)}, {fixed(place().lng)}</span>{' '}
                    <span class="muted">{place().how === 'map' ? '(placed on the map)' : `(geocoded: ${place().label || 'no name'})`}</span>{' '}
                    <button type="button" class="btn btn--small" onClick={() => startPlacingRow(app, row.index, row.rowNumber)}>Move row {row.rowNumber} on the map</button>
                  </li>
                );
              }}
            </For>
          </ul>
          <p class="muted">Drag a pin to correct its row's place.</p>
          <ImportPlaceMap pins={pins()} />
        </Show>
      </section>
    </Show>
  );
}

/** A waiting row's own controls: its review (if geocoding found several or weak matches) and Place (or Move) on the map. */
export function RowPlaceControls(props: { index: number; rowNumber: number }): JSX.Element {
  const app = useApp();
  const { importer: [state, actions] } = app;
  const review = () => state.placing.reviews[props.index];
  return (
    <div class="row-fields">
      <Show when={review()}>
        {(r) => (
          <div>
            <p class="muted">Geocoding: {r().reason}.</p>
            <For each={r().candidates}>
              {(candidate, k) => (
                <button type="button" class="btn btn--small" onClick={() => actions.acceptCandidate(props.index, k())}>
                  Use {candidate.label || 'unnamed place'} ({fixed(candidate.lat)}, {fixed(candidate.lng)})
                </button>
              )}
            </For>
          </div>
        )}
      </Show>
      {/* A row placed but invalid for another reason still shows where it is. */}
      <Show when={state.placing.placements[props.index]} fallback={
        <button type="button" class="btn btn--small" onClick={() => startPlacingRow(app, props.index, props.rowNumber)}>Place row {props.rowNumber} on the map</button>
      }>
        {(place) => (
          <>
            <span>Placed at {fixed(place().lat)}, {fixed(place().lng)}</span>{' '}
            <button type="button" class="btn btn--small" onClick={() => startPlacingRow(app, props.index, props.rowNumber)}>Move row {props.rowNumber} on the map</button>
          </>
        )}
      </Show>
    </div>
  );
}
