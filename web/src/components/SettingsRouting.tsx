// The Settings dialog's routing service (issue #14): the URL of an OSRM-compatible
// `table` service (off when empty) and its profile per vehicle type, with a plain
// notice that the coordinates of every depot and order are sent to that host.
import { For, Show, type JSX } from 'solid-js';
import { admissionNow } from '../csp-boot';
import { sourcesOfUrl } from '../csp-policy';
import { SettingsField } from './SettingsField';
import type { SettingsSectionProps } from './SettingsUnits';

/** The routing fieldset. */
export function SettingsRouting(props: SettingsSectionProps): JSX.Element {
  const host = () => sourcesOfUrl(props.draft.routingUrl.trim())[0]?.replace(/^https?:\/\//, '');
  return (
    <fieldset class="settings-section">
      <legend class="section-title">Road travel times</legend>
      <p class="settings-hint">Off by default: travel times come from the embedded model above. With a routing service, Optimize asks it for road travel times and falls back to the embedded model when it cannot be reached.</p>
      <SettingsField path="settings.routingUrl" label="Routing service URL" class="settings-field--wide" value={props.draft.routingUrl}
        hint="An OSRM-compatible table service such as https://router.example.org. Leave empty to keep the embedded model."
        onInput={(text) => props.setDraft('routingUrl', text)} issues={props.issuesAt('settings.routingUrl')} />
      <Show when={host()}>
        {(name) => (
          <p class="settings-notice" role="note">
            The coordinates of every depot and order of this scenario are sent to {name()} when you press Optimize.
            {admissionNow(props.draft.routingUrl.trim()) === 'next-start' ? ' Requests to this host are allowed once the app is reloaded.' : ''}
          </p>
        )}
      </Show>
      <div class="settings-row">
        <For each={Object.keys(props.draft.routingProfiles)}>
          {(type) => (
            <SettingsField path={`settings.routingProfiles.${type}`} label={`Routing profile, ${type}`} value={props.draft.routingProfiles[type]}
              hint="Empty = driving" onInput={(text) => props.setDraft('routingProfiles', type, text)} issues={props.issuesAt(`settings.routingProfiles.${type}`)} />
          )}
        </For>
      </div>
    </fieldset>
  );
}
