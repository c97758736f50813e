// A modal dialog on the native <dialog> element: focus is trapped and Escape
// closes it (the browser does both), the title names it for screen readers.
import { createEffect, createUniqueId, onCleanup, Show, type JSX } from 'solid-js';
import '../../workbench.css';

/** Props of the modal. */
export interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  /** Extra class on the <dialog> (e.g. `dialog--wide`). */
  class?: string;
  /** Buttons in the footer, right-aligned. */
  footer?: JSX.Element;
  children: JSX.Element;
}

/** A modal window with a title bar, a scrolling body and an optional footer. */
export function Dialog(props: DialogProps): JSX.Element {
  let element!: HTMLDialogElement;
  const titleId = createUniqueId();
  createEffect(() => {
    if (props.open && !element.open) element.showModal();
    if (!props.open && element.open) element.close();
  });
  onCleanup(() => element?.open && element.close());
  return (
    <dialog
      ref={element}
      class={`dialog ${props.class ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => { event.preventDefault(); props.onClose(); }}
    >
      <Show when={props.open}>
        <header class="dialog__header">
          <h2 id={titleId} class="dialog__title">{props.title}</h2>
          <button type="button" class="btn btn--ghost btn--small" aria-label="Close" onClick={() => props.onClose()}>✕</button>
        </header>
        <div class="dialog__body">{props.children}</div>
        <Show when={props.footer}>
          <footer class="dialog__footer">{props.footer}</footer>
        </Show>
      </Show>
    </dialog>
  );
}
