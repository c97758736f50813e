// Reads the cell formats people type in spreadsheets: numbers with decimal
// commas, clock times ("9:00 AM", "14h30", "2pm", dates with a time), windows,
// durations, priorities (numbers, letters, words), lists, coordinates and breaks.
// Every reader returns the value or a message saying what was expected.
import { SERVICE_TYPES, type Break, type ServiceType, type TimeWindow } from '../domain/scenario';
import { LOCAL_HOUR_WORDS, LOCAL_MINUTE_WORDS, LOCAL_PRIORITY_WORDS, LOCAL_SERVICE_TYPE_WORDS } from './fields-local';

/** How a time column is written: a clock ("10:00", "10h00", "1000") or minutes since midnight. */
/** How a time column writes its times: a clock, minutes since midnight, or Excel's fraction of a day (0.375 = 09:00, a time column formatted "General"). */
export type TimeFormat = 'clock' | 'minutes' | 'dayFraction';

/** Result of reading one cell: a value or the reason it cannot be read. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Lower-cases, strips accents and joins words with single spaces: "Weight (kg)" → "weight kg". */
export function normalizeHeader(header: string): string {
  return header.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/m³/g, 'm3').replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/œ/g, 'oe')
    .replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Without spaces, so "address line 1" equals "addressline1". */
export const compact = (s: string) => s.replace(/ /g, '');

/**
 * Reads "12.5", "12,5", "1 250", "1,250.5" and "1.250,5" as numbers: with both marks the last one is the decimal
 * mark and the other groups thousands. In a file written with decimal commas (`decimalComma`, see
 * `decimalCommaFile`) "1.000" is a thousand, as "1.000,5" is; elsewhere it is one.
 */
export function parseNumber(text: string, decimalComma = false): Parsed<number> {
  let s = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (decimalComma && /^[-+]?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  else if (s.includes(',') && !s.includes('.')) s = s.replace(',', '.');
  else if (s.includes(',') && s.includes('.')) s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  const value = s === '' ? NaN : Number(s);
  return Number.isFinite(value) ? ok(value) : fail(`'${text}' is not a number`);
}

/**
 * Whether a file writes its numbers with decimal commas: in its number `columns` some cell is a number with a comma
 * and one, two or more than three digits after it ("0,38", "52,42114"), and none a number with a point and such
 * digits ("0.38"). Three digits after either mark say nothing ("1,250" and "1.250" are thousands in one custom and
 * decimals in the other); times ("13.00") are not in number columns.
 */
export function decimalCommaFile(rows: readonly (readonly string[])[], columns: readonly number[]): boolean {
  let commas = 0;
  for (const row of rows) {
    for (const column of columns) {
      const s = (row[column] ?? '').trim();
      if (/^[-+]?\d*\.(\d{1,2}|\d{4,})$/.test(s)) return false;
      if (/^[-+]?\d*,(\d{1,2}|\d{4,})$/.test(s) || /^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(s)) commas++;
    }
  }
  return commas > 0;
}

const CLOCK = /^(\d{1,2})\s*(?:[:h.]\s*(\d{2})?)?(?::\d{2})?\s*(am|pm|a|p)?$/i;
/** A date in front of the time ("2026-11-21T10:00", "11/30/2026 9:00 AM", "30.11.2026 14:30"). */
const DATE_PREFIX = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})[t\s]+/i;

/**
 * Noon and midnight in words, as clock times ("9am-12 noon", "noon-2pm", "before noon", "bis Mittag", "avant midi",
 * "10pm-midnight"): 12:00 and 00:00 (an end at 00:00 is the end of the day: dayEnd). Matched on `plainWords` text.
 */
const NOON_WORDS = /(?<![a-z]|apres[\s-])(?:12\s*)?(?:noon|midday|mittag|midi|mediodia|mezzogiorno|meio dia|meio-dia|poludnie)(?![a-z])/g;
const MIDNIGHT_WORDS = /(?<![a-z])(?:12\s*)?(?:midnight|mitternacht|minuit|medianoche|mezzanotte|meia noite|meia-noite|middernacht|polnoc|midnatt)(?![a-z])/g;

/** A cell's noon and midnight words as clock times (`NOON_WORDS`); a part of the day with its hours ("Mittag (12-14)") stays as it is. */
function clockWords(plain: string): string {
  return DAY_PART.test(plain) ? plain : plain.replace(NOON_WORDS, '12:00').replace(MIDNIGHT_WORDS, '00:00');
}

/** Reads a time of day as minutes since midnight: "10:00", "10h00", "10h", "1000", "930", "2 pm", "9:00 AM", "2026-11-21T10:00", "noon". */
export function parseClock(text: string): Parsed<number> {
  let s = text.trim().toLowerCase();
  // Words only when the cell has some: a column of 10,000 clock times is read without them.
  if (/[^\d\s:.,apmh+()-]/.test(s)) s = clockWords(plainWords(s));
  // "15:56 +1" / "3:56pm (+1)": a time on a following day.
  const nextDay = /\s*\(?\+(\d)\)?$/.exec(s);
  if (nextDay) s = s.slice(0, nextDay.index);
  s = s.replace(/\s*uhr$/, '').replace(/(\d)\s*(?:uur|h|hrs?|hs|horas?|ore|heures?)$/, '$1').replace(/\b([ap])\.?m\.?$/, '$1m').replace(/(z|[+-]\d{2}:?\d{2})$/, '').replace(DATE_PREFIX, '').trim();
  const clock = readClock(s, text);
  return clock.ok && nextDay ? ok(clock.value + 1440 * Number(nextDay[1])) : clock;
}

