// Rows without coordinates in the import review: geocoding through the
// configured service (notice of the host, progress bar, Cancel) and the rows
// placed so far with where their place came from. Placing one row by a map
// click is started from its entry (ImportRowFix) through `startPlacingRow`.
import { createMemo, For, Show, type JSX } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { needsPlace, placeKey, readPlaceKey, sideAddress, waitingSides, type PlaceSide } from '../store/import-geocode';
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

/** What a place is called in the review: "row 4", or "the end of row 4" for a fleet row's own end. */
const placeName = (rowNumber: number, side: PlaceSide) => (side === 'end' ? `the end of row ${rowNumber}` : `row ${rowNumber}`);

/** Hides the import dialog and lets the next map click place row `index` (or its end). */
export function startPlacingRow(app: AppState, index: number, rowNumber: number, side: PlaceSide = 'start'): void {
  const [, actions] = app.importer;
  const [, uiActions] = app.ui;
  actions.setPlacingRow(index);
  uiActions.startPick({ purpose: 'import-row', label: placeName(rowNumber, side) }, (lat, lng) => {
    actions.placeRow(placeKey(index, side), lat, lng);
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
  const unreviewed = () => waiting().flatMap((r) => waitingSides(r).filter((side) => !state.placing.reviews[placeKey(r.index, side)])).length;
  // From the places given (a few), not from every row: a 10,000-row file looked each row up in the store (~40 ms
  // of proxy reads, several times per review; issue #15). A row's start before its end.
  const placed = createMemo(() => {
    const keys = Object.keys(state.placing.placements).map((key) => ({ key, ...readPlaceKey(key) }))
      .sort((a, b) => a.index - b.index || (a.side === b.side ? 0 : a.side === 'start' ? -1 : 1));
    if (keys.length === 0) return [];
    const byIndex = new Map(unwrap(state.rows).map((r) => [r.index, r]));
    return keys.flatMap((at) => {
      const row = byIndex.get(at.index);
      return row?.value ? [{ ...at, rowNumber: row.rowNumber }] : [];
    });
  });
  const progress = () => state.placing.progress;
  const pins = (): PlacedPin[] => placed().map((p) => ({ key: p.key, rowNumber: p.rowNumber, end: p.side === 'end', ...state.placing.placements[p.key] }));
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
              {(at) => {
                const place = () => state.placing.placements[at.key];
                return (
                  <li class="fix-row fix-row--placed" data-row={at.rowNumber}>
                    <strong>Row {at.rowNumber}</strong>{at.side === 'end' ? ' (end)' : ''}{' '}
                    <span>{sideAddress(state.table?.rows[at.index] ?? [], state.targets, at.side)}</span>{' → '}
                    <span data-testid="placed-at">{fixed(place().lat)}, {fixed(place().lng)}</span>{' '}
                    <span class="muted">{place().how === 'map' ? '(placed on the map)' : `(geocoded: ${place().label || 'no name'})`}</span>{' '}
                    <button type="button" class="btn btn--small" onClick={() => startPlacingRow(app, at.index, at.rowNumber, at.side)}>Move {placeName(at.rowNumber, at.side)} on the map</button>
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

/**
 * A waiting place's own controls (a row's, or a fleet row's end): its review (if geocoding found several or weak
 * matches) and Place (or Move) on the map.
 */
export function RowPlaceControls(props: { index: number; rowNumber: number; side: PlaceSide }): JSX.Element {
  const app = useApp();
  const { importer: [state, actions] } = app;
  const key = () => placeKey(props.index, props.side);
  const name = () => placeName(props.rowNumber, props.side);
  const review = () => state.placing.reviews[key()];
  return (
    <div class="row-fields">
      <Show when={review()}>
        {(r) => (
          <div>
            <p class="muted">Geocoding{props.side === 'end' ? ' (end)' : ''}: {r().reason}.</p>
            <For each={r().candidates}>
              {(candidate, k) => (
                <button type="button" class="btn btn--small" onClick={() => actions.acceptCandidate(key(), k())}>
                  Use {candidate.label || 'unnamed place'} ({fixed(candidate.lat)}, {fixed(candidate.lng)})
                </button>
              )}
            </For>
          </div>
        )}
      </Show>
      {/* A row placed but invalid for another reason still shows where it is. */}
      <Show when={state.placing.placements[key()]} fallback={
        <button type="button" class="btn btn--small" onClick={() => startPlacingRow(app, props.index, props.rowNumber, props.side)}>Place {name()} on the map</button>
      }>
        {(place) => (
          <>
            <span>{props.side === 'end' ? 'End placed' : 'Placed'} at {fixed(place().lat)}, {fixed(place().lng)}</span>{' '}
            <button type="button" class="btn btn--small" onClick={() => startPlacingRow(app, props.index, props.rowNumber, props.side)}>Move {name()} on the map</button>
          </>
        )}
      </Show>
    </div>
  );
}
