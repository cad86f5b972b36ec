import type { ApiError } from '../../../shared/api/errors';
import { api } from '../api/client';
import { useNav } from '../nav/navStore';

/**
 * Opens the profile editor filled from a quick connect. Core holds what was typed (password
 * included); the editor gets a view without the secret, and saving names the quick connect so
 * core adds the password itself. Answers why not when core no longer holds it.
 */
export async function saveQuickAsProfile(quickId: string): Promise<ApiError | undefined> {
  const result = await api.call('quick.profile', { quickId });
  if (!result.ok) return result.error;
  useNav.getState().go({ kind: 'edit', quick: result.value });
  return undefined;
}
