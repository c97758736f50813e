// The ETA window: the expected start read to the minute, its centre rounded to the step, widened either side.
import { describe, expect, it } from 'vitest';
import { etaWindow, windowPhrase, windowsPhrase } from '../../../../web/src/domain/messages/eta-window';

const S = (h: number, m: number, s = 0) => h * 3600 + m * 60 + s;

describe('etaWindow', () => {
  it('rounds the centre to 5 minutes and adds ±15 by default', () => {
    expect(etaWindow(S(10, 7))).toEqual({ start: 9 * 60 + 50, end: 10 * 60 + 20 });
    expect(etaWindow(S(10, 8))).toEqual({ start: 9 * 60 + 55, end: 10 * 60 + 25 });
    expect(etaWindow(S(10, 12))).toEqual({ start: 9 * 60 + 55, end: 10 * 60 + 25 });
    expect(etaWindow(S(10, 13))).toEqual({ start: 10 * 60, end: 10 * 60 + 30 });
    expect(etaWindow(S(10, 0))).toEqual({ start: 9 * 60 + 45, end: 10 * 60 + 15 });
  });

  it('reads the start to the whole minute as the panels show it (10:12:59 is 10:12)', () => {
    expect(etaWindow(S(10, 12, 59))).toEqual(etaWindow(S(10, 12)));
    expect(etaWindow(S(10, 12, 30))).not.toEqual(etaWindow(S(10, 13)));
  });

  it('follows the settings: ±30 rounded to 15, and a zero width', () => {
    expect(etaWindow(S(10, 7), { halfWidthMinutes: 30, roundMinutes: 15 })).toEqual({ start: 9 * 60 + 30, end: 10 * 60 + 30 });
    expect(etaWindow(S(10, 8), { halfWidthMinutes: 30, roundMinutes: 15 })).toEqual({ start: 9 * 60 + 45, end: 10 * 60 + 45 });
    expect(etaWindow(S(10, 7), { halfWidthMinutes: 0, roundMinutes: 1 })).toEqual({ start: 607, end: 607 });
  });

  it('never opens before midnight; past midnight reads +1', () => {
    expect(etaWindow(S(0, 5))).toEqual({ start: 0, end: 20 });
    expect(windowPhrase(etaWindow(S(23, 58)))).toBe('between 23:45 and 00:15 +1');
  });
});

describe('window phrases', () => {
  it('reads as customers read them', () => {
    expect(windowPhrase({ start: 625, end: 655 })).toBe('between 10:25 and 10:55');
    expect(windowPhrase({ start: 607, end: 607 })).toBe('at 10:07');
    expect(windowsPhrase([])).toBe('at any time of the day');
    expect(windowsPhrase([{ start: 480, end: 600 }, { start: 900, end: 1020 }])).toBe('between 08:00 and 10:00 or between 15:00 and 17:00');
  });
});
