// The storage problem strip below the header: a full disk, a failed write, data
// that cannot be opened, or another tab that saved a newer copy of the scenario
// (then two ways out that lose nothing: take the newer copy or keep this one as a copy).
import { Show, type JSX } from 'solid-js';
import { useApp } from '../store/context';
import type { StorageError } from '../store/persist';
import { Banner } from './ui/Banner';

const TITLE: Record<StorageError['kind'], string> = {
  quota: 'Storage full',
  write: 'Storage problem',
  read: 'Storage problem',
  restore: 'Storage problem',
  conflict: 'Changed in another tab',
};

/** Shows the current storage error, if any. */
export function StorageBanner(): JSX.Element {
  const { persist } = useApp();
  return (
    <Show when={persist.storageError()}>
      {(error) => (
        <Banner tone={error().kind === 'restore' ? 'warning' : 'error'} title={TITLE[error().kind]}
          onDismiss={error().kind === 'conflict' ? undefined : persist.dismissStorageError}>
          <span>{error().message}</span>
          <Show when={error().kind === 'conflict'}>
            <span class="row-line">
              <button type="button" class="btn btn--small" onClick={() => void persist.resolveConflict('theirs')}>Open the newer version</button>
              <button type="button" class="btn btn--small btn--primary" onClick={() => void persist.resolveConflict('copy')}>Save mine as a copy</button>
            </span>
          </Show>
        </Banner>
      )}
    </Show>
  );
}
