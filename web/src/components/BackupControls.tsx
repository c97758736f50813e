// "Back up everything" and "Restore backup" in the scenario list. A restore
// first says what it will do (added / identical / kept as a copy / replaced when
// asked) and writes only after "Restore".
import { For, Show, type JSX } from 'solid-js';
import { differingIds } from '../io/backup';
import { useApp } from '../store/context';
import { Banner } from './ui/Banner';

/** The two buttons, the restore preview and the outcome. */
export function BackupControls(): JSX.Element {
  const { backup: [state, actions] } = useApp();
  let input!: HTMLInputElement;
  const chosen = () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void actions.choose(file);
  };
  return (
    <section class="backup" aria-label="Backup">
      <div class="row-line">
        <button type="button" class="btn" disabled={state.busy} onClick={() => void actions.backUp()}>Back up everything</button>
        <button type="button" class="btn" disabled={state.busy} onClick={() => input.click()}>Restore backup</button>
        <input ref={input} type="file" accept=".json,application/json" aria-label="Backup file" hidden onChange={chosen} />
      </div>
      <Show when={state.error}>
        {(message) => <Banner tone="error" title="Backup" onDismiss={actions.dismiss}><span>{message()}</span></Banner>}
      </Show>
      <Show when={state.done}>
        {(message) => <Banner tone="info" onDismiss={actions.dismiss}><span>{message()}</span></Banner>}
      </Show>
      <Show when={state.preview}>
        {(preview) => (
          <div class="banner banner--info" role="group" aria-label="Restore preview">
            <div class="banner__body">
              <strong class="banner__title">Restore {preview().fileName}{preview().createdAt ? ` (backed up ${preview().createdAt.slice(0, 16).replace('T', ' ')} UTC)` : ''}?</strong>
              <For each={preview().summary}>{(line) => <p>{line}</p>}</For>
              <Show when={preview().problems.length > 0}>
                <p>Not restored or changed:</p>
                <ul><For each={preview().problems}>{(problem) => <li>{problem}</li>}</For></ul>
              </Show>
              <Show when={differingIds(preview().items).length > 0}>
                <label>
                  <input type="checkbox" checked={preview().replace} onChange={(e) => void actions.setReplace(e.currentTarget.checked)} />
                  {' '}Replace the {differingIds(preview().items).length} scenario(s) here that differ, instead of adding copies
                </label>
              </Show>
              <span class="row-line">
                <button type="button" class="btn btn--primary btn--small" disabled={state.busy} onClick={() => void actions.confirm()}>Restore</button>
                <button type="button" class="btn btn--small" onClick={() => actions.cancel()}>Cancel</button>
              </span>
            </div>
          </div>
        )}
      </Show>
    </section>
  );
}
