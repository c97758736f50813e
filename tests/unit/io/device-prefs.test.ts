import { afterEach, describe, expect, it } from 'vitest';
import { defaultSolverWorkers, parseSolverWorkers, readSolverWorkers, writeSolverWorkers } from '../../../web/src/io/device-prefs';

describe('Solver workers device preference', () => {
  afterEach(() => localStorage.clear());

  it('defaults to all cores but one, at least one and at most 16', () => {
    expect([1, 2, 8, 64].map((cores) => defaultSolverWorkers(cores))).toEqual([1, 1, 7, 16]);
  });

  it('accepts whole numbers from 1 to 16 and says why it refuses others', () => {
    expect(parseSolverWorkers(' 4 ')).toBe(4);
    expect(parseSolverWorkers('0')).toBe('must be between 1 and 16');
    expect(parseSolverWorkers('2.5')).toBe('must be a whole number');
    expect(parseSolverWorkers('')).toBe('must be a whole number');
  });

  it('is kept on the device; an unreadable stored value gives the default', () => {
    writeSolverWorkers(3);
    expect(readSolverWorkers()).toBe(3);
    localStorage.setItem('fmp.solverWorkers', 'lots');
    expect(readSolverWorkers()).toBe(defaultSolverWorkers());
    expect(() => writeSolverWorkers(99)).toThrow('Solver workers must be between 1 and 16');
  });
});
