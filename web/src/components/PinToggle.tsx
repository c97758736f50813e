// A pin button: pinned stops stay on their vehicle and pinned routes stay as
// they are when the plan is optimized again. Shows a pin icon when pinned.
import type { JSX } from 'solid-js';

/** Toggle button; `label` names what is pinned, e.g. "stop Bakery" or "route Van 1". */
export function PinToggle(props: { pinned: boolean; label: string; onToggle: () => void; disabled?: boolean }): JSX.Element {
  return (
    <button
      type="button"
      class={`pin-toggle${props.pinned ? ' is-pinned' : ''}`}
      aria-pressed={props.pinned}
      aria-label={`Pin ${props.label}`}
      title={props.pinned ? `Pinned — kept when optimizing again. Click to unpin ${props.label}.` : `Pin ${props.label}: keep it when optimizing again`}
      disabled={props.disabled}
      onClick={(event) => {
        event.stopPropagation();
        props.onToggle();
      }}
    >
      <PinIcon />
    </button>
  );
}

/** The pin glyph, drawn in SVG so it renders the same everywhere. */
export function PinIcon(): JSX.Element {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" class="pin-icon">
      <path d="M5 1.5h6l-1 4 2.5 3H3.5L6 5.5z M8 8.5v6" fill="currentColor" stroke="currentColor" stroke-width="1.2" stroke-linejoin="round" />
    </svg>
  );
}
