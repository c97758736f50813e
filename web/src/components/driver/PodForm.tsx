// "Done" → the proof-of-delivery form: photo, "Signature", "Recipient", "Note",
// time (now, on Save) and position (when allowed; never waited for), "Save".
import { createSignal, type JSX } from 'solid-js';
import type { PodMedia } from '../../domain/day/events';
import type { DriverStop } from '../../domain/handoff/driver-route';
import type { DriverStore } from './DriverApp';
import { PhotoInput } from './PhotoInput';
import { SignaturePad, type SignatureHandle } from './SignaturePad';
import { FormTail } from './FormTail';
import { positionText, usePosition } from './use-position';

/** The done form of a stop. */
export function PodForm(props: { stop: DriverStop; store: DriverStore; onClose: () => void }): JSX.Element {
  const [, actions] = props.store;
  const [photos, setPhotos] = createSignal<PodMedia[]>([]);
  const [busy, setBusy] = createSignal(false);
  const [recipient, setRecipient] = createSignal('');
  const [note, setNote] = createSignal('');
  const { fix, asked } = usePosition();
  let signature: SignatureHandle | undefined;
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const drawn = signature?.media() ?? null;
    const media = [...photos(), ...(drawn ? [drawn] : [])];
    setBusy(true);
    const saved = await actions.report(props.stop, {
      type: 'done',
      pod: { recipient: recipient(), note: note(), signature: drawn?.id, photos: photos().map((p) => p.id), ...(fix() ?? {}) },
    }, media);
    setBusy(false);
    // Not stored (the message says why): the form stays open with what was entered.
    if (saved) props.onClose();
  };
  return (
    <form class="driver-form" aria-label="Proof of delivery" onSubmit={(e) => void save(e)}>
      <PhotoInput photos={photos()} onChange={setPhotos} onBusy={setBusy} />
      <SignaturePad ref={(handle) => { signature = handle; }} />
      <label class="driver-field">
        <span>Recipient</span>
        <input type="text" autocomplete="off" value={recipient()} onInput={(e) => setRecipient(e.currentTarget.value)} />
      </label>
      <FormTail note={note()} onNote={setNote} position={positionText(fix(), asked())} busy={busy()} onClose={props.onClose} />
    </form>
  );
}
