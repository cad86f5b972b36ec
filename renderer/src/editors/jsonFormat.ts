/**
 * Re-formats JSON text (pretty or compact) token by token, without JSON.parse: numbers and
 * strings are copied exactly as written, so `12345678901234567890`, `1.50` or `"\u00e9"` stay
 * byte for byte what they were (JSON.parse + stringify would round or rewrite them), and
 * duplicate object keys are kept. Also the validator: anything that is not JSON is an error
 * with its position.
 */
export type JsonFormat = { text: string } | { error: string; offset: number };

const MAX_DEPTH = 2_000;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORDS = ['true', 'false', 'null'] as const;

class JsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function reformatJson(src: string, indent: number | null): JsonFormat {
  const out: string[] = [];
  let pos = 0;
  const fail = (message: string, at = pos): never => {
    throw new JsonError(message, at);
  };
  const skip = () => {
    while (pos < src.length) {
      const c = src.charCodeAt(pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      pos++;
    }
  };
  const newline = (depth: number) => {
    if (indent !== null) out.push('\n', ' '.repeat(indent * depth));
  };
  const string = () => {
    const start = pos++;
    while (pos < src.length) {
      const c = src.charCodeAt(pos);
      if (c === 0x22) {
        out.push(src.slice(start, ++pos));
        return;
      }
      if (c < 0x20) fail('A control character inside a string must be escaped');
      if (c === 0x5c) {
        const e = src[pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(src.slice(pos + 2, pos + 6))) fail('\\u needs four hex digits');
          pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) pos += 2;
        else fail('Unknown escape in a string');
      } else pos++;
    }
    fail('Unterminated string', start);
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail('Nested too deeply');
    skip();
    const c = src[pos];
    if (c === '{' || c === '[') return container(c, depth);
    if (c === '"') return string();
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(src);
    if (number) {
      pos += number[0].length;
      return void out.push(number[0]);
    }
    const word = WORDS.find((w) => src.startsWith(w, pos));
    if (word) {
      pos += word.length;
      return void out.push(word);
    }
    fail(c === undefined ? 'Unexpected end of the JSON' : `Unexpected ${JSON.stringify(c)}`);
  };
  const container = (open: '{' | '[', depth: number) => {
    const close = open === '{' ? '}' : ']';
    out.push(open);
    pos++;
    skip();
    if (src[pos] === close) {
      pos++;
      return void out.push(close);
    }
    for (;;) {
      newline(depth + 1);
      if (open === '{') {
        skip();
        if (src[pos] !== '"') fail('Expected a property name in double quotes');
        string();
        skip();
        if (src[pos] !== ':') fail('Expected ":" after the property name');
        pos++;
        out.push(indent === null ? ':' : ': ');
      }
      value(depth + 1);
      skip();
      if (src[pos] === ',') {
        pos++;
        out.push(',');
        continue;
      }
      if (src[pos] === close) {
        pos++;
        newline(depth);
        return void out.push(close);
      }
      fail(`Expected "," or "${close}"`);
    }
  };
  try {
    value(0);
    skip();
    if (pos < src.length) fail('Unexpected text after the JSON value');
    return { text: out.join('') };
  } catch (e) {
    if (e instanceof JsonError) return { error: e.message, offset: e.offset };
    throw e;
  }
}

/** 1-based line and column of an offset, for error messages. */
function lineColumn(src: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = src.indexOf('\n'); i !== -1 && i < offset; i = src.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** "Expected "," or "}" (line 3, column 7)". */
export function describeJsonError(src: string, error: { error: string; offset: number }): string {
  const { line, column } = lineColumn(src, error.offset);
  return `${error.error} (line ${line}, column ${column})`;
}

/** An object or array that parses: what the JSON view is the natural default for. */
export const isJsonDocument = (text: string): boolean => /^\s*[[{]/.test(text) && 'text' in reformatJson(text, null);

/** True when the JSON text is laid out on several lines (so it was saved pretty, not compact). */
export const isMultiline = (text: string): boolean => text.trim().includes('\n');
