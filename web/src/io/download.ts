// Hands a file to the browser's download: a Blob behind a temporary object URL
// and a clicked `a[download]`. The URL is released once the click has been handled.
/** MIME types of the files the planner writes. */
export const MIME = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  geojson: 'application/geo+json',
} as const;

/** Makes a file name safe on every OS: "Tue 21/11 plan" → "Tue-21-11-plan". */
export function safeFileName(name: string): string {
  const cleaned = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return cleaned || 'scenario';
}

/** Starts a download of `text` as `fileName`. */
export function downloadText(fileName: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
