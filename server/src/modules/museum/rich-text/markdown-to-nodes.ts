import MarkdownIt from 'markdown-it';
import {
  RICH_TEXT_ATTRIBUTES,
  RICH_TEXT_TAGS,
  type RichTextElement,
  type RichTextNode,
  type RichTextTag,
} from '@careerside/shared';

type Token = MarkdownIt.Token;

/** What the renderer needs to know about where media lives. */
export interface RichTextOptions {
  /** Extra origins whose images are ours (a CDN in front of the media store). */
  mediaBaseUrl?: string | null;
}

// Raw HTML is never rendered: with `html: false` markdown-it turns every tag in the source into plain text.
// Nesting is capped well below the default so a hostile body cannot build a pathological tree.
const markdown = new MarkdownIt('default', {
  html: false,
  linkify: false,
  typographer: false,
  maxNesting: 20,
});

const ALLOWED_TAGS = new Set<string>(RICH_TEXT_TAGS);

/** Our own media paths, as the media module names them. */
export const MEDIA_PATH = /^\/api\/media\/[0-9a-f]{64}(?:-w\d{2,4})?\.(?:jpg|png|webp)$/;

// Fixed presentation: the same on weapp and H5 whether or not page stylesheets reach inside rich-text.
const INLINE_STYLE: Partial<Record<RichTextTag, string>> = {
  img: 'max-width:100%;height:auto;display:block;margin:12px auto;border-radius:8px;',
  pre: 'white-space:pre-wrap;word-break:break-all;overflow:hidden;',
  table: 'width:100%;border-collapse:collapse;',
};

const ALIGN = new Set(['left', 'center', 'right']);

// Characters a browser ignores or strips while reading a URL scheme: controls, whitespace, soft hyphen,
// zero-width and bidi marks, fillers, BOM. `java\tscript:` and `jav&#x0A;ascript:` are still `javascript:`.
const INVISIBLE_RANGES: [number, number][] = [
  [0x00, 0x20],
  [0x7f, 0xa0],
  [0xad, 0xad],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x2000, 0x200f],
  [0x2028, 0x202f],
  [0x205f, 0x206f],
  [0x3000, 0x3000],
  [0x3164, 0x3164],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

function withoutInvisible(text: string): string {
  return Array.from(text)
    .filter((character) => {
      const code = character.codePointAt(0) ?? 0;
      return !INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to);
    })
    .join('');
}

function decodeForInspection(url: string): string {
  let decoded = url;
  // Percent-decoding twice catches `%256A` style double encoding of the scheme.
  for (let round = 0; round < 2; round += 1) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      break;
    }
  }
  return withoutInvisible(decoded).toLowerCase();
}

/**
 * Links may be absolute http(s) URLs or paths on this site (`/...`, not the protocol-relative `//host`).
 * Anything else, whatever its spelling, is refused: `javascript:`, `data:`, `vbscript:`, `file:`, schemes
 * hidden behind entities, percent-escapes, mixed case or whitespace, and bare relative paths.
 */
