// Helpers for the value integration tests: the key testbed (sessions + key service) plus the
// `values.*` handlers, called with the contract's input validation like dispatch does.
import { API, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/api/methods';
import { ApiFailure } from '../api/apiFailure';
import { createDispatch, type Handlers } from '../api/dispatch';
import { mapError } from '../api/mapError';
import { keyTestbed } from '../keys/keyTestbed';
import { createValueContext } from './valueContext';
import { valueHandlers } from './valueHandlers';

type ValueMethod = Extract<MethodName, `values.${string}`>;

export function valueTestbed() {
  const bed = keyTestbed();
  const handlers = valueHandlers(createValueContext(bed.sessions, bed.service));
  return {
    ...bed,
    /** The `values.*` methods behind the real dispatch: a Result, never a throw (as a transport gets it). */
    dispatch: createDispatch(handlers as Handlers),
    /** Runs a `values.*` method; failures are thrown as ApiFailure with the code the UI would get. */
    async call<M extends ValueMethod>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const params = API[method].input.parse(input);
      try {
        return await (handlers[method] as (p: unknown) => Promise<MethodOutput<M>>)(params);
      } catch (e) {
        const error = mapError(e);
        throw new ApiFailure(error.code, error.message, error.details);
      }
    },
  };
}