function readClock(s: string, text: string): Parsed<number> {
  const digits = /^(\d{1,2})(\d{2})$/.exec(s);
  const match = digits ? [s, digits[1], digits[2], undefined] : CLOCK.exec(s);
  if (!match) return fail(`'${text}' is not a time (write 10:00, 9:30 AM, 2pm or 1000)`);
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  const half = match[3]?.[0];
  if (half && (hours < 1 || hours > 12)) return fail(`'${text}' is not a valid time of day`);
  if (half === 'p' && hours < 12) hours += 12;
  if (half === 'a' && hours === 12) hours = 0;
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return fail(`'${text}' is not a valid time of day`);
  return ok(hours * 60 + minutes);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes since midnight as parseClock reads them back: "08:05", "24:00" for the end of the day, "01:30 +1" the day after. */
export function dayClockText(minutes: number): string {
  if (minutes === 1440) return '24:00';
  const day = Math.floor(minutes / 1440);
  const m = minutes % 1440;
  const text = `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
  return day > 0 ? `${text} +${day}` : text;
}

/** Windows as "10:00-12:00; 14:00-16:00" (parseWindows reads them back; "" = any time). */
export function windowsClockText(windows: readonly TimeWindow[]): string {
  return windows.map((w) => `${dayClockText(w.start)}-${dayClockText(w.end)}`).join('; ');
}

/** Reads a time cell in the column's format; `minutes` also accepts clock text. */
export function parseTime(text: string, format: TimeFormat): Parsed<number> {
  if (format === 'minutes' && /^\s*\d+\s*(min)?\s*$/i.test(text)) return ok(Number.parseInt(text, 10));
  if (format === 'dayFraction' && DAY_FRACTION.test(text)) {
    const value = Number(text.trim().replace(',', '.'));
    if (value < 1) return ok(Math.round(value * 1440));
  }
  return parseClock(text);
}

/** A fraction of a day as a spreadsheet writes a time formatted "General": "0.375", "0,5416666667", "0". */
const DAY_FRACTION = /^\s*0(?:[.,]\d+)?\s*$/;

/**
 * Guesses a time column's format: minutes when the header says so ("start (min)")
 * or when some whole number cannot be a clock (e.g. 600 → last two digits 00 fit,
 * but 1170 does not); fractions of a day (Excel's times formatted "General"); a clock otherwise.
 */
export function detectTimeFormat(header: string, values: readonly string[]): TimeFormat {
  const words = normalizeHeader(header).split(' ');
  if (words.some((w) => w === 'min' || w === 'mins' || w === 'minutes')) return 'minutes';
  const numbers = values.map((v) => v.trim()).filter((v) => v !== '');
  // Fractions of a day: every cell under 1, one at least with three decimals or more ("0.30" alone is 00:30 on a
  // dotted clock; 0.541666667 is no clock).
  if (numbers.length > 0 && numbers.every((v) => DAY_FRACTION.test(v)) && numbers.some((v) => /[.,]\d{3,}/.test(v))) return 'dayFraction';
  if (numbers.length === 0 || !numbers.every((v) => /^\d+$/.test(v))) return 'clock';
  return numbers.some((v) => !parseClock(v).ok) ? 'minutes' : 'clock';
}

/**
 * Words between a window's start and end besides "-", "–" and "to" (read without accents): "08:00 à 12:00", "8 bis 12
 * Uhr", "9 tot 12", "9 hasta 13", "9 alle 12", "8 até 12", "das 9h às 13h", "jusqu'à", "until", "od 9 do 12"; a lone "a" ("de 9:00
 * a 13:00") only before a number: "9 a" also reads 9 AM ("9 a - 1 p").
 */
const WINDOW_SEPARATOR = /\s*(?:-|–|—|\bto\b|\s(?:a|as)\s(?=\d)|\s(?:bis|tot|hasta|al|alle ore|alle|ate|jusqu ?a|until|till|do|til)\s)\s*/;
/** A window's start word in front, before a number: "de 9 a 13", "desde las 9", "dalle 9", "ore 9-12", "das 9h", "van 9", "von 9", "from 9", "dès 9h", "od 9", "godz. 9-12". */
const WINDOW_FROM = /^(?:from|de las|desde las|de|desde|dalle ore|dalle|dal|das|des|van|vanaf|von|ab|ore|od|godz\.?|w godz\.?|kl\.?|klockan|fra|fran)\s+(?=\d)/;
/** A window written "between … and …": "entre 9 y 13", "tra le 9 e le 13", "zwischen 9 und 13 Uhr", "tussen 9 en 13". */
const WINDOW_BETWEEN = /^(?:between|entre las|entre|tra le|tra|fra le|fra|zwischen|tussen|mellan|mellem|mellom)\s+(\d.*?)\s+(?:and|y las|y el|y|e le|e|et|und|en|och|og)\s+(\d.*)$/;
/** "and" (or "or") joining two windows in a cell: "de 10 a 14 y de 16 a 18", "9-12 et 14-17"; not the "and" of "between 9 and 13". */
const WINDOWS_AND = /\s(?:and|y|e|et|und|en|i|och|og|or|ou|oder|o|of|lub|eller)\s(?=(?:from|de|desde|dalle|dal|das|van|vanaf|von|between|entre|tra|fra|zwischen|tussen|od|fra|fran|mellan|mellem|mellom)\s)/;
/** "and" or "or" between two windows: "9-12 and 14-17", "10:00 - 12:00 or 14:00 - 16:00" (either window will do). */
const NUMBER_AND = /\s(?:and|y|e|et|und|en|i|och|og|or|ou|oder|o|of|lub|eller)\s(?=\d)/;
/** What stands between the windows of a cell: ";", ",", "|", "/", "&", or a "+" with spaces round it ("8-12 + 14-18"; "02:00 +1" is a time on the next day). */
const WINDOW_LIST = /[;,|/&]|\s\+\s/;

/** A cell's words as the window readers compare them: lower case, no accents, apostrophes as spaces, single spaces. */
function plainWords(text: string): string {
  return text.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/'/g, ' ').replace(/\s+/g, ' ').replace(/apres-midi/g, 'apres midi');
}

/** Two windows side by side with only a space between: "09:00-11:00 14:00-16:00", "9-12 14-18 Uhr". */
const WINDOWS_SIDE_BY_SIDE = /(\d(?:[:.h]\d{2})?\s*(?:am|pm|a|p|h|uhr|uur)?)\s+(?=\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|a|p|h)?\s*[-–—]\s*\d)/g;

/** The windows of one part of a cell (already `plainWords`), each as its start and end text; null when one is not a window. */
function windowEnds(text: string): [string, string][] | null {
  const out: [string, string][] = [];
  for (const piece of text.split(WINDOWS_AND)) {
    const between = WINDOW_BETWEEN.exec(piece);
    if (between) {
      out.push([between[1], between[2]]);
      continue;
    }
    for (const single of piece.split(NUMBER_AND)) {
      const ends = single.replace(WINDOW_FROM, '').split(WINDOW_SEPARATOR);
      if (ends.length !== 2) return null;
      // "desde las 9 hasta las 13", "dalle 9 alle ore 13": the article before the hour.
      out.push([ends[0], ends[1].replace(/^(?:las|la|le|les|ore)\s+(?=\d)/, '')]);
    }
  }
  return out;
}

/** A part's windows as windowEnds reads them, or, failing that, as windows side by side with a space between. */
function partWindows(text: string): [string, string][] | null {
  const ends = windowEnds(text);
  if (ends) return ends;
  const split = text.replace(WINDOWS_SIDE_BY_SIDE, '$1;').split(';');
  if (split.length < 2) return null;
  const all = split.map((piece) => windowEnds(piece.trim()));
  return all.every((e): e is [string, string][] => e !== null) ? all.flat() : null;
}

/** A window written with a date at each end: "10/12/2026 22:00 - 11/12/2026 02:00", "2026-12-10T22:00 to 2026-12-11T02:00". */
const DATED_WINDOW = /^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?:t|\s)+(\S.*?)\s*(?:-|–|—|\bto\b)\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?:t|\s)+(\S.*?)\s*$/i;

/**
 * A window whose end is dated the day after its start, as " +1" after the end ("10/12/2026 22:00 - 11/12/2026
 * 02:00" → "22:00 - 02:00 +1", a time on the next day as parseClock reads it); any other cell as it is.
 */
function nextDayEnd(text: string): string {
  const dated = DATED_WINDOW.exec(text);
  if (!dated) return text;
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  // Each end may read either way round ("10/12/2026"): the end is the next day when some pair of readings says so
  // and none says the same day.
  const gaps = datesOf(dated[1]).flatMap((start) => datesOf(dated[3]).map((end) => day(end) - day(start)));
  return gaps.includes(1) && !gaps.includes(0) ? `${dated[2]} - ${dated[4]} +1` : text;
}

/** A date before a time in a window ("10/12/2026 09:00 - 10/12/2026 12:00", "2026-12-10T09:00"): the time is read, as parseClock does. */
const DATES_BEFORE_TIMES = /(?<![\d.:/-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?:t|\s)+(?=\d)/gi;
/**
 * A part of the day before its hours, in brackets or not: "Morning (8-12)", "AM (8am-12pm)", "Evening 17-21",
 * "Vormittag: 8-12 Uhr", "Tarde (16 a 20)". The hours are the window; the word alone is not guessed.
 */
const DAY_PART = /^(am|pm|morning|midday|afternoon|evening|night|manana|mediodia|tarde|noche|mattina|mattino|pomeriggio|sera|matin|apres midi|midi|soir|soiree|vormittag|mittag|nachmittag|abend|ochtend|middag|avond|manha|noite|rano|przedpoludnie|popoludnie|wieczor|formiddag|fm|eftermiddag|em|ettermiddag|kvall|aften|kveld)\s*[:(-]?\s*(\d[^()]*?)\s*\)?$/;
/** Parts of the day after noon: their hours below 12 are afternoon hours ("PM (2-5)" is 14:00-17:00). */
const LATER_PARTS: ReadonlySet<string> = new Set(['pm', 'afternoon', 'evening', 'night', 'tarde', 'noche', 'pomeriggio', 'sera', 'apres midi', 'soir', 'soiree', 'nachmittag', 'abend', 'middag', 'avond', 'noite', 'popoludnie', 'wieczor', 'eftermiddag', 'em', 'ettermiddag', 'kvall', 'aften', 'kveld']);

/** A cell that says any time of the day: no window. */
const ANY_TIME = /^(?:any ?time|all day|whole day|anytime|ganztags|ganztagig|den ganzen tag|todo el dia|cualquier hora|tutto il giorno|qualsiasi ora|toute la journee|n importe quand|hele dag|de hele dag|o dia todo|qualquer hora|caly dzien|dowolna godzina|dowolna pora|hela dagen|hele dagen|nar som helst)$/;
/** An end without a start: "before 12:00", "bis 12 Uhr", "antes de las 12", "entro le 12", "avant 12h", "voor 12 uur", "até às 12". */
const ONLY_BEFORE = /^(?:before|by|until|till|no later than|vor|bis|spatestens|spaetestens|spatestens bis|antes de las|antes de la|antes de|hasta las|hasta la|hasta|prima delle|prima di|entro le|entro|avant|jusqu a|voor|uiterlijk|antes das|ate as|ate|przed|do|fore|innan|senast|senest|inden)\s+(?=\d)/;
/** A start without an end: "after 14:00", "ab 9 Uhr", "a partir de las 9", "dopo le 14", "après 14h", "vanaf 9", "depois das 14". */
const ONLY_AFTER = /^(?:after|from|not before|ab|nach|a partir de las|a partir de la|a partir de|despues de las|despues de|desde las|desde|dopo le|dopo|dalle|a partire dalle|apres|a partir de|des|vanaf|na|depois das|a partir das|po|od|efter|etter|fra|fran)\s+(?=\d)/;

/**
 * The end of a window or a shift read from a time: 00:00 is midnight at the end of the day ("22:00-00:00",
 * "before 00:00"). A spreadsheet cannot hold 24:00 (Excel turns it into 00:00 of the next day), and a window that
 * ends at the day's first minute would be no window at all.
 */
export const dayEnd = (minutes: number): number => (minutes === 0 ? 1440 : minutes);

/**
 * The window of a cell naming only its end ("before 12", "-12:00") or its start ("after 14:00", "14:00-"), to
 * midnight on the other side; null otherwise ("from 9 to 12" is a whole window: what follows "from" is no single time).
 */
function openWindow(text: string, format: TimeFormat): TimeWindow | null {
  // A range with one end left empty: "14:00-" from 14:00, "-12:00" until 12:00 (a clock's time: "-5" is no window).
  const dash = /^(\d.*?)\s*[-–—]$/.exec(text) ?? /^[-–—]\s*(\d.*)$/.exec(text);
  if (dash && /[:h]|am|pm|uhr|uur/.test(dash[1])) {
    const time = parseTime(dash[1], format);
    if (!time.ok) return null;
    return /^\d/.test(text) ? { start: time.value, end: 1440 } : { start: 0, end: dayEnd(time.value) };
  }
  const before = ONLY_BEFORE.exec(text);
  const match = before ?? ONLY_AFTER.exec(text);
  if (!match) return null;
  const time = parseTime(text.slice(match[0].length), format);
  if (!time.ok) return null;
  return before ? { start: 0, end: dayEnd(time.value) } : { start: time.value, end: 1440 };
}

/**
 * Reads "10:00-12:00; 14:00-16:00" (also "–", "to" or a local word between, "," or "|" between windows), and windows
 * written in words: "de 9:00 a 13:00", "from 9am to 1pm", "entre 9 y 13", "van 9 tot 13 uur", "de 10 a 14 y de 16 a 18";
 * a date before a time is left out ("10/12/2026 09:00 - 10/12/2026 12:00"); "before 12" and "ab 14 Uhr" run to
 * midnight on their open side; "all day", "ganztags" are any time (no window).
 */
export function parseWindows(given: string, format: TimeFormat): Parsed<TimeWindow[]> {
  // A remark in brackets without a number is no part of the window: "12:00-14:00 (lunch)".
  const text = nextDayEnd(given).replace(DATES_BEFORE_TIMES, '').replace(/\s*\([^()\d]*\)/g, ' ');
  const plain = clockWords(plainWords(text));
  if (ANY_TIME.test(plain)) return ok([]);
  const open = openWindow(plain, format);
  if (open) return ok([open]);
  // A slot named by its part of the day with its hours: "Morning (8-12)", "Evening 17-21", "Nachmittag: 13-17 Uhr".
  const named = DAY_PART.exec(plain);
  if (named) {
    const hours = parseWindows(named[2], format);
    // "PM (2-5)", "Afternoon (1-5)": the hours of an afternoon or evening written on a 12-hour clock.
    const later = LATER_PARTS.has(named[1]) && hours.ok && hours.value.every((w) => w.start > 0 && w.end > 0 && w.start <= 720 && w.end <= 720);
    const pm = (minutes: number) => (minutes < 720 ? minutes + 720 : minutes);
    if (hours.ok && hours.value.length > 0) return later ? ok(hours.value.map((w) => ({ start: pm(w.start), end: pm(w.end) }))) : hours;
  }
  const windows: TimeWindow[] = [];
  // Windows are split at ";", ",", "|", "/", "&" and "+" ("8-12 & 13-17"); the characters are the same in `plain`.
  for (const part of text.split(WINDOW_LIST).map((p) => p.trim()).filter(Boolean)) {
    const ends = partWindows(clockWords(plainWords(part)));
    if (!ends) return fail(`'${part}' is not a window (write 10:00-12:00)`);
    for (const [from, to] of ends) {
      if (!from.trim() || !to.trim()) return fail(`'${part}' has no ${from.trim() ? 'end' : 'start'}: write both times (14:00-18:00), or ${from.trim() ? `"after ${from.trim()}"` : `"before ${to.trim()}"`}`);
      const start = parseTime(from, format);
      const end = parseTime(to, format);
      if (!start.ok) return start;
      if (!end.ok) return end;
      windows.push({ start: start.value, end: dayEnd(end.value) });
    }
  }
  return ok(windows);
}

/** Words of seconds, in a cell ("300 sec") or a header ("Service time (s)"). */
export const SECOND_WORDS: readonly string[] = ['s', 'sec', 'secs', 'second', 'seconds', 'sek', 'sekunde', 'sekunden', 'seconde', 'secondes', 'segundo', 'segundos', 'secondi', 'seconden', 'sekund', 'sekunder', 'sekundy'];

const HOURS = new RegExp(`^(\\d+(?:[.,]\\d+)?)\\s*(?:${['h', 'hr', 'hrs', 'hour', 'hours', ...LOCAL_HOUR_WORDS].join('|')})$`);
const HOUR_WORD = `(?:${['h', 'hr', 'hrs', 'hour', 'hours', ...LOCAL_HOUR_WORDS].join('|')})\\.?`;
const MINUTE_WORD = `(?:${['m', 'min', 'mins', 'minute', 'minutes', ...LOCAL_MINUTE_WORDS].join('|')})\\.?`;
const HOURS_AND_MINUTES = new RegExp(`^(\\d{1,3})\\s*${HOUR_WORD}\\s*(?:and\\s+|und\\s+|et\\s+|y\\s+|e\\s+|en\\s+)?(\\d{1,2})\\s*(?:${MINUTE_WORD})?$`);
/** Seconds written as such ("90 s", "300 sec"), read to the nearest minute. */
const SECONDS = new RegExp(`^(\\d+(?:[.,]\\d+)?)\\s*(?:${SECOND_WORDS.join('|')})$`);
const MINUTES = new RegExp(`^(\\d+(?:[.,]\\d+)?)\\s*(?:${['m', 'min', 'mins', 'minute', 'minutes', ...LOCAL_MINUTE_WORDS].join('|')})?$`);

/** Reads a length of time as whole minutes: "90", "90 min", "1:30", "1h30", "8h", "1.5 h". */
export function parseDuration(text: string): Parsed<number> {
  const s = text.trim().toLowerCase().replace(/(\D)\.$/, '$1');
  // ISO 8601, as systems export a duration: "PT15M", "PT1H30M", "PT90S".
  const iso = /^pt(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(s);
  if (iso && s !== 'pt') return ok(Math.round(Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0) + Number(iso[3] ?? 0) / 60));
  // Hours and minutes in words: "1 hr 15 min", "1h 15m", "2 Std. 30 Min.", "1 hour and 20 minutes".
  const both = HOURS_AND_MINUTES.exec(s);
  if (both) return ok(Number(both[1]) * 60 + Number(both[2]));
  const seconds = SECONDS.exec(s);
  if (seconds) return ok(Math.round(Number(seconds[1].replace(',', '.')) / 60));
  const clock = /^(\d{1,3})\s*(?::|h)\s*(\d{2})?\s*(?:min)?$/.exec(s);
  if (clock) return ok(Number(clock[1]) * 60 + Number(clock[2] ?? 0));
  // "00:45:00", as a spreadsheet writes a duration: whole minutes, the seconds rounded.
  const withSeconds = /^(\d{1,3}):(\d{2}):(\d{2})$/.exec(s);
  if (withSeconds && Number(withSeconds[2]) < 60 && Number(withSeconds[3]) < 60) return ok(Number(withSeconds[1]) * 60 + Number(withSeconds[2]) + Math.round(Number(withSeconds[3]) / 60));
  const hours = HOURS.exec(s);
  if (hours) return ok(Math.round(Number(hours[1].replace(',', '.')) * 60));
  const minutes = MINUTES.exec(s);
  if (minutes) return ok(Math.round(Number(minutes[1].replace(',', '.'))));
  return fail(`'${text}' is not a duration (write minutes, e.g. 90, or hours, e.g. 1:30)`);
}

/**
 * Priority words and letters on the planner's 0–10 scale. OptimoRoute writes
 * L/M/H/C (low, medium, high, critical); others use words. A number 0–10 is
 * taken as is.
 *   low, L → 1 · normal, medium, regular, M → 3 · high, H → 6 · urgent, higher → 8 · critical, highest, C → 10
 */
export const PRIORITY_WORDS: Readonly<Record<string, number>> = {
  lowest: 0, low: 1, l: 1, normal: 3, medium: 3, med: 3, regular: 3, standard: 3, m: 3,
  high: 6, h: 6, higher: 8, urgent: 8, u: 8, critical: 10, highest: 10, c: 10,
};

/** Reads a priority: 0–10, or a word or letter of PRIORITY_WORDS. */
export function parsePriority(text: string): Parsed<number> {
  const word = normalizeHeader(text);
  if (word in PRIORITY_WORDS) return ok(PRIORITY_WORDS[word]);
  if (word in LOCAL_PRIORITY_WORDS) return ok(LOCAL_PRIORITY_WORDS[word]);
  const number = parseNumber(text);
  if (number.ok && Number.isInteger(number.value) && number.value >= 0 && number.value <= 10) return number;
  return fail(`'${text}' is not a priority (write 0–10, L/M/H/C, or low, normal, high, urgent, critical)`);
}

/**
 * Reads a latitude and longitude in one cell: "45.76, 4.84", "45.76 4.84", "(45.76, 4.84)", and with decimal commas
 * "45,76; 4,84" or "45,76, 4,84". The message says what is wrong.
 */
export function parseCoordinatePair(text: string): Parsed<{ lat: number; lng: number }> {
  const inner = text.trim().replace(/^[([]\s*|\s*[)\]]$/g, '');
  // With hemisphere letters ("51.5074° N, 0.1278° W", "N 51°30'26\" W 0°07'39\""): each part says which it is.
  if (/[nsew]/i.test(inner) && /\d/.test(inner)) return hemispherePair(inner, text);
  const parts = inner.includes(';') ? inner.split(';')
    : (inner.match(/,/g) ?? []).length === 1 ? inner.split(',')
      : inner.split(/\s*,\s+/).length === 2 ? inner.split(/\s*,\s+/)
        : inner.split(/\s+/);
  const numbers = parts.map((p) => parseNumber(p.trim(), true));
  if (numbers.length !== 2 || !numbers.every((n) => n.ok)) return fail(`'${text}' is not a latitude and a longitude (write "45.76, 4.84")`);
  const [lat, lng] = numbers.map((n) => (n.ok ? n.value : NaN));
  if (Math.abs(lat) > 90) return fail(`latitude ${lat} is outside -90…90${Math.abs(lng) <= 90 ? ' (latitude and longitude swapped?)' : ''}`);
  if (Math.abs(lng) > 180) return fail(`longitude ${lng} is outside -180…180`);
  return ok({ lat, lng });
}

/**
 * Degrees written with a hemisphere letter or in degrees, minutes and seconds, as GPS devices and maps write them:
 * "51.5074 N", "N51.5074", "0.1278° W", "51°30'26\"N", "51° 30.438' N". S and W are negative. Null when the cell is
 * no such text.
 */
const DEGREES = /^([nsew])?\s*(-?\d{1,3}(?:[.,]\d+)?)\s*(?:°|º|deg)?\s*(?:(\d{1,2}(?:[.,]\d+)?)\s*['′’])?\s*(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:"|″|''|”))?\s*([nsew])?$/i;

/** A coordinate in degrees with its hemisphere ('ns' latitude, 'ew' longitude, null none), or null when the text is no such coordinate. */
export function parseDegrees(text: string): { value: number; axis: 'ns' | 'ew' | null } | null {
  const m = DEGREES.exec(text.trim());
  if (!m || (m[1] && m[5]) || !/[°º'′’"″nsew]|deg/i.test(text)) return null;
  const num = (s: string | undefined) => (s === undefined ? 0 : Number(s.replace(',', '.')));
  const degrees = Math.abs(num(m[2]));
  if (num(m[3]) >= 60 || num(m[4]) >= 60) return null;
  const hemisphere = (m[1] ?? m[5] ?? '').toLowerCase();
  const value = degrees + num(m[3]) / 60 + num(m[4]) / 3600;
  const negative = m[2].startsWith('-') || hemisphere === 's' || hemisphere === 'w';
  return { value: Math.round((negative ? -value : value) * 1e7) / 1e7, axis: hemisphere === '' ? null : 'ns'.includes(hemisphere) ? 'ns' : 'ew' };
}

/** A pair of coordinates with hemisphere letters, each placed by its letter whatever the order. */
function hemispherePair(inner: string, text: string): Parsed<{ lat: number; lng: number }> {
  // Each coordinate made one word ("N 51° 30' 26\"" → "N51°30'26\""), then the two words apart.
  const compact = inner.replace(/([°º'′’])\s+/g, '$1').replace(/\b([nsew])\s+(?=-?\d)/gi, '$1').replace(/([\d°º'′’"″”])\s+(?=[nsew]\b)/gi, '$1');
  let parts = compact.split(/\s*;\s*|\s*,\s+|\s+/).filter((p) => p !== '');
  if (parts.length !== 2 && (compact.match(/,/g) ?? []).length === 1) parts = compact.split(',');
  const read = parts.map((p) => parseDegrees(p.trim()));
  if (read.length !== 2 || read.some((r) => r === null)) return fail(`'${text}' is not a latitude and a longitude (write "45.76, 4.84")`);
  const [a, b] = read as { value: number; axis: 'ns' | 'ew' | null }[];
  const [lat, lng] = a.axis === 'ew' || b.axis === 'ns' ? [b.value, a.value] : [a.value, b.value];
  if ((a.axis && a.axis === b.axis)) return fail(`'${text}' gives two ${a.axis === 'ns' ? 'latitudes' : 'longitudes'}`);
  if (Math.abs(lat) > 90) return fail(`latitude ${lat} is outside -90…90`);
  if (Math.abs(lng) > 180) return fail(`longitude ${lng} is outside -180…180`);
  return ok({ lat, lng });
}

/**
 * Month names and their short forms in English, German, French, Spanish, Italian, Dutch, Portuguese, Polish and the
 * Nordic languages (the
 * Polish genitive "grudnia" as written in a date), read without accents: the month's number.
 */
const MONTHS: ReadonlyMap<string, number> = new Map(([
  ['january jan januar janner jaenner janvier janv enero ene gennaio gen januari janeiro stycznia styczen sty', 1],
  ['february feb februar fevrier fevr fev febrero febbraio februari fevereiro lutego luty lut', 2],
  ['march mar marz maerz mrz mars marzo maart mrt marco marca marzec marts', 3],
  ['april apr avril avr abril abr aprile kwietnia kwiecien kwi', 4],
  ['may mai mayo maggio mag mei maio maja maj', 5],
  ['june jun juni juin junio giugno giu junho czerwca czerwiec cze', 6],
  ['july jul juli juillet juil julio luglio lug julho lipca lipiec lip', 7],
  ['august aug aout agosto ago augustus sierpnia sierpien sie augusti', 8],
  ['september sep sept septembre septiembre setiembre set settembre setembro wrzesnia wrzesien wrz', 9],
  ['october oct oktober okt octobre octubre ottobre ott outubro out pazdziernika pazdziernik paz', 10],
  ['november nov novembre noviembre novembro listopada listopad lis', 11],
  ['december dec dezember dez decembre diciembre dic dicembre dezembro grudnia grudzien gru desember des', 12],
] as const).flatMap(([names, month]) => names.split(' ').map((name) => [name, month] as const)));

/** Words a written date may hold besides its day, month and year: days of the week, "de", "of", "the". */
const DATE_WORDS: ReadonlySet<string> = new Set([
  'de', 'del', 'of', 'the', 'le', 'den', 'der', 'il', 'em',
  'monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat sunday sun',
  'montag mo dienstag di mittwoch mi donnerstag do freitag fr samstag sa sonntag so',
  'lundi lun mardi mar mer mercredi jeudi jeu vendredi ven samedi sam dimanche dim',
  'lunes martes miercoles mie jueves jue viernes vie sabado sab domingo dom',
  'lunedi martedi mercoledi giovedi gio venerdi sabato domenica',
  'maandag ma dinsdag woensdag wo donderdag vrijdag vr zaterdag za zondag zo',
  'segunda terca quarta quinta sexta feira seg ter qua qui sex',
  'poniedzialek pon wtorek wt sroda sr czwartek czw piatek pt sobota sob niedziela nd niedz',
  'mandag man tisdag tis tirsdag tir onsdag ons torsdag tor tors fredag fre lordag lor sondag son',
].flatMap((words) => words.split(' ')));

/** "10 Dec 2026", "Dec 10, 2026", "Thursday, 10th December 2026", "10. Dezember 2026", "10 de diciembre de 2026", "10-Dec-26". */
function writtenDate(text: string): { year: number; month: number; day: number } | null {
  const words = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/æ/g, 'ae')
    .replace(/(\d)(?:st|nd|rd|th|er|e|o|º|ª)\b/g, '$1').split(/[\s,./-]+/).filter(Boolean);
  const months = words.filter((w) => MONTHS.has(w));
  // "mar" is March and the French Tuesday: with another month named, it is the day of the week.
  const month = months.length === 1 ? months[0] : months.length === 2 && DATE_WORDS.has(months[0]) ? months[1] : null;
  if (month === null) return null;
  const numbers = words.filter((w) => /^\d+$/.test(w));
  const rest = words.filter((w) => w !== month && !/^\d+$/.test(w));
  if (numbers.length !== 2 || !rest.every((w) => DATE_WORDS.has(w))) return null;
  // The year is the number of four digits, or the second of two short ones ("10-Dec-26").
  const longYear = numbers.findIndex((n) => n.length === 4);
  const yearAt = longYear >= 0 ? longYear : 1;
  const [year, day] = [numbers[yearAt], numbers[1 - yearAt]];
  if (day.length > 2 || (year.length !== 4 && year.length !== 2)) return null;
  return { year: year.length === 2 ? 2000 + Number(year) : Number(year), month: MONTHS.get(month)!, day: Number(day) };
}

/**
 * The calendar dates a cell may name, as ISO "YYYY-MM-DD": "2026-12-10", "2026/12/10", "20261210", "10.12.2026",
 * "10/12/26", a date in words ("10 Dec 2026", "Thursday, December 10, 2026", "10. Dezember 2026", "10 de diciembre
 * de 2026"), and with a time after it (a spreadsheet's date cell, "2026-12-10 00:00"). "10/12/2026" is the 10th of
 * December in most of the world and the 12th of October in the US: both are given, and the caller takes the one it
 * expects. Empty when the cell is no date.
 */
export function datesOf(text: string): string[] {
  const s = text.trim().replace(/[t\s]+\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s*[ap]\.?m\.?)?(?:z|[+-]\d{2}:?\d{2})?$/i, '');
  const iso = /^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/.exec(s);
  const local = iso ? null : /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(s);
  const day = (y: number, m: number, d: number) => {
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
  };
  // "20261210" without marks only as eight digits of a year of this or the last century.
  if (iso && (/^\d{8}$/.test(s) ? /^(?:19|20)/.test(s) : !/^\d+$/.test(s))) return [day(Number(iso[1]), Number(iso[2]), Number(iso[3]))].filter((d): d is string => d !== null);
  if (!local) {
    const written = /\d/.test(s) ? writtenDate(s) : null;
    return written ? [day(written.year, written.month, written.day)].filter((d): d is string => d !== null) : [];
  }
  const year = local[3].length === 2 ? 2000 + Number(local[3]) : Number(local[3]);
  const [a, b] = [Number(local[1]), Number(local[2])];
  return [...new Set([day(year, b, a), day(year, a, b)].filter((d): d is string => d !== null))];
}

/** Excel's day numbers of 2000-01-01 and 2099-12-31 (its 1900 date system): a date column formatted "General". */
const EXCEL_DAYS = { first: 36526, last: 73050 } as const;

/**
 * The dates a delivery-date cell names: as datesOf reads them, or a day number of Excel's (46366 = 2026-12-10), as a
 * date column formatted "General" is written to CSV or read from a workbook. Only a date column's cells are read
 * so: elsewhere a five-digit number is an amount, an id or a postcode.
 */
export function dateCellDates(text: string): string[] {
  // First: datesOf reads "46367.5" (a day number and a time of day) as the 5th of July 4636.
  if (!/^\s*\d{5}(?:\.\d+)?\s*$/.test(text)) return datesOf(text);
  const days = Math.floor(Number(text));
  if (days < EXCEL_DAYS.first || days > EXCEL_DAYS.last) return [];
  return [new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10)];
}

/**
 * The dates a window cell names before its first time ("10/12/2026 09:00 - 10/12/2026 12:00", "2026-12-11T09:00"),
 * as datesOf reads them; empty when it names none.
 */
export function windowDatesOf(text: string): string[] {
  const leading = /^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?:t|\s)+\d/i.exec(text);
  return leading ? datesOf(leading[1]) : [];
}

/** True when a cell looks like a coordinate pair rather than a name. */
export function looksLikeLatLng(text: string): boolean {
  return /^\s*-?\d{1,3}([.,]\d+)?\s*[,; ]\s*-?\d{1,3}([.,]\d+)?\s*$/.test(text);
}

/**
 * Reads breaks: "12:00-13:30 30" (window, then minutes), several separated by
 * ";", an optional id in front ("lunch: 12:00-13:30 30") and several windows
 * of one break joined by "|" ("11:00-12:00|13:00-14:00 30").
 */
export function parseBreaks(text: string, shift?: TimeWindow): Parsed<Break[]> {
  const breaks: Break[] = [];
  const parts = text.split(';').map((p) => p.trim()).filter(Boolean);
  const named = parts.map((raw) => /^([a-z][\w-]*)\s*:\s*(.+)$/i.exec(raw));
  const ids = new Set<string>();
  for (const [i, raw] of parts.entries()) {
    const name = named[i]?.[1];
    if (name !== undefined && ids.has(name)) return fail(`break id '${name}' is used twice (give each break of a vehicle its own name)`);
    const text = named[i] ? named[i]![2] : raw;
    // A length alone ("30 min", "45", "1h"), with the vehicle's shift known: a break of that length in the shift.
    const length = shift && (/^\d{1,3}$/.test(text) || /^\d+(?:[.,]\d+)?\s*[a-z]/i.test(text)) ? parseDuration(text) : null;
    if (length?.ok && length.value > 0 && length.value <= shift!.end - shift!.start) {
      const id = name ?? freeId(`break-${i + 1}`, ids, named);
      ids.add(id);
      breaks.push({ id, timeWindows: [{ start: shift!.start, end: shift!.end }], minutes: length.value });
      continue;
    }
    const body = /^(.*\d)\s+(\d+)\s*(?:m|min|mins|minutes)?$/i.exec(text);
    // A window alone ("12:00-13:00", a lunch hour) is a break that takes the whole window.
    const alone = body ? null : parseWindows(text, 'clock');
    if (alone?.ok && alone.value.length === 1 && alone.value[0].end > alone.value[0].start) {
      const id = name ?? freeId(`break-${i + 1}`, ids, named);
      ids.add(id);
      breaks.push({ id, timeWindows: alone.value, minutes: alone.value[0].end - alone.value[0].start });
      continue;
    }
    if (!body) return fail(`'${raw}' is not a break (write the window then the minutes: 12:00-13:30 30)`);
    const windows = parseWindows(body[1].replace(/\|/g, ';'), 'clock');
    if (!windows.ok) return windows;
    const id = name ?? freeId(`break-${i + 1}`, ids, named);
    ids.add(id);
    breaks.push({ id, timeWindows: windows.value, minutes: Number(body[2]) });
  }
  return ok(breaks);
}

/** `wanted`, or `wanted-2`, `wanted-3`…: an id no break of the cell has or names. */
export function freeId(wanted: string, taken: ReadonlySet<string>, named: readonly (RegExpExecArray | null)[] = []): string {
  const used = (id: string) => taken.has(id) || named.some((m) => m?.[1] === id);
  let id = wanted;
  for (let n = 2; used(id); n++) id = `${wanted}-${n}`;
  return id;
}

/** Writes breaks the way parseBreaks reads them back. */
export function breaksText(breaks: readonly Break[], windowText: (w: readonly TimeWindow[]) => string): string {
  return breaks.map((b) => `${b.id}: ${windowText(b.timeWindows).replace(/; /g, '|')} ${b.minutes}`).join('; ');
}

/** Written for an explicitly empty list (e.g. an order needing no skill at all). */
export const EMPTY_LIST = '(none)';

/** Splits "white-glove, installer; liftgate" into trimmed items; "(none)" is an empty list. */
export function parseList(text: string): string[] {
  if (text.trim().toLowerCase() === EMPTY_LIST) return [];
  return text.split(/[,;|]/).map((s) => s.trim()).filter(Boolean);
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, zwei: 2, drei: 3, deux: 2, trois: 3, dos: 2, tres: 3, due: 2, tre: 3, twee: 2, drie: 3, duas: 2 };
const CREW_WORD = /^(\d{1,2}|[a-z]+)\s*(?:person|persons|people|man|men|mann|personen|personnes|persone|personas|pessoas)(?:\s+(?:crew|team|delivery|lift|job|service))?$/;

/**
 * The crew size a list entry asks for in words ("2-person", "two man lift", "2 Mann", "3 people"), or null: in a
 * skills column it is no skill any crew has but a crew that big.
 */
export function crewSizeWord(text: string): number | null {
  const words = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[-_]+/g, ' ').trim().replace(/\s+/g, ' ');
  const match = CREW_WORD.exec(words);
  if (!match) return null;
  const count = /^\d+$/.test(match[1]) ? Number(match[1]) : NUMBER_WORDS[match[1]];
  return count !== undefined && count >= 1 ? count : null;
}

/** The larger of two crew sizes, either possibly absent (a crew-size column and one named in the skills). */
export function largerCrew(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/** A skills list with the crew sizes it names in words taken out (`crewSizeWord`): the largest of them, or undefined. */
export function splitCrewWords(list: readonly string[]): { skills: string[]; crewSize: number | undefined } {
  const sizes = list.map(crewSizeWord);
  const named = sizes.filter((n): n is number => n !== null);
  return { skills: list.filter((_, i) => sizes[i] === null), crewSize: named.length ? Math.max(...named) : undefined };
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'oui', 'ja', 'si', 'sim', 'wahr', 'vrai', 'vero', 'verdadero', 'tak', 'sant', '✓', '✔']);
const NO = new Set(['no', 'n', 'false', '0', '', 'non', 'nein', 'nao', 'nee', 'falsch', 'faux', 'falso', 'nie', 'nej', 'nei', 'falsk']);

/** Reads a yes/no cell ("yes", "x", "1", "true", "sí", "✓" / "no", "0", "não", "nee", empty). */
export function parseYesNo(text: string): Parsed<boolean> {
  const word = text.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (YES.has(word)) return ok(true);
  if (NO.has(word)) return ok(false);
  return fail(`'${text}' is not yes or no`);
}

const SERVICE_TYPE_WORDS: Record<ServiceType, string[]> = {
  curbside: ['curbside', 'curb', 'kerbside', 'threshold', 'doorstep', 'door', 'drop', 'standard', 'delivery', 'd', 'dropoff', 'drop off'],
  'room-of-choice': ['room of choice', 'roc', 'room', 'inside'],
  'white-glove': ['white glove', 'wg', 'premium', 'full service'],
  installation: ['installation', 'install', 'installer', 'assembly'],
  'haul-away': ['haul away', 'haulaway', 'removal', 'take back', 'take away'],
  return: ['return', 'pickup', 'pick up', 'p', 'collection', 'collect'],
  're-delivery': ['re delivery', 'redelivery', 'second attempt', 'second delivery', 'retry', 'redeliver'],
};

/** Every service-type word, English and local, without spaces; the first type in SERVICE_TYPES order keeps a shared word. */
const SERVICE_TYPE_BY_WORD: ReadonlyMap<string, ServiceType> = (() => {
  const byWord = new Map<string, ServiceType>();
  for (const type of SERVICE_TYPES) {
    for (const word of [...SERVICE_TYPE_WORDS[type], ...(LOCAL_SERVICE_TYPE_WORDS[type] ?? [])]) {
      const key = compact(normalizeHeader(word));
      if (!byWord.has(key)) byWord.set(key, type);
    }
  }
  return byWord;
})();

/**
 * Service-type words of four letters or more as they stand among other words (normalizeHeader): "entrega y montaje",
 * "retirada de aparato viejo", "delivery + install". Shorter ones ("d", "p", "wg", "roc") name a type only alone.
 */
const SERVICE_TYPE_PHRASES: readonly { words: string; type: ServiceType }[] = SERVICE_TYPES.flatMap((type) =>
  [...SERVICE_TYPE_WORDS[type], ...(LOCAL_SERVICE_TYPE_WORDS[type] ?? [])].map((w) => normalizeHeader(w)).filter((w) => w.length >= 4).map((words) => ({ words, type })));

/**
 * The service types a longer name holds as whole words, a plain delivery (curbside) left out when it names another:
 * "Entrega y montaje" → installation, "Retirada de aparato viejo" → haul-away, "Lieferung" → curbside.
 */
export function serviceTypesIn(text: string): ServiceType[] {
  const padded = ` ${normalizeHeader(text)} `;
  const found = new Set(SERVICE_TYPE_PHRASES.filter((p) => padded.includes(` ${p.words} `)).map((p) => p.type));
  if (found.size > 1) found.delete('curbside');
  return SERVICE_TYPES.filter((t) => found.has(t));
}

/** The service type a cell names exactly: its name or a common synonym. */
export function exactServiceType(text: string): ServiceType | undefined {
  return SERVICE_TYPE_BY_WORD.get(compact(normalizeHeader(text)));
}

/**
 * Reads a service type from its name or a common synonym ("threshold", "Install", OptimoRoute's D/P, "Montage",
 * "Retoure"), or from a longer name holding one ("Entrega y montaje", "Lieferung mit Altgerätemitnahme"; the review
 * lists those, `serviceTypeWordLines`). A name holding two ("Montaje y retirada") is not guessed.
 */
export function parseServiceType(text: string): Parsed<ServiceType> {
  const type = exactServiceType(text);
  if (type) return ok(type);
  const named = serviceTypesIn(text);
  if (named.length === 1) return ok(named[0]);
  if (named.length > 1) return fail(`'${text}' names ${named.join(' and ')}: an order has one service type (write one of them)`);
  return fail(`unknown service type '${text}' (use one of: ${SERVICE_TYPES.join(', ')})`);
}

/** Minutes on site when a row gives none, by service type (DOMAIN.md defaults). */
export const DEFAULT_SERVICE_MINUTES: Record<ServiceType, number> = {
  curbside: 5, 'room-of-choice': 15, 'white-glove': 30, installation: 60, 'haul-away': 15, return: 10, 're-delivery': 10,
};
