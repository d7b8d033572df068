import { describe, expect, it } from 'vitest';
import { nextCursorHint } from './feed-reader.js';

describe('nextCursorHint', () => {
  const base = 'http://127.0.0.1:8080/v1/exchange/feed?after=AAA&limit=5';

  it.each([
    ['<?after=BBB&limit=5>; rel="next"', 'BBB'],
    ['<?after=BBB>;rel=next', 'BBB'],
    ['<?after=a%2Bb>; rel="next"', 'a+b'],
    ['<?after=first>; rel="prev", <?after=BBB>; rel="next"', 'BBB'],
    // Only the cursor is taken: the page is still asked for at the partner's own feed URL.
    ['<http://elsewhere.example/feed?after=BBB>; rel="next"', 'BBB'],
  ])('reads the cursor of %s', (link, cursor) => {
    expect(nextCursorHint(link, base)).toBe(cursor);
  });

  it.each([
    [null],
    [''],
    ['<?after=BBB>'],
    ['<?after=BBB>; rel="next-archive"'],
    ['<?after=BBB>; rel="prev"'],
    ['<?limit=5>; rel="next"'],
    ['<http://[bad>; rel="next"'],
  ])('names none in %s', (link) => {
    expect(nextCursorHint(link, base)).toBeUndefined();
  });
});
