// The order form's rules and contact: windows (add/remove rows, none = any
// time), priority, crew and skills overrides, soft lateness, notes and contact.
import { For, Show, type JSX } from 'solid-js';
import { serviceTypeSpec } from '../../domain/service-types';
import { EditorField, type EditorFieldProps } from '../fleet/EditorField';
import type { OrderSectionProps, OrderTextKey } from './order-form-types';

/** Windows, priority, overrides, lateness, notes and contact. */
export function OrderFormRules(props: OrderSectionProps): JSX.Element {
  const field = (label: string, key: OrderTextKey, extra: Partial<EditorFieldProps> = {}) => (
    <EditorField label={label} value={props.draft[key]} issues={props.issuesAt(label)} onInput={(text) => props.set(key, label, text)} {...extra} />
  );
  const spec = () => serviceTypeSpec(props.scenario.settings, props.draft.serviceType);
  const num = { numeric: true, size: 'short' as const };
  return (
    <>
      <OrderWindows {...props} />
      <fieldset class="editor-section">
        <legend class="section-title">Rules</legend>
        <div class="editor-row">
          {field('Priority', 'priority', { ...num, hint: '0 (lowest) to 10.' })}
          {field('Crew size', 'crewSize', { ...num, hint: `Blank = the service type's (${spec().crewSize}).` })}
          {field('Skills', 'skills', { size: 'wide', hint: `Comma-separated; blank = the service type's (${spec().skills.join(', ') || 'none'}).` })}
          {field('Late allowance (min)', 'lateMax', { ...num, hint: 'Blank = the window is hard.' })}
          {field('Late cost per minute', 'lateCost', num)}
        </div>
      </fieldset>
      <fieldset class="editor-section">
        <legend class="section-title">Notes and contact</legend>
        <div class="editor-row">
          {field('Notes', 'notes', { size: 'wide' })}
          {field('Phone', 'phone', { type: 'tel' })}
          {field('Email', 'email', { type: 'email', size: 'wide' })}
        </div>
      </fieldset>
    </>
  );
}

/** The windows: one row each ("Window N start", "Window N end"), added and removed by buttons. */
function OrderWindows(props: OrderSectionProps): JSX.Element {
  const setWindow = (i: number, key: 'start' | 'end', text: string) => {
    props.setDraft('windows', i, key, text);
    props.touch(`Window ${i + 1} ${key}`);
  };
  return (
    <fieldset class="editor-section">
      <legend class="section-title">Time windows</legend>
      <Show when={props.draft.windows.length === 0}><p class="muted">No window: any time of the day.</p></Show>
      <For each={props.draft.windows}>
        {(w, i) => (
          <div class="editor-row" role="group" aria-label={`Window ${i() + 1}`}>
            <EditorField label={`Window ${i() + 1} start`} size="short" placeholder="HH:MM" value={w.start} issues={props.issuesAt(`Window ${i() + 1} start`)} onInput={(t) => setWindow(i(), 'start', t)} />
            <EditorField label={`Window ${i() + 1} end`} size="short" placeholder="HH:MM" value={w.end} issues={props.issuesAt(`Window ${i() + 1} end`)} onInput={(t) => setWindow(i(), 'end', t)} />
            <button type="button" class="btn btn--small editor-row__remove" aria-label={`Remove window ${i() + 1}`} onClick={() => props.setDraft('windows', (ws) => ws.filter((_, j) => j !== i()))}>Remove</button>
          </div>
        )}
      </For>
      <div><button type="button" class="btn btn--small" onClick={() => props.setDraft('windows', (ws) => [...ws, { start: '', end: '' }])}>Add window</button></div>
    </fieldset>
  );
}
