import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/methods';
import type { Result } from '../../../shared/api/result';
import { api } from '../api/client';
import { downloadFile } from '../ui/downloadFile';

type ProfileMethod = Extract<MethodName, `profiles.${string}`>;

/**
 * The profile screens' calls that hold no shared state (test, parse a URL, export); those that
 * change the list go through profilesStore. Components never import the API client
 * (docs/ARCHITECTURE.md, "Where a component calls the API").
 */
export const profileCall = <M extends ProfileMethod>(
  method: M,
  input: MethodInput<M>,
): Promise<Result<MethodOutput<M>>> => api.call(method, input);

/** Downloads the given profiles as a JSON file (core never includes secrets). */
export async function exportProfiles(ids: string[]): Promise<string | undefined> {
  const result = await api.call('profiles.export', { ids });
  if (!result.ok) return result.error.message;
  downloadFile(result.value.fileName, result.value.json);
  return undefined;
}
