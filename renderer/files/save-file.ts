/** Offers bytes to the user as a download (the browser's own save flow; Electron's will-download in the shell). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const TYPES: Record<string, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function typeOf(fileName: string): string {
  return TYPES[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** A file the backend sent as base64 (import templates). */
export function saveBase64(base64: string, fileName: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  saveBlob(new Blob([bytes], { type: typeOf(fileName) }), fileName);
}

/** A text file the backend sent as a string (CSV error reports already start with a BOM for Excel). */
export function saveText(text: string, fileName: string): void {
  saveBlob(new Blob([text], { type: typeOf(fileName) }), fileName);
}
