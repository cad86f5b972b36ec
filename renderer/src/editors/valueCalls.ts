import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/methods';
import type { Result } from '../../../shared/api/result';
import { api } from '../api/client';

type ValueMethod = Extract<MethodName, `values.${string}`>;

/**
 * The editors' way to core: components never import the API client (docs/ARCHITECTURE.md,
 * "Where a component calls the API"); they call this, which reaches the values.* methods only.
 */
export const valueCall = <M extends ValueMethod>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> =>
  api.call(method, input);
