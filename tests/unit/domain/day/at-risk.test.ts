import { describe, expect, it } from 'vitest';
import { lateS, stopRisk } from '../../../../web/src/domain/day/at-risk';

const H = (h: number, m = 0) => h * 3600 + m * 60;
const window = [{ start: 8 * 60, end: 9 * 60 }];
const margin = 15 * 60;

describe('stopRisk', () => {
  it('is null with room to spare, or without windows', () => {
    expect(stopRisk(window, undefined, H(8, 30), H(8, 30), margin)).toBeNull();
    expect(stopRisk([], undefined, H(23), H(23), margin)).toBeNull();
  });

  it('an early arrival waits: the margin counts from the arrival, not the window opening', () => {
    expect(stopRisk([{ start: 10 * 60, end: 10 * 60 + 10 }], undefined, H(9), H(10), margin)).toBeNull();
  });

  it('flags a stop within the margin of its window end', () => {
    expect(stopRisk(window, undefined, H(8, 50), H(8, 50), margin)).toBe('predicted arrival 08:50 is within 15 min of the end of its window 08:00–09:00');
  });

  it('flags a stop past its window', () => {
    expect(stopRisk(window, undefined, H(9, 5), H(9, 5), margin)).toBe('predicted start 09:05 is 5 min after its window 08:00–09:00 closes');
  });

  it('with a lateness allowance: late but allowed is not at risk until within the margin of the allowance, then past it', () => {
    const allowance = { maxMinutes: 30, costPerMinute: 1 };
    expect(stopRisk(window, allowance, H(9, 5), H(9, 5), margin)).toBeNull();
    expect(stopRisk(window, allowance, H(9, 20), H(9, 20), margin)).toBe('predicted start 09:20 is 20 min late, within 15 min of the 30 min allowed');
    expect(stopRisk(window, allowance, H(9, 40), H(9, 40), margin)).toBe('predicted start 09:40 is 40 min after its window 08:00–09:00 closes, more than the 30 min allowed');
  });

  it('with two windows, a stop late for the first is on time for the second', () => {
    const two = [{ start: 8 * 60, end: 9 * 60 }, { start: 14 * 60, end: 16 * 60 }];
    expect(stopRisk(two, undefined, H(9, 30), H(14), margin)).toBeNull();
    expect(lateS(two, H(14))).toBe(0);
    expect(lateS(two, H(16, 10))).toBe(600);
  });
});
