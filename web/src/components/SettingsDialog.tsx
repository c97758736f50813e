// The Settings dialog: travel model, map background, capacity units and the
// service-type catalogue, edited as a draft. Save applies the draft only when it
// has no problems (each shown next to its field); Cancel or Escape discards it.
import { createMemo, createSignal, For, Show, untrack, type JSX } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import type { Scenario } from '../domain/scenario';
import { useApp } from '../store/context';
import { draftOf, ON_TIME_TARGET_LABEL, settingsFromDraft, type FieldIssue } from './settings-draft';
import { FieldIssues, SettingsField } from './SettingsField';
import { readSolverWorkers, writeSolverWorkers } from '../io/device-prefs';
import { SettingsDevice, solverWorkersIssues } from './SettingsDevice';
import { SettingsGeocoding } from './SettingsGeocoding';
import { SettingsMapArchive } from './SettingsMapArchive';
import { SettingsMessages } from './SettingsMessages';
import { SettingsRouting } from './SettingsRouting';
import { SettingsServiceTypes } from './SettingsServiceTypes';
import { SettingsStorage } from './SettingsStorage';
import { SettingsUnits, type SettingsSectionProps } from './SettingsUnits';
import { SettingsVariability } from './SettingsVariability';
import { Dialog } from './ui/Dialog';

/** The modal; a fresh draft of the open scenario's settings each time it opens. */
export function SettingsDialog(props: { open: boolean; onClose: () => void }): JSX.Element {
  const { scenario: [, actions] } = useApp();
  return (
    <Dialog title="Settings" open={props.open} onClose={props.onClose} class="dialog--medium">
      {/* Read once per opening: the draft starts from the settings as they are now. */}
      <Show when={untrack(actions.snapshot)} keyed>{(base) => <SettingsForm base={base} onClose={props.onClose} />}</Show>
    </Dialog>
  );
}

/** Paths the form shows an input or section for; other issues are listed above the buttons. */
function shownAt(path: string, speedTypes: string[]): boolean {
  if (/^settings\.(circuityFactor|onTimeTarget|tileUrl|tileAttribution|geocodeUrl|geocodeIntervalMs|capacityUnits(\[\d+\])?)$/.test(path)) return true;
  if (path.startsWith('settings.messages.') || path.startsWith('settings.routingProfiles.') || path === 'settings.routingUrl') return true;
  if (path === 'device.solverWorkers') return true;
  if (/^settings\.serviceTypes\.[^.]+\.(baseMinutes|minutesPerItem|crewSize|skills)$/.test(path)) return true;
  return speedTypes.some((type) => path === `settings.speedKmh.${type}`);
}

function SettingsForm(props: { base: Scenario; onClose: () => void }): JSX.Element {
  const { scenario: [, actions] } = useApp();
  const [draft, setDraft] = createStore(draftOf(props.base));
  const [refused, setRefused] = createSignal(0);
  const [workers, setWorkers] = createSignal(String(readSolverWorkers()));
  const scenarioResult = createMemo(() => settingsFromDraft(props.base, draft));
  const result = () => ({ ...scenarioResult(), issues: [...scenarioResult().issues, ...solverWorkersIssues(workers())] });
  const issuesAt = (path: string) => result().issues.filter((i) => i.path === path);
  const others = () => result().issues.filter((i) => !shownAt(i.path, Object.keys(draft.speedKmh)));
  const section: SettingsSectionProps = { base: props.base, draft, setDraft, issuesAt };
  let form!: HTMLFormElement;
  const save = (event: Event) => {
    event.preventDefault();
    const current = actions.snapshot();
    if (!current) return;
    const { settings, unitSources, issues } = settingsFromDraft(current, unwrap(draft));
    if (issues.length || solverWorkersIssues(workers()).length) {
      setRefused(issues.length);
      form.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    actions.updateSettings(settings, unitSources);
    writeSolverWorkers(Number(workers()));
    props.onClose();
  };
  return (
    <form ref={form} class="settings-form" onSubmit={save} novalidate>
      <fieldset class="settings-section">
        <legend class="section-title">Travel model</legend>
        <p class="settings-hint">Road distance = straight-line distance × circuity factor, driven at the urban speed of the vehicle's type.</p>
        <div class="settings-row">
          <SettingsField path="settings.circuityFactor" label="Circuity factor" numeric value={draft.circuityFactor}
            onInput={(text) => setDraft('circuityFactor', text)} issues={issuesAt('settings.circuityFactor')} />
          <For each={Object.keys(draft.speedKmh)}>
            {(type) => (
              <SettingsField path={`settings.speedKmh.${type}`} label={`Urban speed, ${type} (km/h)`} numeric value={draft.speedKmh[type]}
                onInput={(text) => setDraft('speedKmh', type, text)} issues={issuesAt(`settings.speedKmh.${type}`)} />
            )}
          </For>
        </div>
      </fieldset>
      <fieldset class="settings-section">
        <legend class="section-title">Robust planning</legend>
        <SettingsField path="settings.onTimeTarget" label={ON_TIME_TARGET_LABEL} numeric value={draft.onTimeTarget ?? ''}
          hint="Share of days on which each stop should start inside its window (0–99 %); the solver keeps slack for it. Empty or 0: plan with the average times."
          onInput={(text) => setDraft('onTimeTarget', text)} issues={issuesAt('settings.onTimeTarget')} />
      </fieldset>
      <SettingsRouting {...section} />
      <fieldset class="settings-section">
        <legend class="section-title">Map</legend>
        <SettingsField path="settings.tileUrl" label="Map tile URL" class="settings-field--wide" value={draft.tileUrl}
          hint="A template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png. Leave empty for a plain background that works offline."
          onInput={(text) => setDraft('tileUrl', text)} issues={issuesAt('settings.tileUrl')} />
        <SettingsField path="settings.tileAttribution" label="Map attribution" class="settings-field--wide" value={draft.tileAttribution}
          onInput={(text) => setDraft('tileAttribution', text)} issues={issuesAt('settings.tileAttribution')} />
        <SettingsMapArchive />
      </fieldset>
      <SettingsGeocoding {...section} />
      <SettingsUnits {...section} />
      <SettingsServiceTypes {...section} />
      <SettingsVariability settings={props.base.settings} />
      <SettingsMessages {...section} />
      <SettingsDevice value={workers()} onInput={setWorkers} />
      <SettingsStorage />
      <footer class="dialog__footer">
        <FieldIssues issues={others()} />
        <Show when={refused() && result().issues.length}>
          <p class="issue" role="alert">Not saved: fix the {result().issues.length === 1 ? 'problem' : `${result().issues.length} problems`} marked above first.</p>
        </Show>
        <span class="spacer" />
        <button type="button" class="btn" onClick={() => props.onClose()}>Cancel</button>
        <button type="submit" class="btn btn--primary">Save</button>
      </footer>
    </form>
  );
}
