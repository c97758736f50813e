// A message strip for errors, warnings and notes. Errors are announced at once
// (role "alert"); the rest politely (role "status").
import { Show, type JSX } from 'solid-js';

/** Tone picks colour and ARIA role. */
export interface BannerProps {
  tone: 'error' | 'warning' | 'info';
  title?: string;
  /** Shows a "Dismiss" button when given. */
  onDismiss?: () => void;
  children?: JSX.Element;
}

/** A coloured message strip with an optional Dismiss button. */
export function Banner(props: BannerProps): JSX.Element {
  return (
    <div class={`banner banner--${props.tone}`} role={props.tone === 'error' ? 'alert' : 'status'}>
      <div class="banner__body">
        <Show when={props.title}>
          <strong class="banner__title">{props.title}</strong>
        </Show>
        {props.children}
      </div>
      <Show when={props.onDismiss}>
        {(dismiss) => (
          <button type="button" class="btn btn--ghost btn--small" onClick={() => dismiss()()}>
            Dismiss
          </button>
        )}
      </Show>
    </div>
  );
}