export function safeLinkHref(raw: string): string | null {
  const href = raw.trim();
  if (href.length === 0 || href.length > 2000) return null;
  const inspected = decodeForInspection(href);
  if (/^https?:\/\//.test(inspected)) {
    if (!/^https?:\/\//i.test(href)) return null;
    try {
      const url = new URL(href);
      return url.hostname && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
    } catch {
      return null;
    }
  }
  if (href.startsWith('/') && !/^\/[/\\]/.test(href) && !/^\/[/\\]/.test(inspected)) {
    return href;
  }
  return null;
}

/** Images come from our media store (or its CDN), or from an https address. */
export function safeImageSrc(raw: string, options: RichTextOptions = {}): string | null {
  const src = raw.trim();
  if (MEDIA_PATH.test(src)) return src;
  const base = options.mediaBaseUrl?.replace(/\/+$/, '');
  if (
    base &&
    src.startsWith(`${base}/`) &&
    /^[0-9a-f]{64}(?:-w\d{2,4})?\.(?:jpg|png|webp)$/.test(src.slice(base.length + 1))
  ) {
    return src;
  }
  const href = safeLinkHref(src);
  return href !== null && href.startsWith('https://') ? href : null;
}

function element(
  name: RichTextTag,
  attrs: Record<string, string> = {},
  children: RichTextNode[] = [],
): RichTextElement {
  const allowed = new Set(RICH_TEXT_ATTRIBUTES[name] ?? []);
  const safe: Record<string, string> = { class: `md-${name}` };
  for (const [key, value] of Object.entries(attrs)) {
    if (allowed.has(key)) safe[key] = value;
  }
  const style = INLINE_STYLE[name];
  if (style) safe.style = style;
  if (!ALLOWED_TAGS.has(name)) throw new Error(`rich-text tag outside the allow-list: ${name}`);
  return children.length > 0 ? { name, attrs: safe, children } : { name, attrs: safe };
}

function text(value: string): RichTextNode {
  return { type: 'text', text: value };
}

const HEADING: Record<string, RichTextTag> = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h4', h5: 'h4', h6: 'h4' };

/** Block tokens that open a container, and the tag each becomes. */
function blockTag(token: Token): RichTextTag | null {
  switch (token.type) {
    case 'heading_open':
      return HEADING[token.tag] ?? 'h4';
    case 'paragraph_open':
      return 'p';
    case 'bullet_list_open':
      return 'ul';
    case 'ordered_list_open':
      return 'ol';
    case 'list_item_open':
      return 'li';
    case 'blockquote_open':
      return 'blockquote';
    case 'table_open':
      return 'table';
    case 'thead_open':
      return 'thead';
    case 'tbody_open':
      return 'tbody';
    case 'tr_open':
      return 'tr';
    case 'th_open':
      return 'th';
    case 'td_open':
      return 'td';
    default:
      return null;
  }
}

function blockAttrs(token: Token): Record<string, string> {
  if (token.type === 'ordered_list_open') {
    const start = Number(token.attrGet('start'));
    return Number.isInteger(start) && start > 1 && start < 100_000 ? { start: String(start) } : {};
  }
  if (token.type === 'th_open' || token.type === 'td_open') {
    const align = /text-align:(\w+)/.exec(String(token.attrGet('style') ?? ''))?.[1];
    return align && ALIGN.has(align) ? { align } : {};
  }
  return {};
}

function inlineNodes(tokens: Token[], options: RichTextOptions): RichTextNode[] {
  const root: RichTextNode[] = [];
  const stack: { tag: RichTextTag; attrs: Record<string, string>; children: RichTextNode[] }[] = [];
  const push = (node: RichTextNode) => (stack.at(-1)?.children ?? root).push(node);
  const open = (tag: RichTextTag, attrs: Record<string, string> = {}) =>
    stack.push({ tag, attrs, children: [] });
  const close = () => {
    const frame = stack.pop();
    if (frame) push(element(frame.tag, frame.attrs, frame.children));
  };

  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'html_inline':
      case 'entity':
        if (token.content) push(text(token.content));
        break;
      case 'softbreak':
        push(text(' '));
        break;
      case 'hardbreak':
        push(element('br'));
        break;
      case 'code_inline':
        push(element('code', {}, [text(token.content)]));
        break;
      case 'strong_open':
        open('strong');
        break;
      case 'em_open':
        open('em');
        break;
      case 's_open':
        open('del');
        break;
      case 'link_open': {
        const href = safeLinkHref(String(token.attrGet('href') ?? ''));
        // A refused link keeps its words, without the link.
        open(href === null ? 'span' : 'a', href === null ? {} : { href });
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close':
        close();
        break;
      case 'image': {
        const alt = token.children ? token.children.map((child) => child.content).join('') : token.content;
        const src = safeImageSrc(String(token.attrGet('src') ?? ''), options);
        if (src === null) {
          if (alt) push(element('span', {}, [text(alt)]));
        } else {
          push(element('img', alt ? { src, alt } : { src }));
        }
        break;
      }
      default:
        // Unknown inline tokens contribute their text, never markup.
        if (token.content) push(text(token.content));
    }
  }
  while (stack.length > 0) close();
  return root;
}

/** Turns a Markdown body into mini-program rich-text nodes built only from the allow-list. */
export function markdownToNodes(source: string, options: RichTextOptions = {}): RichTextNode[] {
  const tokens = markdown.parse(source, {});
  const root: RichTextNode[] = [];
  const stack: { tag: RichTextTag | null; attrs: Record<string, string>; children: RichTextNode[] }[] = [];
  const push = (nodes: RichTextNode[]) => (stack.at(-1)?.children ?? root).push(...nodes);

  for (const token of tokens) {
    if (token.nesting === 1) {
      // Paragraphs inside tight list items are hidden: their words go straight into the item.
      const tag = token.hidden ? null : blockTag(token);
      stack.push({ tag, attrs: tag ? blockAttrs(token) : {}, children: [] });
      continue;
    }
    if (token.nesting === -1) {
      const frame = stack.pop();
      if (!frame) continue;
      push(frame.tag ? [element(frame.tag, frame.attrs, frame.children)] : frame.children);
      continue;
    }
    switch (token.type) {
      case 'inline':
        push(inlineNodes(token.children ?? [], options));
        break;
      case 'fence':
      case 'code_block':
        push([element('pre', {}, [element('code', {}, [text(token.content.replace(/\n$/, ''))])])]);
        break;
      case 'hr':
        push([element('hr')]);
        break;
      default:
        if (token.content) push([element('p', {}, [text(token.content)])]);
    }
  }
  while (stack.length > 0) {
    const frame = stack.pop();
    if (frame) push(frame.tag ? [element(frame.tag, frame.attrs, frame.children)] : frame.children);
  }
  return root;
}

/** Plain text of a Markdown body (search snippets, share descriptions). */
export function nodesToPlainText(nodes: RichTextNode[]): string {
  return nodes.map((node) => ('text' in node ? node.text : nodesToPlainText(node.children ?? []))).join('');
}
