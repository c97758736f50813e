// The "This device" section of the Settings dialog: preferences kept on this device rather than in
// the scenario (io/device-prefs.ts). Edited as text like the other fields and saved with the form.
import type { JSX } from 'solid-js';
import { MAX_SOLVER_WORKERS, defaultSolverWorkers, parseSolverWorkers } from '../io/device-prefs';
import type { FieldIssue } from './settings-draft';
import { SettingsField } from './SettingsField';

const PATH = 'device.solverWorkers';

/** The issues of a "Solver workers" draft (none when it is a valid count). */
export function solverWorkersIssues(text: string): FieldIssue[] {
  const parsed = parseSolverWorkers(text);
  return typeof parsed === 'string' ? [{ path: PATH, label: 'Solver workers', message: parsed }] : [];
}

/** The section; `value` is the draft text. */
export function SettingsDevice(props: { value: string; onInput: (text: string) => void }): JSX.Element {
  return (
    <fieldset class="settings-section">
      <legend class="section-title">This device</legend>
      <p class="settings-hint">
        Optimize runs this many solvers side by side, sharing their best plan (1 to {MAX_SOLVER_WORKERS}; this device's default is {defaultSolverWorkers()}).
        Kept on this device, not in the scenario.
      </p>
      <SettingsField path={PATH} label="Solver workers" numeric value={props.value} onInput={props.onInput} issues={solverWorkersIssues(props.value)} />
    </fieldset>
  );
}
