export function openExternalLink(url: string): Promise<'opened' | 'copied'> {
  window.open(url, '_blank', 'noopener,noreferrer');
  return Promise.resolve('opened');
}
