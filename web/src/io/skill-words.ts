// Skills entries that name a service type: a fleet's "Fähigkeiten: Montage" says its crew does installations, which
// the catalogue asks of a crew as the skill "installer"; taken as the word "Montage", no van could take an
// installation and every one was left unassigned. Such an entry is read as the skills its service type needs in
// the scenario's catalogue (orders and vehicles alike, so both sides agree), and the import review says so.
import { formatCount } from '../domain/format';
import type { ServiceType, Settings } from '../domain/scenario';
import { serviceTypeSpec } from '../domain/service-types';
import { normalizeHeader, parseServiceType } from './cell-parse';
import { skillEntryLines } from './import-checks';
import type { ColumnTarget } from './column-map';
import type { Table } from './csv';

/**
 * The service type a skills entry names and the skills that type needs, when it needs some and the entry is not one
 * of them already; null otherwise (a skill of its own, or a type that needs no skill: "Delivery" stays a word).
 * Words under 4 letters ("D", "WG") name no type here.
 */
export function serviceTypeSkills(entry: string, settings: Settings): { type: ServiceType; label: string; skills: string[] } | null {
  if (normalizeHeader(entry).replace(/ /g, '').length < 4) return null;
  const parsed = parseServiceType(entry);
  if (!parsed.ok) return null;
  const spec = serviceTypeSpec(settings, parsed.value);
  const word = entry.trim().toLowerCase();
  if (spec.skills.length === 0 || spec.skills.some((s) => s.toLowerCase() === word)) return null;
  return { type: parsed.value, label: spec.label, skills: [...spec.skills] };
}

/** A skills list with each entry that names a service type replaced by that type's skills (`serviceTypeSkills`). */
export function withServiceTypeSkills(list: readonly string[], settings: Settings | undefined): string[] {
  if (!settings) return [...list];
  return [...new Set(list.flatMap((entry) => serviceTypeSkills(entry, settings)?.skills ?? [entry]))];
}

/**
 * The review's lines for the entries read so: one per entry and column, with the rows that give it, e.g.
 * `“Montage” in Fähigkeiten: the skill Installation needs (installer), 8 vehicles`.
 */
export function serviceSkillLines(table: Table, targets: readonly ColumnTarget[], settings: Settings | undefined, noun: 'order' | 'vehicle'): string[] {
  if (!settings) return [];
  return skillEntryLines(table, targets, (entry) => serviceTypeSkills(entry, settings), (entry, header, read, rows) =>
    `“${entry}” in ${header}: the ${read.skills.length === 1 ? 'skill' : 'skills'} ${read.label} needs (${read.skills.join(', ')}), ${formatCount(rows)} ${rows === 1 ? noun : `${noun}s`}`);
}
