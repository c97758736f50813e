// The Settings dialog's variability model (issue #14), read-only: the travel
// time CV, and per service type the service time CV and not-home chance, with
// the defaults filled in. Day mode's Calibration writes them from a day's actuals.
import { For, type JSX } from 'solid-js';
import { SERVICE_TYPES, type Settings } from '../domain/scenario';
import { serviceTypeSpec } from '../domain/service-types';
import { resolveVariability } from '../domain/variability';
import { formatShare } from './ui/format';

/** The variability in force for `settings`. */
export function SettingsVariability(props: { settings: Settings }): JSX.Element {
  const v = () => resolveVariability(props.settings);
  return (
    <fieldset class="settings-section">
      <legend class="section-title">Variability</legend>
      <p class="settings-hint">
        Travel and service times vary around the plan (lognormal, mean as planned); used by Play the day and the Risk estimates.
        Update them from a day's actuals with “Update variability settings” in Day mode's Calibration.
      </p>
      <p>Travel time CV: <strong data-testid="settings-travel-cv">{v().travelCv.toFixed(2)}</strong>; a failed attempt takes {v().failedAttemptMinutes} min.</p>
      <table class="data-table settings-variability" aria-label="Variability per service type">
        <thead><tr><th scope="col">Type</th><th scope="col" class="num">Service time CV</th><th scope="col" class="num">Not home</th></tr></thead>
        <tbody>
          <For each={SERVICE_TYPES}>
            {(type) => (
              <tr data-service-type={type}>
                <th scope="row">{serviceTypeSpec(props.settings, type).label}</th>
                <td class="num">{v().serviceCv[type].toFixed(2)}</td>
                <td class="num">{formatShare(v().notHome[type])}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </fieldset>
  );
}
