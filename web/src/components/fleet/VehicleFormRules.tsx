// The vehicle form's rules: equipment and crew (matched against the orders'
// skills), route limits (blank = none), costs and overtime.
import type { JSX } from 'solid-js';
import { EditorField, type EditorFieldProps } from './EditorField';
import type { VehicleSectionProps, VehicleTextKey } from './vehicle-form-types';

/** Features, crew, limits, costs and overtime. */
export function VehicleFormRules(props: VehicleSectionProps): JSX.Element {
  const field = (label: string, key: VehicleTextKey, extra: Partial<EditorFieldProps> = {}) => (
    <EditorField label={label} value={props.draft[key]} issues={props.issuesAt(label)} onInput={(text) => props.set(key, label, text)} {...extra} />
  );
  const num = { numeric: true, size: 'short' as const };
  return (
    <>
      <fieldset class="editor-section">
        <legend class="section-title">Equipment and crew</legend>
        <div class="editor-row">
          {field('Features', 'features', { size: 'wide', placeholder: 'liftgate, ev', hint: 'Comma-separated equipment.' })}
          {field('Crew size', 'crewSize', { ...num, hint: 'Blank = not modelled.' })}
          {field('Crew skills', 'crewSkills', { size: 'wide', placeholder: 'installer, white-glove', hint: 'Comma-separated.' })}
        </div>
      </fieldset>
      <fieldset class="editor-section">
        <legend class="section-title">Limits</legend>
        <div class="editor-row">
          {field('Max stops', 'maxStops', { ...num, hint: 'Blank = no limit.' })}
          {field('Max duration (min)', 'maxDuration', num)}
          {field('Max driving (min)', 'maxDriving', num)}
          {field('Max distance (km)', 'maxDistance', num)}
        </div>
      </fieldset>
      <fieldset class="editor-section">
        <legend class="section-title">Costs</legend>
        <div class="editor-row">
          {field('Fixed cost', 'fixedCost', num)}
          {field('Cost per km', 'perKm', num)}
          {field('Cost per hour', 'perHour', num)}
          {field('Overtime (max min)', 'overtimeMax', { ...num, hint: 'Blank = none.' })}
          {field('Overtime cost per minute', 'overtimeCost', num)}
        </div>
      </fieldset>
    </>
  );
}
