import {
  RICH_TEXT_ATTRIBUTES,
  RICH_TEXT_TAGS,
  type RichTextNode,
  type RichTextTag,
} from '@careerside/shared';

const TAGS = new Set<string>(RICH_TEXT_TAGS);
const SAFE_URL = /^(https?:\/\/|\/(?![/\\]))/i;

/**
 * The server builds exhibit bodies from an allow-list; this checks it again before anything reaches
 * <RichText> (on H5 nodes become real DOM elements): unknown tags are dropped with their children, unknown
 * attributes are dropped, links and images must be http(s) or this site's paths, and image sources go through
 * `resolveSrc` (media paths get the API origin weapp needs).
 */
export function prepareNodes(
  nodes: readonly RichTextNode[] | null | undefined,
  resolveSrc: (src: string) => string = (src) => src,
  depth = 0,
): RichTextNode[] {
  if (!nodes || depth > 30) return [];
  const safe: RichTextNode[] = [];
  for (const node of nodes) {
    if ('text' in node || (node as { type?: string }).type === 'text') {
      const text = (node as { text?: unknown }).text;
      if (typeof text === 'string') safe.push({ type: 'text', text });
      continue;
    }
    const name = (node as { name?: unknown }).name;
    if (typeof name !== 'string' || !TAGS.has(name)) continue;
    const tag = name as RichTextTag;
    const allowed = new Set(['class', 'style', ...(RICH_TEXT_ATTRIBUTES[tag] ?? [])]);
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(node.attrs ?? {})) {
      if (!allowed.has(key) || typeof value !== 'string') continue;
      if (key === 'href' || key === 'src') {
        if (!SAFE_URL.test(value.trim())) continue;
        attrs[key] = key === 'src' ? resolveSrc(value.trim()) : value.trim();
      } else if (key === 'style' && /url\(|expression|javascript:/i.test(value)) {
        continue;
      } else {
        attrs[key] = value;
      }
    }
    if (tag === 'img' && !attrs.src) continue;
    safe.push({ name: tag, attrs, children: prepareNodes(node.children, resolveSrc, depth + 1) });
  }
  return safe;
}
