import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { KeyBytes } from '../../../../shared/api/keys';
import { codeUnitString, hugeString, nastyString } from './hostileValues';
import type { FieldOverrides } from './schemaArbitrary';

/*
 * Inputs for the key and value methods: the real session (read-write or read-only), a db of
 * the test's Redis, keys from a small pool that includes the canaries, so random calls hit
 * real data often.
 */

/** Placeholders, replaced by the live session ids when a call is made. */
export const RW_SESSION = '@session:rw';
export const RO_SESSION = '@session:ro';
/** The db the session browses now (index reads answer DB_CHANGED for any other). */
export const CURRENT_DB = '@db:current';

/** The canaries every db 0..3 holds, one per type. */
export const CANARY_KEYS = ['canary:str', 'canary:hash', 'canary:list', 'canary:set', 'canary:zset', 'canary:stream'];
export const FUZZ_DBS = [0, 1, 2, 3];
export const UPLOAD_IDS = ['0123456789abcdef0123456789abcdef', 'ffffffffffffffffffffffffffffffff'];

const KEY_POOL: KeyBytes[] = [
  ...CANARY_KEYS,
  'canary:',
  'canary',
  'fuzz:a',
  'fuzz:b',
  'fuzz:dir:1',
  '',
  'ünï:✓',
  'a*b?[c]\\',
  '\u0000',
  { base64: '/wD+' },
  { base64: '' },
  `redlens:upload:${UPLOAD_IDS[0]}`,
];
const PREFIX_POOL: KeyBytes[] = ['canary:', 'canary', 'fuzz:', 'fuzz:dir:', 'c', '*', '[', '\\', { base64: '/w==' }];

const randomBytesKey = fc
  .uint8Array({ maxLength: 12 })
  .map((b): KeyBytes => ({ base64: Buffer.from(b).toString('base64') }));

export const keyArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...KEY_POOL) },
  { weight: 1, arbitrary: codeUnitString },
  { weight: 1, arbitrary: randomBytesKey },
  { weight: 1, arbitrary: nastyString },
);

const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 16 }) },
  {
    weight: 2,
    arbitrary: fc.uint8Array({ maxLength: 32 }).map((b) => ({ base64: Buffer.from(b).toString('base64') })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 20_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: hugeString },
  // Just past the 1 MB that strings and fields load whole.
  { weight: 1, arbitrary: fc.integer({ min: 1_048_570, max: 1_100_000 }).map((n) => 'y'.repeat(n)) },
  { weight: 1, arbitrary: codeUnitString },
);

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The canary a method's type works on (hash methods → the hash…), so calls often reach real data. */
function typedCanary(method: string): string | undefined {
  const type = /^values\.(string|hash|list|set|zset|stream)\./.exec(method)?.[1];
  return type && `canary:${type === 'string' ? 'str' : type}`;
}

/** Field arbitraries for `method`: keys biased towards the canary of its type. */
export function keyValueOverrides(method: string): FieldOverrides {
  const canary = typedCanary(method);
  const key = canary ? fc.oneof(fc.constant(canary), keyArb) : keyArb;
  const field = fc.oneof(fc.constantFrom('f', 'g'), keyArb);
  return {
    sessionId: fc.constantFrom(RW_SESSION, RW_SESSION, RW_SESSION, RO_SESSION, 'no-such-session'),
    db: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...FUZZ_DBS) },
      { weight: 4, arbitrary: fc.constant(CURRENT_DB) },
      { weight: 1, arbitrary: fc.constantFrom(4, 15, 16, 99, 100_000) },
    ),
    after: fc.oneof(
      fc.constantFrom(
        '0-0',
        '1-1',
        '18446744073709551615-18446744073709551615',
        '18446744073709551616-0',
        '1-99999999999999999999',
      ),
      fc.stringMatching(/^\d+-\d+$/),
    ),
    key,
    newKey: keyArb,
    field,
    newField: field,
    prefix: fc.oneof(fc.constantFrom(...PREFIX_POOL), keyArb),
    keys: fc.array(keyArb, { minLength: 1, maxLength: 6 }),
    fields: fc.array(field, { minLength: 1, maxLength: 6 }),
    value: valueArb,
    match: fc.oneof(
      fc.constantFrom('*', 'canary:*', 'fuzz:*', 'c?nary:[a-z]*', '[', '\\', '*a*a*a*a*a*a*a*b'),
      nastyString,
    ),
    cursor: fc.oneof(fc.constantFrom('0', '0', '1', '7', '18446744073709551615'), fc.stringMatching(/^\d{1,20}$/)),
    uploadId: fc.oneof(fc.constantFrom(...UPLOAD_IDS), fc.stringMatching(/^[0-9a-f]{32}$/)),
    version: fc.oneof(
      fc.constantFrom(...['', 'x', 'db0', 'db1', 'db2', 'db3'].map(sha1)),
      fc.stringMatching(/^[0-9a-f]{40}$/),
    ),
    offset: fc.oneof(fc.constantFrom(0, 0, 1, 5, 16, 268_435_456), fc.nat(64)),
    size: fc.oneof(fc.constantFrom(1, 5, 16, 268_435_456), fc.nat(64)),
    jobId: fc.constantFrom('@job:last', 'no-such-job'),
  };
}

/** Key/value methods that may change data: everything else must leave Redis as it was. */
export const WRITE_METHODS = new Set([
  'keys.delete',
  'keys.rename',
  'keys.expire',
  'keys.deleteFolder',
  'values.string.set',
  'values.string.upload',
  'values.string.commitUpload',
  'values.string.abortUpload',
  'values.mset',
  'values.hash.setField',
  'values.hash.renameField',
  'values.hash.deleteFields',
  'values.hash.create',
]);
