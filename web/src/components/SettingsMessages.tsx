// The Settings dialog's customer messages (issue #13): who signs them, how to
// rebook, the ETA window, and the five templates with their placeholders. An
// unknown placeholder is a warning (it is sent as typed), not an error.
import { For, Show, type JSX } from 'solid-js';
import { DEFAULT_COMPANY, DEFAULT_REBOOK, DEFAULT_TEMPLATES, MESSAGE_KIND_LABELS, MESSAGE_KINDS, PLACEHOLDERS, type MessageKind } from '../domain/messages/templates';
import { unknownPlaceholders } from '../domain/messages/fill';
import { FieldIssues, SettingsField } from './SettingsField';
import type { SettingsSectionProps } from './SettingsUnits';
import './messages/messages.css';

/** Company, rebook text, ETA window and the templates. */
export function SettingsMessages(props: SettingsSectionProps): JSX.Element {
  const draft = () => props.draft.messages!;
  const set = (field: 'company' | 'rebook' | 'etaHalfWidthMinutes' | 'etaRoundMinutes') => (text: string) => props.setDraft('messages', field, text);
  const at = (field: string) => `settings.messages.${field}`;
  return (
    <Show when={props.draft.messages}>
      <fieldset class="settings-section">
        <legend class="section-title">Customer messages</legend>
        <p class="settings-hint">
          Placeholders: <For each={Object.entries(PLACEHOLDERS)}>{([name, meaning], i) => <>{i() ? '; ' : ''}<code>{`{${name}}`}</code> {meaning}</>}</For>.
        </p>
        <div class="settings-row">
          <SettingsField path={at('company')} label="Company name" value={draft().company} hint={`Empty: “${DEFAULT_COMPANY}”.`}
            onInput={set('company')} issues={props.issuesAt(at('company'))} class="settings-field--wide" />
          <SettingsField path={at('rebook')} label="How to rebook" value={draft().rebook} hint={`Empty: “${DEFAULT_REBOOK}”.`}
            onInput={set('rebook')} issues={props.issuesAt(at('rebook'))} class="settings-field--wide" />
          <SettingsField path={at('etaHalfWidthMinutes')} label="ETA window, minutes either side" numeric value={draft().etaHalfWidthMinutes}
            onInput={set('etaHalfWidthMinutes')} issues={props.issuesAt(at('etaHalfWidthMinutes'))} />
          <SettingsField path={at('etaRoundMinutes')} label="ETA window, rounded to minutes" numeric value={draft().etaRoundMinutes}
            onInput={set('etaRoundMinutes')} issues={props.issuesAt(at('etaRoundMinutes'))} />
        </div>
        <For each={[...MESSAGE_KINDS]}>{(kind) => <TemplateEditor {...props} kind={kind} />}</For>
      </fieldset>
    </Show>
  );
}

function TemplateEditor(props: SettingsSectionProps & { kind: MessageKind }): JSX.Element {
  const template = () => props.draft.messages!.templates[props.kind];
  const path = (part: string) => `settings.messages.templates.${props.kind}.${part}`;
  const label = MESSAGE_KIND_LABELS[props.kind];
  const unknown = () => [...new Set([...unknownPlaceholders(template().subject), ...unknownPlaceholders(template().body)])];
  const isDefault = () => template().subject === DEFAULT_TEMPLATES[props.kind].subject && template().body === DEFAULT_TEMPLATES[props.kind].body;
  return (
    <div class="settings-template composer" data-kind={props.kind}>
      <SettingsField path={path('subject')} label={`${label}: subject`} value={template().subject} class="settings-field--wide"
        onInput={(text) => props.setDraft('messages', 'templates', props.kind, 'subject', text)} issues={props.issuesAt(path('subject'))} />
      <label class="field">
        <span class="field__label">{label}: text</span>
        <textarea value={template().body} data-path={path('body')} aria-invalid={props.issuesAt(path('body')).length > 0}
          onInput={(e) => props.setDraft('messages', 'templates', props.kind, 'body', e.currentTarget.value)} />
      </label>
      <FieldIssues issues={props.issuesAt(path('body'))} />
      <Show when={unknown().length}>
        <p class="note" role="status">Unknown placeholder{unknown().length > 1 ? 's' : ''} {unknown().map((n) => `{${n}}`).join(', ')}: sent as typed.</p>
      </Show>
      <div>
        <button type="button" class="btn btn--small" disabled={isDefault()} aria-label={`Reset ${label} to the default`}
          onClick={() => props.setDraft('messages', 'templates', props.kind, { ...DEFAULT_TEMPLATES[props.kind] })}>Reset to default</button>
      </div>
    </div>
  );
}
