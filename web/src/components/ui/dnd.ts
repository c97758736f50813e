// HTML5 drag and drop of stops, shared by the route list, the timeline and the
// unassigned panel: a drag source carries an order id; a drop target turns the
// pointer position into a move target and lets the edit store preview it.
import type { JSX } from 'solid-js';
import type { MoveTarget } from '../../plan/move';
import type { EditStore } from '../../store/edit';

/** MIME type of a dragged stop, so other drags (files, text) are never taken for one. */
export const STOP_DRAG_TYPE = 'application/x-fmp-stop';

type DragProps = Pick<JSX.HTMLAttributes<HTMLElement>, 'draggable' | 'onDragStart' | 'onDragEnd'>;
type DropProps = Pick<JSX.HTMLAttributes<HTMLElement>, 'onDragOver' | 'onDragLeave' | 'onDrop'>;

/** Props that make an element drag the stop of `orderId` (disabled: not draggable). */
export function dragSource([, actions]: EditStore, orderId: () => string, disabled: () => boolean = () => false): DragProps {
  return {
    get draggable() { return !disabled(); },
    onDragStart(event) {
      if (!disabled()) startStopDrag(actions, event, orderId());
    },
    onDragEnd() {
      actions.endDrag();
    },
  };
}

/**
 * Starts dragging the stop of `orderId` (a dragstart event's handler; an event without data to carry is left
 * alone). For elements that set their own handlers, like the timeline's bars; others use `dragSource`.
 */
export function startStopDrag(actions: EditStore[1], event: DragEvent, orderId: string): void {
  if (!event.dataTransfer) return;
  event.dataTransfer.setData(STOP_DRAG_TYPE, orderId);
  event.dataTransfer.setData('text/plain', orderId);
  event.dataTransfer.effectAllowed = 'move';
  event.stopPropagation();
  actions.startDrag(orderId);
}

/** Props that make an element accept dropped stops; `target` reads the drop position from the event. */
export function dropTarget([state, actions]: EditStore, target: (event: DragEvent, orderId: string) => MoveTarget | null): DropProps {
  return {
    onDragOver(event) {
      const orderId = state.dragging;
      if (!orderId) return;
      const resolved = target(event, orderId);
      if (!resolved) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      actions.hover(resolved);
    },
    onDragLeave(event) {
      const into = event.relatedTarget as Node | null;
      if (!into || !event.currentTarget.contains(into)) actions.hover(null);
    },
    onDrop(event) {
      if (!state.dragging) return;
      event.preventDefault();
      event.stopPropagation();
      actions.drop();
    },
  };
}
