import fc from 'fast-check';

/*
 * What an attacker (or a broken client) can put in a call: huge, deep, binary, wrong types,
 * boundary numbers, prototype keys. Sizes are bounded so the suite stays fast: a few hundred KB
 * per string, nesting a few thousand deep.
 */

const fresh = <T>(make: () => T): fc.Arbitrary<T> => fc.constant(null).map(make);

const NASTY_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'a\ud800b',
  '\udc00\ud800',
  '\ufeff',
  '\u202e',
  '\ufffd',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '%E0%A4%A',
  '\r\nSET injected 1\r\n',
  '*1\r\n$8\r\nFLUSHALL\r\n',
  '*',
  '?',
  '[',
  '\\',
  '[^',
  '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b',
  '../../../../etc/passwd',
  '/dev/null',
  '0',
  '-1',
  'NaN',
  '1e400',
  '0x10',
  '18446744073709551616',
  '9'.repeat(40),
  'QR==',
  '***',
  'true',
  'null',
  '{}',
];

export const nastyString = fc.constantFrom(...NASTY_TEXT);

/** A piece repeated up to ~300 KB (built, not generated char by char: fast). */
export const hugeString = fc
  .tuple(
    fc.constantFrom('a', '\u0000', '\ud800', 'é', '😀', 'QUJD', '*', '\\', 'x:'),
    fc.integer({ min: 1, max: 150_000 }),
  )
  .map(([piece, times]) => piece.repeat(times));

/** Random UTF-16 code units: lone surrogates, NUL and control characters included. */
export const codeUnitString = fc.string({
  maxLength: 40,
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
});

export const boundaryNumber = fc.constantFrom(
  -0,
  0,
  -1,
  0.5,
  1e-7,
  Number.MIN_VALUE,
  NaN,
  Infinity,
  -Infinity,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  Number.MAX_VALUE,
  // One past the contract's limits: db, port, rows, keys, bytes.
  16,
  100_001,
  65_536,
  5_001,
  10_001,
  1_000_001,
  1_048_577,
  4 * 1024 * 1024 + 1,
  256 * 1024 * 1024 + 1,
);

const wrongType = fc.oneof(
  fc.constantFrom(true, false, null, undefined, 0n, -1n, 2n ** 64n),
  fresh(() => []),
  fresh(() => ({})),
  fresh(() => Object.create(null) as object),
  fresh(() => new Date(Number.NaN)),
  fresh(() => new Map([['a', 1]])),
  fresh(() => new Set([1])),
  fresh(() => new Uint8Array([0xff, 0, 0x41])),
  fresh(() => {
    const sparse = [1, 2, 3];
    delete sparse[1];
    return sparse;
  }),
  fresh(() => Object.assign(Object.create(null) as object, { base64: 'QUJD' })),
);

/** Objects whose own keys are `__proto__`, `constructor`, `prototype` (as JSON.parse makes them). */
export const prototypeObject = fc
  .constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"__proto__":null,"base64":"QUJD"}',
    '{"prototype":1,"toString":"x","valueOf":2}',
    '{"base64":"QUJD","__proto__":{"base64":"AAAA"}}',
  )
  .map((json) => JSON.parse(json) as unknown);

/** Arrays or objects nested `depth` deep (a few thousand). */
export const deepValue = fc
  .tuple(fc.integer({ min: 500, max: 5_000 }), fc.constantFrom('array', 'object', 'base64'))
  .map(([depth, kind]) => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i++)
      value = kind === 'array' ? [value] : kind === 'object' ? { a: value } : { base64: value };
    return value;
  });

/** A huge array of tiny items (past every `max` of the contract). */
const longArray = fc
  .tuple(fc.constantFrom<unknown>('k', 0, null, { base64: '' }), fc.integer({ min: 1_001, max: 12_000 }))
  .map(([item, length]) => Array.from({ length }, () => item));

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  codeUnitString,
  hugeString,
  boundaryNumber,
  wrongType,
  prototypeObject,
  deepValue,
  longArray,
  fc.record({ base64: fc.oneof(nastyString, codeUnitString, hugeString) }),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
);

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'extra', 'sessionId', 'db', 'then', 'toJSON'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Sets an own property, even `__proto__` (plain assignment would change the prototype). */
const setOwn = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });

/** A copy of `base` (a schema-shaped input) with one hostile change. */
function mutate(base: unknown, hostile: unknown, choice: number, how: string): unknown {
  if (how === 'replace' || !isRecord(base)) return hostile;
  const copy: Record<string, unknown> = { ...base };
  const keys = Object.keys(copy);
  const pick = keys.length ? keys[choice % keys.length]! : undefined;
  switch (how) {
    case 'add':
      setOwn(copy, EXTRA_KEYS[choice % EXTRA_KEYS.length]!, hostile);
      return copy;
    case 'drop':
      if (pick) delete copy[pick];
      return copy;
    case 'nested': {
      const inner = pick ? copy[pick] : undefined;
      if (isRecord(inner)) {
        const innerKeys = Object.keys(inner);
        copy[pick!] = { ...inner, [innerKeys[choice % Math.max(innerKeys.length, 1)] ?? 'x']: hostile };
      } else if (Array.isArray(inner) && inner.length) {
        const items = [...inner];
        items[choice % items.length] = hostile;
        copy[pick!] = items;
      } else if (pick) copy[pick] = hostile;
      return copy;
    }
    case 'wrap':
      return choice % 2 ? [base] : { input: base };
    default: // 'set'
      if (pick) copy[pick] = hostile;
      return copy;
  }
}

/** `valid` as is, or with one hostile change (a field replaced, added, dropped, nested, wrapped). */
export const hostileVariant = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 1, arbitrary: valid },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, hostileValue, fc.nat(), fc.constantFrom('set', 'set', 'nested', 'add', 'drop', 'wrap', 'replace'))
        .map(([base, hostile, choice, how]) => mutate(base, hostile, choice, how)),
    },
  );
