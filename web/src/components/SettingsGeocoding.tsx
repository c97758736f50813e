// The Settings dialog's geocoding section: the search URL of a Nominatim- or
// Photon-compatible service (off when empty), the plain notice that imported
// addresses are sent to that host, and the pause between two requests.
import { Show, type JSX } from 'solid-js';
import { admissionNow } from '../csp-boot';
import { SettingsField } from './SettingsField';
import type { SettingsSectionProps } from './SettingsUnits';

const hostOf = (text: string): string | null => {
  try {
    return new URL(text.trim()).host || null;
  } catch {
    return null;
  }
};

/** Geocoding URL and request spacing. */
export function SettingsGeocoding(props: SettingsSectionProps): JSX.Element {
  return (
    <fieldset class="settings-section">
      <legend class="section-title">Geocoding</legend>
      <p class="settings-hint">
        Off by default. When set, the import sends the address of each row without coordinates to this service to find its place;
        nothing else is sent. Without it (or offline) such rows are placed by clicking the map.
      </p>
      <SettingsField path="settings.geocodeUrl" label="Geocoding search URL" class="settings-field--wide" value={props.draft.geocodeUrl}
        hint="Nominatim: https://nominatim.openstreetmap.org/search · Photon: https://photon.komoot.io/api. Leave empty to keep addresses in this browser."
        onInput={(text) => props.setDraft('geocodeUrl', text)} issues={props.issuesAt('settings.geocodeUrl')} />
      <Show when={hostOf(props.draft.geocodeUrl)}>
        {(host) => (
          <p class="settings-hint" role="note">
            Addresses will be sent to {host()}.
            {admissionNow(props.draft.geocodeUrl) === 'next-start' ? ' The page may contact it from the next start of the app (reload after saving).' : ''}
          </p>
        )}
      </Show>
      <SettingsField path="settings.geocodeIntervalMs" label="Time between geocoding requests (ms)" numeric value={props.draft.geocodeIntervalMs}
        hint="Empty = 1000 (Nominatim's usage policy: at most one request a second)."
        onInput={(text) => props.setDraft('geocodeIntervalMs', text)} issues={props.issuesAt('settings.geocodeIntervalMs')} />
    </fieldset>
  );
}
