// Copying text for the dispatcher: the async Clipboard API, which needs a secure
// context and the page's focus; false when the browser refuses (the caller says so).

/** Writes `text` to the clipboard; true when it was written. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
