// Form issues by field label: a form shows next to each input the problems
// whose label is that input's label (validate-entity.ts names them so).
import type { FieldIssue } from '../../../domain/validate-entity';

/** The messages about the input labelled `label`, joined, or null when it has none. */
export function issueFor(issues: readonly FieldIssue[], label: string): string | null {
  const messages = [...new Set(issues.filter((i) => i.label === label).map((i) => i.message))];
  return messages.length ? messages.join('; ') : null;
}

/** Issues whose label is none of `shown` (so the form lists them above its buttons, never hides them). */
export function otherIssues(issues: readonly FieldIssue[], shown: readonly string[]): FieldIssue[] {
  return issues.filter((i) => !shown.includes(i.label));
}
