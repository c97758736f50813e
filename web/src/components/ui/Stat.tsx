// One labelled figure in a KPI strip ("Cost 1,234.50").
import type { JSX } from 'solid-js';

/** A `dt`/`dd` pair; use inside a `dl`. `hint` says more about the value (a tooltip). */
export function Stat(props: { label: string; value: string; tone?: 'warning'; hint?: string }): JSX.Element {
  return (
    <div class={`stat${props.tone ? ` stat--${props.tone}` : ''}`} title={props.hint}>
      <dt class="stat__label">{props.label}</dt>
      <dd class="stat__value">{props.value}</dd>
    </div>
  );
}
