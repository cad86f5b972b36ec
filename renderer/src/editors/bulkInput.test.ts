import { describe, expect, it } from 'vitest';
import { parseBulk } from './bulkInput';

describe('parseBulk', () => {
  it('reads key=value lines, splitting at the first =', () => {
    expect(parseBulk('a=1\n\n# note\nb=x=y\r\nc=')).toEqual({
      pairs: [
        { key: 'a', value: '1' },
        { key: 'b', value: 'x=y' },
        { key: 'c', value: '' },
      ],
    });
  });
  it('reads a JSON object, keeping non-string values as their exact JSON', () => {
    expect(parseBulk('{"a": "1", "b": 12345678901234567890, "c": {"d": [1, "x,y"]}, "e": "q\\"}"}')).toEqual({
      pairs: [
        { key: 'a', value: '1' },
        { key: 'b', value: '12345678901234567890' },
        { key: 'c', value: '{"d":[1,"x,y"]}' },
        { key: 'e', value: 'q"}' },
      ],
    });
  });
  it('refuses what it cannot read exactly', () => {
    expect(parseBulk('')).toHaveProperty('error');
    expect(parseBulk('novalue')).toEqual({ error: 'Line 1 is not key=value: “novalue”.' });
    expect(parseBulk('=x')).toHaveProperty('error');
    expect(parseBulk('[1,2]')).toHaveProperty('error');
    expect(parseBulk('{"a": }')).toHaveProperty('error');
    expect(parseBulk('a=1\na=2')).toEqual({ error: 'The key “a” is given twice.' });
  });
});

describe('parseBulk names in key=value lines', () => {
  it('trims names unless they are quoted', () => {
    expect(parseBulk('  cmp:d =1\ncmp:e\t= 2 ')).toEqual({
      pairs: [
        { key: 'cmp:d', value: '1' },
        { key: 'cmp:e', value: ' 2 ' },
      ],
    });
    expect(parseBulk(' "  a " = v\n"q\\"=\\\\"=x\n"\\xff"=b')).toEqual({
      pairs: [
        { key: '  a ', value: ' v' },
        { key: 'q"=\\', value: 'x' },
        { key: { base64: btoa('\xff') }, value: 'b' },
      ],
    });
  });
  it('says what is wrong with a quoted name', () => {
    expect(parseBulk('"abc=1')).toEqual({
      error: 'Line 1 has a quoted name with no closing quote (write \\" for a quote inside it).',
    });
    expect(parseBulk('""=1')).toEqual({ error: 'Line 1 has an empty quoted name.' });
    expect(parseBulk('"a" x=1')).toHaveProperty('error');
    expect(parseBulk('"\\q"=1')).toHaveProperty('error');
    expect(parseBulk('  =1')).toHaveProperty('error');
    expect(parseBulk('a =1\n"a"=2')).toEqual({ error: 'The key “a” is given twice.' });
    expect(parseBulk('" a"=1\n" a"=2')).toEqual({ error: 'The key “\\x20a” is given twice.' });
  });
});
