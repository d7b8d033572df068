import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it.each([
    ['the documented example', { b: 1, a: [{ d: 2, c: 3 }] }, '{"a":[{"c":3,"d":2}],"b":1}'],
    ['keys sorted at the top level', { z: 1, a: 2, m: 3 }, '{"a":2,"m":3,"z":1}'],
    ['keys sorted in nested objects', { b: { y: 1, x: { q: 1, p: 2 } }, a: null }, '{"a":null,"b":{"x":{"p":2,"q":1},"y":1}}'],
    ['array order kept', [3, 1, 2], '[3,1,2]'],
    ['nested arrays', { a: [[{ b: 1, a: 2 }], [], [[1, [2]]]] }, '{"a":[[{"a":2,"b":1}],[],[[1,[2]]]]}'],
    ['undefined properties dropped', { a: undefined, b: 1, c: { d: undefined } }, '{"b":1,"c":{}}'],
    ['undefined in arrays becomes null, as in JSON', [undefined, 1], '[null,1]'],
    ['null kept', { a: null }, '{"a":null}'],
    ['empty object and array', { a: {}, b: [] }, '{"a":{},"b":[]}'],
    ['strings escaped', { s: 'a"b\n粤' }, '{"s":"a\\"b\\n粤"}'],
    // JavaScript always enumerates integer-like keys first, in numeric order: deterministic, though not RFC 8785 order.
    ['integer-like keys first, in numeric order', { x: 'c', 10: 'a', 9: 'b' }, '{"9":"b","10":"a","x":"c"}'],
    ['code-unit order of keys', { b: 1, B: 2, ä: 3, a: 4 }, '{"B":2,"a":4,"b":1,"ä":3}'],
    ['scalars as they are', 42, '42'],
    ['a string', 'text', '"text"'],
    ['null', null, 'null'],
  ])('%s', (_label, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('is independent of the order keys were written in', () => {
    const a = { type: 'record', legalBasis: [{ instrument: 'Law', article: '1' }], penalty: { kinds: ['fine'], amount: { value: 1, currency: 'CNY' } } };
    const b = { penalty: { amount: { currency: 'CNY', value: 1 }, kinds: ['fine'] }, legalBasis: [{ article: '1', instrument: 'Law' }], type: 'record' };
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('is independent of key order for integer-like keys too', () => {
    expect(canonicalJson({ '10': 1, '9': 2, a: 3 })).toBe(canonicalJson({ a: 3, '9': 2, '10': 1 }));
  });

  it('is valid JSON that parses back to an equal value', () => {
    const value = { b: [1, { d: 'x', c: true }], a: { e: null } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('treats an object with a null prototype like a plain one', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 1, a: 2 });
    expect(canonicalJson(bare)).toBe('{"a":2,"b":1}');
  });

  it('does not mutate its input', () => {
    const value = { b: 1, a: { d: 1, c: undefined } };
    canonicalJson(value);
    expect(Object.keys(value)).toEqual(['b', 'a']);
    expect(Object.keys(value.a)).toEqual(['d', 'c']);
  });
});
