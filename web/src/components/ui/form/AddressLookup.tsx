// A form's "Look up address": the address typed, sent as one request to the
// scenario's geocoding service (Settings → Geocoding; answers cached like the
// import's), and the places found to pick from — a pick fills the form's
// Location. With geocoding off it says where to turn it on; nothing is sent.
import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import type { GeocodeCandidate } from '../../../io/geocode';
import { geocodeBatch, idbGeocodeCache } from '../../../io/geocode-batch';
import { useApp } from '../../../store/context';

const fixed = (n: number) => n.toFixed(6);
const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** One cache for every form (the import's store, by normalised address). */
let cache: ReturnType<typeof idbGeocodeCache> | null = null;

export interface AddressLookupProps {
  /** The address to look up (blank: nothing to do). */
  address: string;
  onUse: (lat: number, lng: number) => void;
}

/** The lookup button (or where to turn geocoding on), its progress, and the places found. */
export function AddressLookup(props: AddressLookupProps): JSX.Element {
  const { scenario: [state] } = useApp();
  const url = () => state.scenario?.settings.geocodeUrl?.trim() ?? '';
  const [found, setFound] = createSignal<{ address: string; places: GeocodeCandidate[] } | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let controller: AbortController | null = null;
  onCleanup(() => controller?.abort());

  async function lookUp(): Promise<void> {
    const address = props.address.trim();
    if (!address || !url()) return;
    controller?.abort();
    const own = (controller = new AbortController());
    setBusy(true);
    setFound(null);
    setMessage(null);
    cache ??= idbGeocodeCache();
    const outcome = await geocodeBatch([address], {
      baseUrl: url(), intervalMs: 0, cache, signal: own.signal,
      onResult: (_, places) => setFound({ address, places }),
    });
    if (controller !== own) return;
    controller = null;
    setBusy(false);
    if (outcome.status === 'failed') setMessage(outcome.message);
    else if (found()?.places.length === 0) setMessage(`${hostOf(url())} found no place for “${address}”: check the address, or place it on the map.`);
  }

  const use = (place: GeocodeCandidate) => {
    props.onUse(place.lat, place.lng);
    setFound(null);
  };
  return (
    <Show when={props.address.trim()}>
      <div class="address-lookup">
        <Show when={url()} fallback={<p class="muted">To find a place by its address, set a geocoding URL in Settings → Geocoding (or place it on the map).</p>}>
          <button type="button" class="btn btn--small" disabled={busy()} onClick={() => void lookUp()}>Look up address</button>
          <span class="settings-hint"> Sends “{props.address.trim()}” to {hostOf(url())}.</span>
          <Show when={busy()}><span role="status"> Looking up…</span></Show>
          <Show when={found()?.places.length}>
            <ul class="address-lookup__places" aria-label="Places found">
              <For each={found()!.places}>
                {(place) => (
                  <li>
                    <button type="button" class="btn btn--small" onClick={() => use(place)}>
                      Use {place.label || 'unnamed place'} ({fixed(place.lat)}, {fixed(place.lng)})
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={message()}>{(text) => <p class="issue" role="alert">{text()}</p>}</Show>
        </Show>
      </div>
    </Show>
  );
}
