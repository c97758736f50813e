// One labelled figure in a KPI strip ("Cost 1,234.50").
import type { JSX } from 'solid-js';

/** A `dt`/`dd` pair; use inside a `dl`. */
export function Stat(props: { label: string; value: string; tone?: 'warning' }): JSX.Element {
  return (
    <div class={`stat${props.tone ? ` stat--${props.tone}` : ''}`}>
      <dt class="stat__label">{props.label}</dt>
      <dd class="stat__value">{props.value}</dd>
    </div>
  );
}
