// "Failed" → a reason (the events' FAIL_REASONS), an optional photo and note, "Save".
import { createSignal, For, type JSX } from 'solid-js';
import { FAIL_REASONS, type FailReason, type PodMedia } from '../../domain/day/events';
import type { DriverStop } from '../../domain/handoff/driver-route';
import type { DriverStore } from './DriverApp';
import { FAIL_REASON_TEXT } from './labels';
import { PhotoInput } from './PhotoInput';
import { FormTail } from './FormTail';
import { positionText, usePosition } from './use-position';

/** The failed form of a stop. */
export function FailForm(props: { stop: DriverStop; store: DriverStore; onClose: () => void }): JSX.Element {
  const [, actions] = props.store;
  const [reason, setReason] = createSignal<FailReason>('not-home');
  const [photos, setPhotos] = createSignal<PodMedia[]>([]);
  const [note, setNote] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const { fix, asked } = usePosition();
  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    const saved = await actions.report(props.stop, {
      type: 'failed', reason: reason(),
      pod: { note: note(), photos: photos().map((p) => p.id), ...(fix() ?? {}) },
    }, photos());
    setBusy(false);
    // Not stored (the message says why): the form stays open with what was entered.
    if (saved) props.onClose();
  };
  return (
    <form class="driver-form" aria-label="Failed attempt" onSubmit={(e) => void save(e)}>
      <label class="driver-field">
        <span>Reason</span>
        <select value={reason()} onChange={(e) => setReason(e.currentTarget.value as FailReason)}>
          <For each={FAIL_REASONS}>{(r) => <option value={r}>{FAIL_REASON_TEXT[r]}</option>}</For>
        </select>
      </label>
      <PhotoInput photos={photos()} onChange={setPhotos} onBusy={setBusy} />
      <FormTail note={note()} onNote={setNote} position={positionText(fix(), asked())} busy={busy()} onClose={props.onClose} />
    </form>
  );
}
