// The header's "Import" button and the import dialog it opens. A badge counts
// rows kept aside from the last import until they are fixed or removed.
import { Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import { lazyPart } from './ui/lazy-parts';
import { WindowPart } from './ui/PartShell';

const ImportDialog = lazyPart(() => import('./ImportDialog').then((m) => m.ImportDialog));

/** "Import" button plus its dialog. */
export function ImportButton(): JSX.Element {
  const { importer: [state, actions], scenario: [scenario] } = useApp();
  const keptAside = () => (state.lastImport ? state.invalid.length : 0);
  return (
    <>
      <button type="button" class="btn" aria-label="Import" disabled={!scenario.scenario} onClick={() => actions.start()}>
        Import
        <Show when={keptAside() > 0}>
          <span class="badge" aria-hidden="true">{keptAside()}</span>
        </Show>
      </button>
      <WindowPart name="Import" open={state.step !== 'closed'} onClose={actions.close}>
        <ImportDialog />
      </WindowPart>
    </>
  );
}
