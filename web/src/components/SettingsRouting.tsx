// The Settings dialog's routing service (issue #14): the URL of an OSRM-compatible
// `table` service (off when empty) and its profile per vehicle type, with a plain
// notice that the coordinates of every depot and order are sent to that host.
import { createSignal, For, Show, type JSX } from 'solid-js';
import { admissionNow } from '../csp-boot';
import { sourcesOfUrl } from '../csp-policy';
import { parseCsv } from '../io/csv';
import { importMatrixCsv } from '../io/matrix-csv';
import { useApp } from '../store/context';
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
      <MatrixImport />
    </fieldset>
  );
}

/** "Import travel matrix (CSV)": applied at once when the whole file is good, else its problems listed. */
function MatrixImport(): JSX.Element {
  const { scenario: [, actions] } = useApp();
  const [errors, setErrors] = createSignal<string[]>([]);
  const [done, setDone] = createSignal('');
  const onFile = async (event: Event & { currentTarget: HTMLInputElement }) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    const current = actions.snapshot();
    if (!file || !current) return;
    setDone('');
    try {
      const result = importMatrixCsv(await parseCsv(file), current);
      if (!result.ok) return void setErrors(result.errors);
      setErrors([]);
      actions.replace({ ...result.scenario, revision: current.revision + 1 });
      setDone(`Travel matrix imported: ${result.pairs} pairs. Optimize to plan with it.`);
    } catch (error) {
      setErrors([`${file.name}: ${error instanceof Error ? error.message : String(error)}`]);
    }
  };
  return (
    <div class="settings-field settings-field--wide">
      <label class="field">
        <span class="field__label">Import travel matrix (CSV)</span>
        <input type="file" accept=".csv,.tsv,.txt" onChange={(e) => void onFile(e)} />
      </label>
      <span class="settings-hint">Columns from,to,seconds,metres; from and to are depot and order ids (a pickup: its order id followed by #pickup). A routing service, when set, is used instead.</span>
      <Show when={done()}><p class="muted" role="status">{done()}</p></Show>
      <Show when={errors().length > 0}>
        <ul class="issue" role="alert" aria-label="Travel matrix problems"><For each={errors()}>{(e) => <li>{e}</li>}</For></ul>
      </Show>
    </div>
  );
}
