import { z } from 'zod';
import type { AppVersion } from './app';
import { ConnectionTargetSchema } from './connection';
import type { PingResult, ServerInfo } from './server';

/** A method: the zod schema for its input, and its output type (phantom, types only). */
export interface MethodSpec<S extends z.ZodType, O> {
  input: S;
  readonly output?: O;
}

const method =
  <O>() =>
  <S extends z.ZodType>(input: S): MethodSpec<S, O> => ({ input });

const NoInput = z.object({}).strict().default({});

/**
 * The whole API. Add a method here first; core's handler table and the renderer's client are
 * typed from this object, so a missing handler is a compile error.
 */
export const API = {
  'app.version': method<AppVersion>()(NoInput),
  'server.ping': method<PingResult>()(ConnectionTargetSchema),
  'server.info': method<ServerInfo>()(ConnectionTargetSchema),
} as const;

export type Api = typeof API;
export type MethodName = keyof Api;
/** What a caller passes (defaults optional). */
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives (after validation, defaults applied). */
export type MethodParams<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodOutput<M extends MethodName> = Api[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(API, name);
