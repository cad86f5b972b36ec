import { describe, expect, it } from 'vitest';
import { bytesOf, formatBytes, sameBytes, toValueBytes, utf8Bytes } from './valueBytes';
import {
  defaultView,
  BIG_VALUE_BYTES,
  jsonStyleOf,
  readBack,
  showAs,
  viewUnavailable,
  type ViewKind,
} from './valueViews';

const ALL = Uint8Array.from({ length: 256 }, (_, i) => i);
const roundTrip = (bytes: Uint8Array, view: ViewKind) => {
  const shown = showAs(bytes, view);
  return readBack(shown.text, view, { escaped: shown.escaped, style: jsonStyleOf(bytes) });
};

describe('value views', () => {
  it('defaults to JSON, Hex or Text', () => {
    expect(defaultView(utf8Bytes('{"a": 1}'))).toBe('json');
    expect(defaultView(utf8Bytes('hello'))).toBe('text');
    expect(defaultView(utf8Bytes('42'))).toBe('text');
    expect(defaultView(ALL.subarray(128))).toBe('hex');
    expect(defaultView(new Uint8Array(BIG_VALUE_BYTES + 1).fill(0xff))).toBe('hex');
    // JSON is not detected in big values (it is offered instead).
    expect(defaultView(utf8Bytes(`[${'1,'.repeat(BIG_VALUE_BYTES)}1]`))).toBe('text');
  });
  it('round-trips all 256 byte values through Text (escaped) and Hex', () => {
    for (const view of ['text', 'hex'] as const) {
      const back = roundTrip(ALL, view);
      expect('bytes' in back && sameBytes(back.bytes, ALL)).toBe(true);
    }
    expect(showAs(ALL, 'text').escaped).toBe(true);
  });
  it('keeps UTF-8 text exactly, CR LF, BOM and NUL included', () => {
    const bytes = utf8Bytes('\ufeffline 1\r\nline 2\u0000 é ✓ 😀\n');
    expect(showAs(bytes, 'text')).toEqual({ text: '\ufeffline 1\r\nline 2\u0000 é ✓ 😀\n', escaped: false });
    const back = roundTrip(bytes, 'text');
    expect('bytes' in back && sameBytes(back.bytes, bytes)).toBe(true);
  });
  it('pretty-prints JSON and saves it compact or pretty', () => {
    const bytes = utf8Bytes('{"a":[1,2],"n":1.50}');
    const shown = showAs(bytes, 'json');
    expect(shown.text).toBe('{\n  "a": [\n    1,\n    2\n  ],\n  "n": 1.50\n}');
    const compact = readBack(shown.text, 'json', { escaped: false, style: 'compact' });
    expect('bytes' in compact && sameBytes(compact.bytes, bytes)).toBe(true);
    const pretty = readBack(shown.text, 'json', { escaped: false, style: 'pretty' });
    expect('bytes' in pretty && new TextDecoder().decode(pretty.bytes)).toBe(shown.text);
    expect(jsonStyleOf(bytes)).toBe('compact');
    expect(jsonStyleOf(utf8Bytes(shown.text))).toBe('pretty');
  });
  it('validates JSON before it can be saved', () => {
    expect(readBack('{"a": }', 'json', { escaped: false, style: 'compact' })).toEqual({
      error: 'Not valid JSON: Unexpected "}" (line 1, column 7).',
    });
    expect(showAs(utf8Bytes('{oops'), 'json').note).toMatch(/^Not valid JSON/);
  });
  it('explains views that cannot show a value', () => {
    expect(viewUnavailable('json', ALL, false)).toMatch(/not UTF-8/);
    expect(viewUnavailable('text', new Uint8Array(BIG_VALUE_BYTES + 1).fill(0xff), false)).toMatch(/use Hex/);
    expect(viewUnavailable('hex', new Uint8Array(BIG_VALUE_BYTES + 1), true)).toBeUndefined();
    expect(viewUnavailable('text', ALL, false)).toBeUndefined();
  });
  it('reports bad hex and bad escapes instead of guessing', () => {
    expect(readBack('41 zz', 'hex', { escaped: false, style: 'compact' })).toHaveProperty('error');
    expect(readBack('\\q', 'text', { escaped: true, style: 'compact' })).toHaveProperty('error');
  });
});

describe('value bytes', () => {
  it('converts to and from the wire form exactly', () => {
    expect(toValueBytes(utf8Bytes('héllo'))).toBe('héllo');
    const wire = toValueBytes(ALL);
    expect(typeof wire).toBe('object');
    expect(sameBytes(bytesOf(wire), ALL)).toBe(true);
    const big = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
    expect(sameBytes(bytesOf(toValueBytes(big)), big)).toBe(true);
  });
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1024 * 1024)).toBe('1 MB');
    expect(formatBytes(48 * 1024 * 1024)).toBe('48 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });
});
