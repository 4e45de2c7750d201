import { describe, expect, it } from 'vitest';
import { serializeDateTime } from '../../src/schema/scalars.js';

/** serializeDateTime formats whole seconds by arithmetic; it must write exactly what Date#toISOString writes. */
describe('DateTime serialization', () => {
  const viaDate = (seconds: number) => new Date(seconds * 1000).toISOString();

  it('matches Date#toISOString at calendar edges (epoch, leap days, century rules, year ends, year 9999)', () => {
    const edges = [
      0, 59, 86_399, 86_400, 951_782_399, 951_782_400, 951_868_800, 4_107_542_400, 4_102_444_799, 1_767_225_599, 1_767_225_600,
      1_709_164_800, 1_709_251_199, 253_402_300_799,
    ];
    for (const seconds of edges) expect(serializeDateTime(seconds), String(seconds)).toBe(viaDate(seconds));
  });

  it('matches Date#toISOString for every day of 1970–2100 at varying times of day', () => {
    for (let day = 0; day < 47_847; day++) {
      const seconds = day * 86_400 + ((day * 7_919) % 86_400);
      if (serializeDateTime(seconds) !== viaDate(seconds)) expect(serializeDateTime(seconds)).toBe(viaDate(seconds));
    }
  });

  it('keeps the general path for fractional, negative and far-future times, and refuses non-numbers', () => {
    expect(serializeDateTime(1.5)).toBe('1970-01-01T00:00:01.500Z');
    expect(serializeDateTime(-1)).toBe('1969-12-31T23:59:59.000Z');
    expect(serializeDateTime(253_402_300_800)).toBe('+010000-01-01T00:00:00.000Z');
    expect(() => serializeDateTime('2026-01-01')).toThrow(/expected Unix seconds/);
    expect(() => serializeDateTime(Number.NaN)).toThrow(/expected Unix seconds/);
  });
});
