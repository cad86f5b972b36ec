import fc from 'fast-check';
import { z } from 'zod';
import { hostileValue, hostileVariant } from './hostileValues';

/** The part of JSON Schema that `z.toJSONSchema` emits for our contract. */
interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

/**
 * Arbitraries for fields by name, taking precedence over the schema: ids that must name live
 * things (sessions, profiles), keys from a small pool that hits the canaries, loopback hosts…
 */
export type FieldOverrides = Record<string, fc.Arbitrary<unknown>>;

/** Generated collections stay small: the hostile sizes come from hostileValues. */
const MAX_ITEMS = 6;
const MAX_TEXT = 24;

/** Any integer in [min, max], with the bounds themselves often (fc.integer is 32-bit only). */
function integerIn(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): fc.Arbitrary<number> {
  const inner = fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
  const small = fc.integer({ min: Math.max(min, 0), max: Math.min(max, Math.max(min, 0) + 20) });
  return fc.oneof(fc.constantFrom(min, max), small, inner);
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_TEXT, MAX_TEXT));
  return fc.oneof(
    fc.string({ minLength, maxLength, unit: 'grapheme-ascii' }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
  );
}

/** Options of one generation: `hostile` = any field may also hold a hostile value. */
interface Mode {
  hostile: boolean;
}

/** A field's values: as the schema says, or (in hostile mode, now and then) anything hostile. */
const field = (arbitrary: fc.Arbitrary<unknown>, mode: Mode) =>
  mode.hostile ? fc.oneof({ weight: 7, arbitrary }, { weight: 1, arbitrary: hostileValue }) : arbitrary;

function objectFor(schema: JsonSchema, overrides: FieldOverrides, mode: Mode): fc.Arbitrary<unknown> {
  const entries = Object.entries(schema.properties ?? {}).map(
    ([name, property]) => [name, field(overrides[name] ?? arbitraryOf(property, overrides, mode), mode)] as const,
  );
  return fc.record(Object.fromEntries(entries), { requiredKeys: schema.required ?? [] });
}

/** Values that (mostly) satisfy `schema`, with `overrides` used for the fields they name. */
export function arbitraryOf(schema: JsonSchema, overrides: FieldOverrides, mode: Mode): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((option) => arbitraryOf(option, overrides, mode)));
  switch (schema.type) {
    case 'object':
      return objectFor(schema, overrides, mode);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS));
      const item = schema.items ? arbitraryOf(schema.items, overrides, mode) : fc.jsonValue();
      return fc.array(field(item, mode), { minLength, maxLength });
    }
    case 'string':
      return stringFor(schema);
    case 'integer':
      return integerIn(schema.minimum, schema.maximum);
    case 'number':
      return fc.double({ min: schema.minimum, max: schema.maximum, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const jsonSchemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Inputs shaped by a zod schema (as the caller sends them: defaults optional), `overrides` for the fields they name. */
export const validInput = (schema: z.ZodType, overrides: FieldOverrides): fc.Arbitrary<unknown> =>
  arbitraryOf(jsonSchemaOf(schema), overrides, { hostile: false });

/**
 * What the fuzz sends: schema-shaped inputs, the same with hostile values in any field, and
 * with one hostile change at the top (a field replaced, added, dropped; the whole replaced).
 */
export function fuzzInput(schema: z.ZodType, overrides: FieldOverrides): fc.Arbitrary<unknown> {
  const json = jsonSchemaOf(schema);
  return fc.oneof(
    hostileVariant(arbitraryOf(json, overrides, { hostile: false })),
    arbitraryOf(json, overrides, { hostile: true }),
  );
}
