// The day's clock (issue #11): the real time of day, or a simulated clock the
// dispatcher sets (HH:MM) or plays at a chosen speed to rehearse or demonstrate
// the day. Minutes of the scenario day; kept with the day (keepClock) when the dispatcher sets
// it, so a reload resumes there.
import { batch, createEffect, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';
import type { DayClockRecord, DayRecord } from '../domain/day/day-schema';

/** Simulated seconds per real second: 1440 plays a whole day in about a minute. */
export const DEFAULT_PLAY_SPEED = 1440;
/** Speeds offered by the UI (simulated seconds per real second). */
export const PLAY_SPEEDS = [60, 360, DEFAULT_PLAY_SPEED, 2880] as const;
/** Real milliseconds between two ticks of a playing clock. */
export const PLAY_TICK_MS = 250;
/** The simulated clock stops here (end of the day). */
const DAY_END_MINUTES = 24 * 60;

/** Minutes since local midnight of a Date. */
export function minutesOfDay(date: Date): number {
  return date.getHours() * 60 + date.getMinutes() + date.getSeconds() / 60;
}

/** "HH:MM" → minutes of the day, or null when it is not a time of day. */
export function parseClockInput(text: string): number | null {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const [h, m] = [Number(match[1]), Number(match[2])];
  return h <= 23 && m <= 59 ? h * 60 + m : null;
}

/** The clock's reading and controls. */
export interface DayClock {
  /** Minutes of the day now (simulated or real). */
  minutes: Accessor<number>;
  /** True for the real time of day, false for the simulated clock. */
  real: Accessor<boolean>;
  playing: Accessor<boolean>;
  speed: Accessor<number>;
  /** Sets the simulated clock (switches from real time to it). */
  set(minutes: number): void;
  useRealTime(): void;
  /** Plays the simulated clock from its time; `onTick(from, to)` runs after each advance. */
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
}

/** Injectable time sources (tests drive the clock by hand). */
export interface ClockDeps {
  now?: () => Date;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  /** Called after every advance of a playing clock with the minutes before and after. */
  onTick?: (fromMinutes: number, toMinutes: number) => void;
}

/** Creates the clock, simulated at `startMinutes`; needs a reactive owner (the timers stop with it). */
export function createDayClock(startMinutes: number, deps: ClockDeps = {}): DayClock {
  const now = deps.now ?? (() => new Date());
  const every = deps.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const stop = deps.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
  const [minutes, setMinutes] = createSignal(startMinutes);
  const [real, setReal] = createSignal(false);
  const [playing, setPlaying] = createSignal(false);
  const [speed, setSpeed] = createSignal(DEFAULT_PLAY_SPEED);
  let timer: unknown = null;
  const halt = () => {
    if (timer !== null) stop(timer);
    timer = null;
  };
  const pause = () => {
    halt();
    setPlaying(false);
  };
  const tick = () => {
    const from = minutes();
    const to = real() ? minutesOfDay(now()) : Math.min(DAY_END_MINUTES - 1 / 60, from + (speed() * PLAY_TICK_MS) / 60_000);
    // One update for the step and what it logs: the day is predicted once per tick, at its new time with its new events.
    batch(() => {
      setMinutes(to);
      if (!real()) deps.onTick?.(from, to);
    });
    if (!real() && to >= DAY_END_MINUTES - 1 / 60) pause();
  };
  onCleanup(halt);
  return {
    minutes, real, playing, speed,
    set(value) {
      pause();
      setReal(false);
      setMinutes(Math.max(0, Math.min(DAY_END_MINUTES - 1 / 60, value)));
    },
    useRealTime() {
      pause();
      setReal(true);
      setMinutes(minutesOfDay(now()));
      // The real clock moves on its own, a few times a minute.
      timer = every(tick, 15_000);
    },
    play() {
      if (playing()) return;
      halt();
      setReal(false);
      setPlaying(true);
      timer = every(tick, PLAY_TICK_MS);
    },
    pause,
    setSpeed(value) {
      if (value > 0) setSpeed(value);
    },
  };
}

/**
 * Stores the clock with the day whenever the dispatcher sets it, pauses it or switches to the real
 * time (not on every tick of a playing or real clock), so a reload resumes where the day was left.
 */
export function keepClock(clock: DayClock, day: () => DayRecord | null, setClock: (next: DayClockRecord) => void): void {
  createEffect(on([clock.minutes, clock.real, clock.playing], ([minutes, real, playing]) => {
    const current = untrack(day);
    if (playing || !current) return;
    const next: DayClockRecord = real ? { minutes: 0, real: true } : { minutes, real: false };
    const kept = current.clock;
    if (kept && kept.real === next.real && (real || kept.minutes === next.minutes)) return;
    setClock(next);
  }, { defer: true }));
}
