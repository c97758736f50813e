// Every figure is written one way: separators on counts, costs and km, h:mm for
// durations (past 24 h and below zero too), a true minus sign, nouns in the right
// number, and a plan's cost with its unassigned orders kept apart.
import { describe, expect, it } from 'vitest';
import {
  formatClock, formatCost, formatCostDelta, formatCount, formatDate, formatElapsed, formatHm, formatHmMinutes,
  formatKm, formatKmValue, formatMinutes, formatPlanCost, formatShare, plural,
} from '../../../web/src/domain/format';

describe('format', () => {
  it('puts thousands separators on counts, costs and kilometres', () => {
    expect(formatCount(5000)).toBe('5,000');
    expect(formatCount(1_234_567.6)).toBe('1,234,568');
    expect(formatCount(-1200)).toBe('−1,200');
    expect(formatCost(123_456.4)).toBe('123,456');
    expect(formatCost(3989.5)).toBe('3,990');
    expect(formatKm(12_345_600)).toBe('12,345.6 km');
    expect(formatKmValue(950)).toBe('1.0');
    expect(formatKmValue(0)).toBe('0.0');
  });

  it('never writes a negative zero', () => {
    expect(formatCount(-0.4)).toBe('0');
    expect(formatCost(-0.2)).toBe('0');
    expect(formatKmValue(-10)).toBe('0.0');
    expect(formatHm(-20)).toBe('0:00');
  });

  it('writes nouns in the right number, with separators', () => {
    expect(plural(0, 'order')).toBe('0 orders');
    expect(plural(1, 'order')).toBe('1 order');
    expect(plural(2, 'order')).toBe('2 orders');
    expect(plural(5000, 'order')).toBe('5,000 orders');
    expect(plural(1, 'vehicle')).toBe('1 vehicle');
    expect(plural(150, 'vehicle')).toBe('150 vehicles');
    expect(plural(2, 'delivery', 'deliveries')).toBe('2 deliveries');
  });

  it('writes durations as h:mm, rounded to the minute, past 24 h and below zero', () => {
    expect(formatHm(0)).toBe('0:00');
    expect(formatHm(5 * 60)).toBe('0:05');
    expect(formatHm(6 * 3600 + 35 * 60)).toBe('6:35');
    expect(formatHm(59.6 * 60)).toBe('1:00');
    expect(formatHm(26 * 3600 + 5 * 60)).toBe('26:05');
    expect(formatHm(1234 * 3600)).toBe('1,234:00');
    expect(formatHm(-20 * 60)).toBe('−0:20');
    expect(formatHm(-(2 * 3600 + 5 * 60))).toBe('−2:05');
    expect(formatHmMinutes(90)).toBe('1:30');
  });

  it('writes short spans in minutes and clock times as 08:05 (+1 the next day)', () => {
    expect(formatMinutes(12 * 60 + 20)).toBe('12 min');
    expect(formatMinutes(1500 * 60)).toBe('1,500 min');
    expect(formatClock(8 * 3600 + 5 * 60)).toBe('08:05');
    expect(formatClock(25 * 3600 + 10 * 60)).toBe('01:10 +1');
  });

  it('writes cost changes to the cent with their sign', () => {
    expect(formatCostDelta(12.4)).toBe('+12.40');
    expect(formatCostDelta(-1234.5)).toBe('−1,234.50');
    expect(formatCostDelta(0.001)).toBe('±0.00');
  });

  it('writes a plan\'s cost with unassigned orders and their penalty apart', () => {
    expect(formatPlanCost({ cost: 3989.2, unassigned: 0, penalty: 0 })).toBe('3,989');
    expect(formatPlanCost({ cost: 3989.2, unassigned: 2, penalty: 20_000 })).toBe('3,989 · 2 unassigned (penalty 20,000)');
  });

  it('writes shares, elapsed times and days', () => {
    expect(formatShare(1)).toBe('100 %');
    expect(formatShare(0.9999)).toBe('99.9 %');
    expect(formatShare(0.5)).toBe('50 %');
    expect(formatElapsed(2400)).toBe('2.4 s');
    expect(formatElapsed(1_234_000)).toBe('1,234.0 s');
    expect(formatDate('2026-11-21')).toBe('Sat, 21 Nov 2026');
    expect(formatDate('not a date')).toBe('not a date');
  });
});
