export const nativeShare = false;

/** A browser has no WeChat share sheet: the share button copies the page's address instead. */
export async function copyPageLink(path: string): Promise<void> {
  const url = `${location.origin}${path.startsWith('/') ? path : `/${path}`}`;
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(url);
    return;
  }
  const field = document.createElement('textarea');
  field.value = url;
  document.body.appendChild(field);
  field.select();
  document.execCommand('copy');
  field.remove();
}
