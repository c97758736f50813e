// The vehicle form's breaks: one row per break (window start, end, minutes),
// added and removed by buttons; a break with further windows keeps them.
import { For, Show, type JSX } from 'solid-js';
import { EditorField } from './EditorField';
import { newBreakDraft, type BreakDraft } from './vehicle-draft';
import type { VehicleSectionProps } from './vehicle-form-types';

/** The breaks section. */
export function VehicleBreaks(props: VehicleSectionProps): JSX.Element {
  const set = (i: number, key: 'start' | 'end' | 'minutes', label: string, text: string) => {
    props.setDraft('breaks', i, key, text);
    props.touch(label);
  };
  const remove = (i: number) => props.setDraft('breaks', (breaks) => breaks.filter((_, j) => j !== i));
  return (
    <fieldset class="editor-section">
      <legend class="section-title">Breaks</legend>
      <Show when={props.draft.breaks.length === 0}><p class="muted">No breaks.</p></Show>
      <For each={props.draft.breaks}>
        {(b: BreakDraft, i) => (
          <div class="editor-row" role="group" aria-label={`Break ${i() + 1}`}>
            <EditorField label={`Break ${i() + 1} start`} size="short" placeholder="HH:MM" value={b.start} issues={props.issuesAt(`Break ${i() + 1} start`)} onInput={(t) => set(i(), 'start', `Break ${i() + 1} start`, t)} />
            <EditorField label={`Break ${i() + 1} end`} size="short" placeholder="HH:MM" value={b.end} issues={props.issuesAt(`Break ${i() + 1} end`)} onInput={(t) => set(i(), 'end', `Break ${i() + 1} end`, t)} />
            <EditorField label={`Break ${i() + 1} minutes`} size="short" numeric value={b.minutes} issues={props.issuesAt(`Break ${i() + 1} minutes`)} onInput={(t) => set(i(), 'minutes', `Break ${i() + 1} minutes`, t)} />
            <Show when={b.moreWindows.length}><span class="editor-hint">+{b.moreWindows.length} more window(s), kept</span></Show>
            <button type="button" class="btn btn--small editor-row__remove" aria-label={`Remove break ${i() + 1}`} onClick={() => remove(i())}>Remove</button>
          </div>
        )}
      </For>
      <div><button type="button" class="btn btn--small" onClick={() => props.setDraft('breaks', (breaks) => [...breaks, newBreakDraft(breaks)])}>Add break</button></div>
      <p class="editor-hint">The break starts inside its window ("Break N start" to "Break N end") and lasts its minutes.</p>
    </fieldset>
  );
}
