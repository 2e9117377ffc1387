/** The app path of a notification's page: the server keeps WeChat's form, without the leading slash. */
export function targetUrl(page: string | null): string | null {
  if (!page) return null;
  const trimmed = page.trim().replace(/^\/+/, '');
  return trimmed ? `/${trimmed}` : null;
}
