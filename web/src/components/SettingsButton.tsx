// The header's "Settings" button and the settings dialog it opens.
import { createSignal, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import { lazyPart } from './ui/lazy-parts';
import { WindowPart } from './ui/PartShell';

const SettingsDialog = lazyPart(() => import('./SettingsDialog').then((m) => m.SettingsDialog));

/** "Settings" button plus its dialog. */
export function SettingsButton(): JSX.Element {
  const { scenario: [state] } = useApp();
  const [open, setOpen] = createSignal(false);
  return (
    <>
      <button type="button" class="btn" disabled={!state.scenario} onClick={() => setOpen(true)}>Settings</button>
      <WindowPart name="Settings" open={open()} onClose={() => setOpen(false)}>
        <SettingsDialog open={open()} onClose={() => setOpen(false)} />
      </WindowPart>
    </>
  );
}
