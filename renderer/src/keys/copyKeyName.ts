import type { KeyBytes } from '../../../shared/api/keys';
import { displayKey, isEscaped } from '../ui/keyText';

/**
 * Puts a key name (or folder prefix) on the clipboard. Text names go as they are, byte for byte.
 * The clipboard holds text, so a name that is not plain UTF-8 text goes in its escaped form
 * (`\xff`, `\n`, `\\`, as redis-cli writes it), and the message says so.
 */
export async function copyKeyName(name: KeyBytes, what: 'name' | 'prefix'): Promise<{ ok: boolean; message: string }> {
  const text = displayKey(name);
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    return { ok: false, message: `Could not reach the clipboard; the ${what} is: ${text}` };
  }
  return {
    ok: true,
    message: isEscaped(name)
      ? `Copied the ${what} “${text}” in escaped form, as redis-cli writes it: it is not plain text, so \\xNN stands for one byte.`
      : `Copied the ${what} “${text}”.`,
  };
}
