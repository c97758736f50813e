// The end both report forms share: "Note", where the phone is, "Save" and "Cancel".
import type { JSX } from 'solid-js';

/** The note field, the position line and the form's buttons. */
export function FormTail(props: { note: string; onNote: (text: string) => void; position: string; busy: boolean; onClose: () => void }): JSX.Element {
  return (
    <>
      <label class="driver-field">
        <span>Note</span>
        <textarea rows="2" value={props.note} onInput={(e) => props.onNote(e.currentTarget.value)} />
      </label>
      <p class="muted">{props.position}</p>
      <div class="driver-actions">
        <button type="submit" class="btn btn--primary" disabled={props.busy}>Save</button>
        <button type="button" class="btn" onClick={() => props.onClose()}>Cancel</button>
      </div>
    </>
  );
}
