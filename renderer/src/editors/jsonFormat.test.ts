import { describe, expect, it } from 'vitest';
import { describeJsonError, isJsonDocument, reformatJson } from './jsonFormat';

const pretty = (s: string) => reformatJson(s, 2);
const compact = (s: string) => reformatJson(s, null);

describe('reformatJson', () => {
  it('pretty-prints and compacts', () => {
    expect(pretty('{"a":[1,2,{}],"b":{"c":null}}')).toEqual({
      text: '{\n  "a": [\n    1,\n    2,\n    {}\n  ],\n  "b": {\n    "c": null\n  }\n}',
    });
    expect(compact('{ "a" : [ 1 , true ] ,\n "b" : [] }')).toEqual({ text: '{"a":[1,true],"b":[]}' });
  });
  it('copies numbers and strings exactly (no JSON.parse rounding or rewriting)', () => {
    const src = '{"big":12345678901234567890,"f":1.50,"e":1E+2,"s":"\\u00e9\\n\\/","s":2}';
    expect(compact(src)).toEqual({ text: src });
    const back = pretty(src);
    expect('text' in back && compact(back.text)).toEqual({ text: src });
  });
  it('keeps non-ASCII text and handles scalars', () => {
    expect(compact(' "héllo ✓" ')).toEqual({ text: '"héllo ✓"' });
    expect(compact('-0.5e-3')).toEqual({ text: '-0.5e-3' });
  });
  it('reports errors with their position', () => {
    const bad = '{\n  "a": 1,\n  "b" 2\n}';
    const r = compact(bad);
    expect(r).toMatchObject({ error: 'Expected ":" after the property name' });
    expect('error' in r && describeJsonError(bad, r)).toBe('Expected ":" after the property name (line 3, column 7)');
    for (const s of ['{"a":1,}', '[1 2]', '"\\x"', '01', '{"a":1} x', '"a\tb"', '', 'nul'])
      expect(compact(s)).toHaveProperty('error');
  });
  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(compact('['.repeat(5000) + ']'.repeat(5000))).toMatchObject({ error: 'Nested too deeply' });
  });
  it('tells JSON documents (objects, arrays) from other text', () => {
    expect(isJsonDocument(' {"a":1}')).toBe(true);
    expect(isJsonDocument('[1]')).toBe(true);
    expect(isJsonDocument('42')).toBe(false);
    expect(isJsonDocument('{oops}')).toBe(false);
  });
});
