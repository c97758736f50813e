// Text-like inputs on top of Field. They keep exactly what was typed (the form
// holds text, converted only on Save), so nothing entered is lost on an error.
import type { JSX } from 'solid-js';
import { Field } from './Field';

/** Props shared by the inputs: label, current text, change callback, error. */
export interface TextInputProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | null;
  hint?: string;
  type?: 'text' | 'date' | 'time' | 'number';
  placeholder?: string;
  inputMode?: 'text' | 'decimal' | 'numeric';
  /** Focus the input when it appears. */
  autofocus?: boolean;
  class?: string;
  /** Extra controls after the input (e.g. a "Place on map" button). */
  after?: JSX.Element;
}

/** A labelled single-line input. */
export function TextInput(props: TextInputProps): JSX.Element {
  return (
    <Field label={props.label} error={props.error} hint={props.hint} class={props.class}>
      {(control) => (
        <div class="form-field__control">
          <input
            id={control.id}
            aria-invalid={control['aria-invalid']}
            aria-describedby={control['aria-describedby']}
            type={props.type ?? 'text'}
            value={props.value}
            placeholder={props.placeholder}
            inputmode={props.inputMode}
            autocomplete="off"
            ref={(el) => props.autofocus && queueMicrotask(() => el.focus())}
            onInput={(event) => props.onInput(event.currentTarget.value)}
          />
          {props.after}
        </div>
      )}
    </Field>
  );
}

/** A time of day typed as HH:MM (also "7", "730", "7h30"; "+1" for the next day). */
export function TimeInput(props: Omit<TextInputProps, 'type' | 'placeholder'>): JSX.Element {
  return <TextInput {...props} class={`form-field--time ${props.class ?? ''}`} placeholder="HH:MM" inputMode="text" />;
}

/** A place typed as "lat, lng"; with `onPick`, a "Place on map" button lets the next map click fill it. */
export function LatLngInput(props: Omit<TextInputProps, 'type' | 'placeholder' | 'after'> & { onPick?: () => void; picking?: boolean }): JSX.Element {
  return (
    <TextInput
      {...props}
      placeholder="45.52, -122.68"
      hint={props.hint ?? (props.picking ? 'Click the map to place it…' : 'Latitude, longitude in decimal degrees')}
      after={props.onPick ? <button type="button" class="btn btn--small" aria-pressed={!!props.picking} onClick={() => props.onPick?.()}>Place on map</button> : undefined}
    />
  );
}
