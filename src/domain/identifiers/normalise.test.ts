import { describe, expect, it } from 'vitest';
import { ALPHANUMERIC, charsetProblem, lengthProblem, matchesPattern, normaliseCode } from './normalise.js';

describe('normaliseCode', () => {
  it.each([
    ['  abc  ', {}, 'ABC'],
    ['ａｂｃ１２３', {}, 'ABC123'],
    ['\u3000AB\u3000', {}, 'AB'],
    ['A B\tC', {}, 'A B\tC'],
    ['A B\tC', { removeInnerSpaces: true }, 'ABC'],
    ['A\u3000B', { removeInnerSpaces: true }, 'AB'],
    ['1\u20102\u20133\u2212４－5', {}, '1-2-3-4-5'],
    ['\ufeffAB\u200bC', {}, 'ABC'],
  ])('%j with %j → %j', (raw, options, expected) => {
    expect(normaliseCode(raw, options)).toBe(expected);
  });
});

describe('lengthProblem and charsetProblem', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(lengthProblem('x', 'A😀', 2)).toBeUndefined();
    expect(lengthProblem('x', 'ABC', 2)).toBe('x must be 2 characters, got 3');
  });

  it('names the first character outside the charset', () => {
    expect(charsetProblem('x', 'AB-C_', ALPHANUMERIC, 'a digit or capital letter')).toBe(
      "x character 3 is '-', which is not a digit or capital letter",
    );
    expect(charsetProblem('x', 'ABC', ALPHANUMERIC, 'a digit or capital letter')).toBeUndefined();
  });
});

describe('matchesPattern', () => {
  it('does not depend on lastIndex of a g or y pattern', () => {
    for (const pattern of [/^\d+$/g, /\d+/y]) {
      expect([matchesPattern(pattern, '123'), matchesPattern(pattern, '123')]).toEqual([true, true]);
    }
  });
});
