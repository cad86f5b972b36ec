/**
 * Saves text as a file through a blob link (works in the browser and in Electron). The URL is
 * revoked a little later: revoking it at once can cancel the download in some browsers.
 */
export function downloadFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
