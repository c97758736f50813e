// "Send status": the status file (events + POD media) through the share sheet
// when the phone can share files, else a download; and a QR code of the events
// alone when they fit in one (the dispatcher scans or pastes it).
import { createSignal, Show, type JSX } from 'solid-js';
import { plural } from '../../domain/format';
import { downloadText, MIME } from '../../io/download';
import { statusQrImage } from '../../io/status-qr';
import type { StatusHandout } from '../../store/driver';
import type { DriverStore } from './DriverApp';

/** Hands the file to the share sheet; false when the phone cannot share files (or sharing failed). */
async function shareFile(handout: StatusHandout): Promise<boolean> {
  const file = new File([handout.text], handout.fileName, { type: MIME.json });
  if (typeof navigator.share !== 'function' || !navigator.canShare?.({ files: [file] })) return false;
  try {
    await navigator.share({ files: [file], title: handout.fileName });
    return true;
  } catch (error) {
    // The driver closed the sheet: nothing to fall back to. Any other failure: download instead.
    return (error as DOMException).name === 'AbortError';
  }
}

/** The "Send status" section. */
export function SendStatus(props: { store: DriverStore }): JSX.Element {
  const [state, actions] = props.store;
  const [handout, setHandout] = createSignal<StatusHandout | null>(null);
  const [qr, setQr] = createSignal<string | null>(null);
  const [error, setError] = createSignal('');
  const send = async () => {
    setError('');
    try {
      const made = await actions.statusFile();
      setHandout(made);
      setQr(await statusQrImage(made.qrText));
      if (!(await shareFile(made))) downloadText(made.fileName, MIME.json, made.text);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section class="driver-send" aria-label="Status">
      <button type="button" class="btn btn--primary driver-send__button" onClick={() => void send()}>Send status</button>
      <p class="muted">{plural(state.log.length, 'event')} on this phone.</p>
      <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
      <Show when={handout()}>{(made) => (
        <div class="driver-send__result">
          <p>Status file {made().fileName} ready.</p>
          <Show when={made().missing.length}><p class="field-error">{made().missing.length} photos or signatures are missing on this phone.</p></Show>
          <button type="button" class="btn" onClick={() => downloadText(made().fileName, MIME.json, made().text)}>Download status file</button>
          <Show when={qr()} fallback={<p>The events are too many for a QR code: send the file instead.</p>}>
            {(src) => <img class="driver-qr" src={src()} alt="QR code of the status events (no photos or signatures)" />}
          </Show>
        </div>
      )}</Show>
    </section>
  );
}
