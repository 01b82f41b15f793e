import { describe, expect, it } from 'vitest';
import { parsePoints, parseYear } from '../../shared/parse-input.js';

describe('parseYear', () => {
  it('takes four digits in range only', () => {
    expect(parseYear('2023')).toEqual({ ok: true, value: 2023 });
    expect(parseYear(' 2024 ')).toEqual({ ok: true, value: 2024 });
    expect(parseYear('20x3')).toMatchObject({ ok: false, reason: 'not-a-year' });
    expect(parseYear('2023.0')).toMatchObject({ ok: false, reason: 'not-a-year' });
    expect(parseYear('1999')).toMatchObject({ ok: false, reason: 'year-out-of-range', min: 2000, max: 2100 });
    expect(parseYear('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseYear('', true)).toEqual({ ok: true, value: null });
  });
});

describe('parsePoints', () => {
  it('accepts the Vietnamese decimal comma and the point, refuses anything else', () => {
    expect(parsePoints('7,5')).toEqual({ ok: true, value: 7.5 });
    expect(parsePoints('7.5')).toEqual({ ok: true, value: 7.5 });
    expect(parsePoints('10')).toEqual({ ok: true, value: 10 });
    expect(parsePoints('')).toEqual({ ok: true, value: null });
    for (const bad of ['abc', '7,5,3', '1e3', '-1', '7,', ',5', '1.000,5', '0x10']) expect(parsePoints(bad)).toMatchObject({ ok: false, reason: 'not-a-number' });
    expect(parsePoints('12', 0, 10)).toMatchObject({ ok: false, reason: 'out-of-range', max: 10 });
  });
});
