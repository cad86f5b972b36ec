// Helpers for the value integration tests: the key testbed (sessions + key service) plus the
// `values.*` handlers, called with the contract's input validation like dispatch does.
import { API, type MethodInput, type MethodName, type MethodOutput } from '../../../../shared/api/methods';
import { ApiFailure } from '../../api/apiFailure';
import { createDispatch, type Handlers } from '../../api/dispatch';
import { mapError } from '../../api/mapError';
import { keyTestbed } from '../../keys/testSupport/keyTestbed';
import { createValueContexts } from '../valueContext';
import { valueHandlers } from '../valueHandlers';

type ValueMethod = Extract<MethodName, `values.${string}`>;

export function valueTestbed() {
  const bed = keyTestbed();
  const handlers = valueHandlers(createValueContexts(bed.sessions, bed.service));
  const dispatch = createDispatch(handlers as Handlers);
  return {
    ...bed,
    /**
     * The `values.*` methods behind the real dispatch: a Result, never a throw (as a transport
     * gets it). Without `db`, the call names the db the session browses now (as the UI does).
     */
    dispatch: (method: string, input: Record<string, unknown>) => {
      const sessionId = typeof input['sessionId'] === 'string' ? input['sessionId'] : undefined;
      const db = input['db'] ?? (sessionId === undefined ? undefined : bed.sessions.view(sessionId).db);
      return dispatch(method, { ...input, db });
    },
    /**
     * Runs a `values.*` method; failures are thrown as ApiFailure with the code the UI would get.
     * Without `db`, the call names the db the session browses now (as the UI does).
     */
    async call<M extends ValueMethod>(
      method: M,
      input: Omit<MethodInput<M>, 'db'> & { db?: number },
    ): Promise<MethodOutput<M>> {
      const db = input.db ?? bed.sessions.view(input.sessionId).db;
      const params = API[method].input.parse({ ...input, db });
      try {
        return await (handlers[method] as (p: unknown) => Promise<MethodOutput<M>>)(params);
      } catch (e) {
        const error = mapError(e);
        throw new ApiFailure(error.code, error.message, error.details);
      }
    },
  };
}
