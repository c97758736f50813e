// Filling a template: `{name}` placeholders replaced by their values in one pass
// (a value is inserted as text, never expanded again). A placeholder the planner
// does not know, or one without a value here, stays visible and is reported.
import { PLACEHOLDER_NAMES } from './templates';

/** A filled template and what could not be filled. */
export interface FilledTemplate {
  text: string;
  /** Placeholders that are no known name (a typo such as `{custmer}`), in order of first use. */
  unknown: string[];
  /** Known placeholders without a value for this stop (e.g. `{eta_window}` of an unassigned order). */
  missing: string[];
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/**
 * Replaces every `{name}` of `template` by `values[name]`. Never throws: a name
 * neither in `values` nor in `known` is left as typed and listed in `unknown`;
 * a known name without a value is left as typed and listed in `missing`.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  known: readonly string[] = PLACEHOLDER_NAMES,
): FilledTemplate {
  const unknown: string[] = [];
  const missing: string[] = [];
  const note = (list: string[], name: string) => { if (!list.includes(name)) list.push(name); };
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
    if (value !== undefined) return value;
    note(known.includes(name) ? missing : unknown, name);
    return whole;
  });
  return { text, unknown, missing };
}

/** Placeholders of a template that are no known name (for warnings while editing). */
export function unknownPlaceholders(template: string, known: readonly string[] = PLACEHOLDER_NAMES): string[] {
  return fillTemplate(template, {}, known).unknown;
}
