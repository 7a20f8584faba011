/**
 * Saves text as a file the person downloads (a Blob URL and an `<a download>`): no `downloads`
 * permission needed. The History view's export; loaded on first use (lib/popup/browser-deps.ts).
 */
export function download(fileName: string, text: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  // Revoked once the browser has surely read it.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
