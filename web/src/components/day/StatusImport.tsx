// Status back from drivers (issue #13), beside "Import events" (which takes a
// status file too): "Paste status" (the JSON a driver's QR holds, or a whole
// status file) and "Scan status QR" (shown only when a camera is there). The
// outcome is the day's message: what was added, "Nothing new", or the JSON path of a problem.
import { createResource, createSignal, lazy, Show, type JSX } from 'solid-js';
import { hasCamera } from '../../io/camera';
import { useApp } from '../../store/context';

/**
 * The camera view and its QR decoder (jsQR, a fifth of the planner's bundle) load when a scan is
 * first opened: every start of the app parsed and compiled them, and cached their code, for a rarely used button.
 */
const QrScan = lazy(() => import('./QrScan').then((m) => ({ default: m.QrScan })));

/** The two buttons and, when opened, the paste box or the camera. */
export function StatusImport(): JSX.Element {
  const { pod: [podState, podActions] } = useApp();
  const [open, setOpen] = createSignal<'paste' | 'scan' | null>(null);
  const [text, setText] = createSignal('');
  const [camera] = createResource(hasCamera);
  const toggle = (what: 'paste' | 'scan') => setOpen(open() === what ? null : what);
  const importPasted = async () => {
    if (await podActions.importStatus(text())) {
      setText('');
      setOpen(null);
    }
  };
  const scanned = (value: string) => {
    setOpen(null);
    void podActions.importStatus(value);
  };
  return (
    <div class="status-import">
      <div class="row-line">
        <button type="button" class="btn btn--small" aria-expanded={open() === 'paste'} onClick={() => toggle('paste')}>Paste status</button>
        <Show when={camera()}>
          <button type="button" class="btn btn--small" aria-expanded={open() === 'scan'} onClick={() => toggle('scan')}>Scan status QR</button>
        </Show>
      </div>
      <Show when={open() === 'paste'}>
        <div class="status-import__paste">
          <label class="field">
            <span>Status (JSON from a driver’s QR code or status file)</span>
            <textarea class="input status-import__text" rows="4" spellcheck={false} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
          <button type="button" class="btn btn--small btn--primary" disabled={!text().trim() || podState.busy} onClick={() => void importPasted()}>Import status</button>
        </div>
      </Show>
      <Show when={open() === 'scan'}>
        <QrScan onText={scanned} onClose={() => setOpen(null)} />
      </Show>
    </div>
  );
}
