/** Opens a link in the user's browser, but only plain http(s) links: never file:, javascript:, … */
export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export async function openExternalSafely(
  raw: string,
  shell: { openExternal(url: string): Promise<void> },
): Promise<boolean> {
  if (!isSafeExternalUrl(raw)) return false;
  await shell.openExternal(raw);
  return true;
}
