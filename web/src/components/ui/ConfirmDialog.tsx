// A modal yes/no question on the native <dialog> element (focus trap, Escape to
// cancel, announced as a dialog). Open while `open` is true.
import { createEffect, type JSX } from 'solid-js';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** Colours the confirm button as a risky action. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: JSX.Element;
}

/** Modal confirmation; Escape or Cancel calls `onCancel`. */
export function ConfirmDialog(props: ConfirmDialogProps): JSX.Element {
  let dialog!: HTMLDialogElement;
  createEffect(() => {
    if (props.open && !dialog.open) dialog.showModal();
    else if (!props.open && dialog.open) dialog.close();
  });
  return (
    <dialog ref={dialog} class="confirm-dialog" aria-labelledby="confirm-dialog-title" onCancel={(event) => { event.preventDefault(); props.onCancel(); }}>
      <h2 id="confirm-dialog-title" class="confirm-dialog__title">{props.title}</h2>
      <div class="confirm-dialog__body">{props.children}</div>
      <div class="confirm-dialog__actions">
        <button type="button" class="btn" onClick={() => props.onCancel()}>{props.cancelLabel ?? 'Cancel'}</button>
        <button type="button" class={`btn ${props.danger ? 'btn--danger' : 'btn--primary'}`} onClick={() => props.onConfirm()}>{props.confirmLabel}</button>
      </div>
    </dialog>
  );
}
