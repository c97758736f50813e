// The backup file: every stored scenario record (scenario, plan, pins) in one
// JSON document `{type:"fmp-backup", version:2, createdAt, scenarios:[…], media:[…]}`
// (version 2 added `media`: the proof-of-delivery photos and signatures, each
// `{scenarioId, id, type, data}`; a version 1 file has none and restores as before), and
// the plan of a restore: what is added, what is already here, and what differs
// from a scenario with the same id (kept as a copy, or replaced only when asked).
import * as v from 'valibot';
import { readScenarioRecord } from './restore';
import { podMediaSchema } from '../domain/day/event-schema';
import type { PodMedia } from '../domain/day/events';
import type { Scenario } from '../domain/scenario';
import type { ScenarioMedia } from './pod-media';
import type { PinSet } from '../plan/pins';

export const BACKUP_TYPE = 'fmp-backup';
export const BACKUP_VERSION = 2;

/** The file as written. Records are stored as they are, so a backup loses nothing. */
export interface BackupFile {
  type: typeof BACKUP_TYPE;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  scenarios: unknown[];
  /** Proof-of-delivery media of the backed-up scenarios (version 2 on). */
  media?: BackupMedia[];
}

/** One media item in a backup: the status file's item with the scenario it belongs to. */
export type BackupMedia = PodMedia & { scenarioId: string };

/** One scenario read back from a backup. */
export interface BackupEntry {
  scenario: Scenario;
  pins: PinSet;
  /** Its proof-of-delivery media (none in a version 1 backup). */
  media: PodMedia[];
}

export type BackupRead =
  | { ok: true; entries: BackupEntry[]; createdAt: string; problems: string[] }
  | { ok: false; message: string };

/** What a restore does with one entry. */
export type RestoreAction = 'add' | 'same' | 'copy' | 'replace';

export interface RestoreItem {
  entry: BackupEntry;
  action: RestoreAction;
}

/** Writes all stored records as one backup document, with the media of those records' scenarios. */
export function makeBackup(records: unknown[], now: Date = new Date(), media: readonly ScenarioMedia[] = []): BackupFile {
  const ids = new Set(records.map((record) => (record as { id?: unknown } | null)?.id));
  const kept = media.filter((m) => ids.has(m.scenarioId)).map((m) => ({ scenarioId: m.scenarioId, ...m.media }));
  return { type: BACKUP_TYPE, version: BACKUP_VERSION, createdAt: now.toISOString(), scenarios: records, media: kept };
}

const backupMediaSchema = v.object({ scenarioId: v.pipe(v.string('must be a scenario id'), v.minLength(1, 'must not be empty')), ...podMediaSchema.entries });

/** The file's media by scenario id; an item that is not valid is named in `problems` and left out. */
function readMedia(raw: unknown, problems: string[]): Map<string, PodMedia[]> {
  const byScenario = new Map<string, PodMedia[]>();
  if (raw === undefined) return byScenario;
  if (!Array.isArray(raw)) {
    problems.push('media: must be a list of media items; no photo or signature restored');
    return byScenario;
  }
  raw.forEach((item, index) => {
    const parsed = v.safeParse(backupMediaSchema, item);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const field = (issue.path ?? []).map((p) => String(p.key)).join('.');
      return void problems.push(`media[${index}]${field ? `.${field}` : ''}: ${issue.message}`);
    }
    const { scenarioId, ...media } = parsed.output;
    byScenario.set(scenarioId, [...(byScenario.get(scenarioId) ?? []), media]);
  });
  return byScenario;
}

export function serializeBackup(file: BackupFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

function labelOf(record: unknown, index: number): string {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `scenarios[${index}] (scenario '${id}')` : `scenarios[${index}]`;
}

/** Reads a backup file; every scenario that cannot be used is named with its place and reason. */
export function readBackup(text: string): BackupRead {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  const file = data as Partial<BackupFile> | null;
  if (typeof file !== 'object' || file === null || file.type !== BACKUP_TYPE) return { ok: false, message: `type: this is not a planner backup (expected "${BACKUP_TYPE}").` };
  if (typeof file.version !== 'number' || file.version > BACKUP_VERSION) return { ok: false, message: `version: backup version ${String(file.version)} is not supported (this version reads ${BACKUP_VERSION}).` };
  if (!Array.isArray(file.scenarios)) return { ok: false, message: 'scenarios: must be a list of scenarios.' };
  const entries: BackupEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const media = readMedia(file.media, problems);
  file.scenarios.forEach((record, index) => {
    const read = readScenarioRecord(record);
    if (!read.ok) return void problems.push(`${labelOf(record, index)}: ${read.message.split('\n')[0]}`);
    if (seen.has(read.scenario.id)) return void problems.push(`${labelOf(record, index)}.id: used twice in the backup`);
    seen.add(read.scenario.id);
    read.warnings.forEach((warning) => problems.push(`${labelOf(record, index)}: ${warning}`));
    entries.push({ scenario: read.scenario, pins: read.pins, media: media.get(read.scenario.id) ?? [] });
  });
  return { ok: true, entries, createdAt: typeof file.createdAt === 'string' ? file.createdAt : '', problems };
}

const pinsKey = (pins: PinSet) => JSON.stringify({ orders: Object.entries(pins.orders).sort(), routes: [...pins.routes].sort() });

/** True when a stored record holds exactly this scenario and pins. */
function sameAs(entry: BackupEntry, stored: unknown): boolean {
  const read = readScenarioRecord(stored);
  if (!read.ok) return false;
  return JSON.stringify(read.scenario) === JSON.stringify(entry.scenario) && pinsKey(read.pins) === pinsKey(entry.pins);
}

/** What restoring `entries` next to the `stored` records does; `replace` only when the user asked for it. */
export function planRestore(entries: BackupEntry[], stored: unknown[], replace: boolean): RestoreItem[] {
  const byId = new Map<string, unknown>();
  for (const record of stored) {
    const id = (record as { id?: unknown } | null)?.id;
    if (typeof id === 'string') byId.set(id, record);
  }
  return entries.map((entry) => {
    if (!byId.has(entry.scenario.id)) return { entry, action: 'add' };
    if (sameAs(entry, byId.get(entry.scenario.id))) return { entry, action: 'same' };
    return { entry, action: replace ? 'replace' : 'copy' };
  });
}

/** One sentence per kind of action, for the confirmation. */
export function describeRestore(items: RestoreItem[]): string[] {
  const count = (action: RestoreAction) => items.filter((item) => item.action === action).length;
  const lines: string[] = [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (count('add')) lines.push(`${plural(count('add'), 'scenario')} will be added.`);
  if (count('same')) lines.push(`${plural(count('same'), 'scenario')} already here and identical: left as they are.`);
  if (count('copy')) lines.push(`${plural(count('copy'), 'scenario')} differ from the one here with the same id: the backup's version is added as a copy named “… (restored)”; nothing here is overwritten.`);
  if (count('replace')) lines.push(`${plural(count('replace'), 'scenario')} here will be REPLACED by the backup's version.`);
  if (!lines.length) lines.push('The backup holds no scenario.');
  const media = items.reduce((n, item) => n + item.entry.media.length, 0);
  if (media) lines.push(`${media} ${media === 1 ? 'photo or signature' : 'photos and signatures'} of proofs of delivery come with them (those already here are kept).`);
  return lines;
}

/** Ids of stored scenarios that differ from the backup's version (candidates for replacing). */
export function differingIds(items: RestoreItem[]): string[] {
  return items.filter((item) => item.action === 'copy' || item.action === 'replace').map((item) => item.entry.scenario.id);
}
