import { z } from 'zod';
import { API, isMethodName, type MethodName, type MethodOutput, type MethodParams } from '../../../shared/api/methods';
import { fail, ok, type Result } from '../../../shared/api/result';
import { mapError } from './mapError';

export type Handler<M extends MethodName> = (params: MethodParams<M>) => Promise<MethodOutput<M>>;
/** One handler per API method; a missing one is a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/**
 * The single entry point for every transport (Electron IPC, WebSocket, tests): validates the
 * input against the contract, runs the handler, and turns every failure into a `Result` — it
 * never throws.
 */
export function createDispatch(handlers: Handlers): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return fail({ code: 'UNKNOWN_METHOD', message: `Unknown API method: ${String(method)}` });
    }
    try {
      // Inside the try too: validation can throw (a refinement's bug, an in-process caller's getter).
      const parsed = API[method].input.safeParse(input ?? {});
      if (!parsed.success) {
        return fail({
          code: 'VALIDATION_FAILED',
          message: z.prettifyError(parsed.error),
          details: parsed.error.issues,
        });
      }
      const handler = handlers[method] as (p: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (e) {
      return fail(mapError(e));
    }
  };
}
