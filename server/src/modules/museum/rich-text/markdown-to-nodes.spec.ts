import { describe, expect, it } from '@jest/globals';
import { RICH_TEXT_ATTRIBUTES, RICH_TEXT_TAGS, type RichTextNode } from '@careerside/shared';
import { markdownToNodes, nodesToPlainText, safeImageSrc, safeLinkHref } from './markdown-to-nodes';

const MEDIA = `/api/media/${'a'.repeat(64)}.jpg`;

interface Found {
  tags: string[];
  attrs: [string, string, string][];
  texts: string[];
}

function walk(nodes: RichTextNode[], found: Found = { tags: [], attrs: [], texts: [] }): Found {
  for (const node of nodes) {
    if ('text' in node) {
      found.texts.push(node.text);
      continue;
    }
    found.tags.push(node.name);
    for (const [key, value] of Object.entries(node.attrs ?? {})) found.attrs.push([node.name, key, value]);
    walk(node.children ?? [], found);
  }
  return found;
}

/** The invariants every rendered body must keep, whatever went in. */
function expectSafe(nodes: RichTextNode[]): Found {
  const found = walk(nodes);
  for (const tag of found.tags) expect(RICH_TEXT_TAGS).toContain(tag);
  for (const [tag, key, value] of found.attrs) {
    const allowed = [
      'class',
      'style',
      ...(RICH_TEXT_ATTRIBUTES[tag as keyof typeof RICH_TEXT_ATTRIBUTES] ?? []),
    ];
    expect({ tag, key, allowed: allowed.includes(key) }).toEqual({ tag, key, allowed: true });
    expect(key.startsWith('on')).toBe(false);
    if (key === 'href') expect(value).toMatch(/^(https?:\/\/[^/\\]|\/(?![/\\]))/);
    if (key === 'src') expect(value === MEDIA || value.startsWith('https://')).toBe(true);
    if (key === 'style' || key === 'class') expect(value).not.toMatch(/url\(|expression|javascript/i);
  }
  // Whatever markup was in the source survives only as characters in text nodes.
  expect(JSON.stringify(nodes)).not.toMatch(
    /"name":"(script|iframe|svg|style|object|embed|form|input|math|link|meta)"/,
  );
  return found;
}

const hrefsOf = (markdown: string) =>
  walk(markdownToNodes(markdown))
    .attrs.filter(([, key]) => key === 'href')
    .map(([, , value]) => value);

describe(markdownToNodes.name, () => {
  it('builds headings, paragraphs, emphasis, lists, quotes, code, rules and tables', () => {
    const nodes = markdownToNodes(
      [
        '# 标题',
        '',
        '第一段，**加粗**、*强调*、~~删除~~和 `代码`。',
        '',
        '- 甲',
        '- 乙',
        '',
        '3. 三',
        '4. 四',
        '',
        '> 引用',
        '',
        '```',
        'let x = 1 < 2;',
        '```',
        '',
        '---',
        '',
        '| 年份 | 岗位 |',
        '| :--- | ---: |',
        '| 2016 | 工程师 |',
      ].join('\n'),
    );
    expect(nodes[0]).toEqual({
      name: 'h2',
      attrs: { class: 'md-h2' },
      children: [{ type: 'text', text: '标题' }],
    });
    const found = expectSafe(nodes);
    expect(found.tags).toEqual(
      expect.arrayContaining([
        'p',
        'strong',
        'em',
        'del',
        'code',
        'ul',
        'ol',
        'li',
        'blockquote',
        'pre',
        'hr',
        'table',
        'th',
        'td',
      ]),
    );
    expect(found.attrs).toContainEqual(['ol', 'start', '3']);
    expect(found.attrs).toContainEqual(['td', 'align', 'right']);
    expect(found.texts).toContain('let x = 1 < 2;');
    // Tight list items hold their words directly, without a paragraph.
    const list = nodes.find((node) => 'name' in node && node.name === 'ul');
    expect(list).toEqual({
      name: 'ul',
      attrs: { class: 'md-ul' },
      children: [
        { name: 'li', attrs: { class: 'md-li' }, children: [{ type: 'text', text: '甲' }] },
        { name: 'li', attrs: { class: 'md-li' }, children: [{ type: 'text', text: '乙' }] },
      ],
    });
  });

  it('keeps safe links and our images, with a fixed image style', () => {
    const nodes = markdownToNodes(
      `[中心官网](<https://careers.example.edu.cn/a b>) [站内](/pages/home) ![航天](${MEDIA})`,
    );
    const found = expectSafe(nodes);
    expect(found.attrs).toContainEqual(['a', 'href', 'https://careers.example.edu.cn/a%20b']);
    expect(found.attrs).toContainEqual(['a', 'href', '/pages/home']);
    expect(found.attrs).toContainEqual(['img', 'src', MEDIA]);
    expect(found.attrs).toContainEqual(['img', 'alt', '航天']);
    expect(found.attrs.find(([tag, key]) => tag === 'img' && key === 'style')?.[2]).toContain(
      'max-width:100%',
    );
  });

  const XSS_CORPUS: [string, string][] = [
    ['a script tag', '<script>alert(1)</script>'],
    ['a script tag in mixed case', '<ScRiPt src=//evil.example/x.js></sCrIpT>'],
    ['an img with onerror', '<img src=x onerror=alert(1)>'],
    ['an svg with onload', '<svg/onload=alert(1)>'],
    ['an iframe', '<iframe src="javascript:alert(1)"></iframe>'],
    ['a style block', '<style>body{background:url(javascript:alert(1))}</style>'],
    ['a style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
    ['a div with an event handler', '<div onclick="alert(1)">点我</div>'],
    ['an a with an event handler', '<a href="https://ok.example" onmouseover="alert(1)">x</a>'],
    ['a math/xlink vector', '<math><a xlink:href="javascript:alert(1)">x</a></math>'],
    ['a form and input', '<form action="javascript:alert(1)"><input type=submit></form>'],
    ['an object and embed', '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['an html comment hiding a script', '<!--><script>alert(1)</script>-->'],
    ['HTML nested in a list item', '- item <img src=x onerror=alert(1)>\n- <script>alert(1)</script>'],
    ['HTML nested in a quote', '> <iframe srcdoc="<script>alert(1)</script>"></iframe>'],
    ['HTML nested in emphasis', '**<svg><script>alert(1)</script></svg>**'],
    ['HTML nested in a table cell', '| a |\n| - |\n| <img src=x onerror=alert(1)> |'],
    ['HTML inside a link label', '[<img src=x onerror=alert(1)>](https://ok.example)'],
    ['a fenced block claiming to be html', '```html\n<script>alert(1)</script>\n```'],
    ['an html block with a blank line trick', '<div>\n\n<script>alert(1)</script>\n\n</div>'],
  ];

  it.each(XSS_CORPUS)('renders %s as text only', (_, source) => {
    const nodes = markdownToNodes(source);
    const found = expectSafe(nodes);
    // The markup is still readable: it was shown, not executed and not silently dropped.
    expect(found.texts.join('')).toContain(source.includes('<') ? '<' : '');
  });

  const BAD_LINKS = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java&#x09;script:alert(1)',
    'java&#10;script:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
    'javascript&colon;alert(1)',
    'jav%61script:alert(1)',
    'jav%2561script:alert(1)',
    '%6A%61%76%61%73%63%72%69%70%74:alert(1)',
    'java\u200bscript:alert(1)',
    'java\u00adscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'VbScRiPt:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/phish',
    '/\\evil.example/phish',
    '/%2F%2Fevil.example',
    'mailto:someone@example.com',
    'weixin://dl/business',
    'relative/path',
    'ftp://files.example/x',
  ];

  it.each(BAD_LINKS)('drops the link %j but keeps its words', (href) => {
    const source = `[点这里](<${href}>) and [again](${href.replace(/ /g, '%20')})`;
    const nodes = markdownToNodes(source);
    expectSafe(nodes);
    expect(hrefsOf(source)).toEqual([]);
    expect(nodesToPlainText(nodes)).toContain('点这里');
  });

  it.each(
    BAD_LINKS.concat([
      'https://images.example/ok.png'.replace('https', 'http'),
      '/api/media/../../etc/passwd',
    ]),
  )('drops the image %j, keeping its alt text', (src) => {
    const nodes = markdownToNodes(`![替代文字](<${src}>)`);
    const found = expectSafe(nodes);
    expect(found.tags).not.toContain('img');
    expect(found.texts.join('')).toContain('替代文字');
  });

  it('refuses reference-style and autolink spellings of bad schemes too', () => {
    const source = [
      '[x][bad]',
      '',
      '[bad]: javascript:alert(1)',
      '',
      '<javascript:alert(1)>',
      '<data:text/html,hi>',
    ].join('\n');
    expectSafe(markdownToNodes(source));
    expect(hrefsOf(source)).toEqual([]);
  });

  it('keeps deep nesting bounded and every node on the allow-list', () => {
    const nested = `${'> '.repeat(200)}深处 ${'- '.repeat(50)}x`;
    expectSafe(markdownToNodes(nested));
  });
});

describe(safeLinkHref.name, () => {
  it.each([
    ['https://example.edu.cn/a?b=1#c', 'https://example.edu.cn/a?b=1#c'],
    ['HTTP://Example.edu.cn', 'http://example.edu.cn/'],
    ['/subpackages/museum/pages/hall/index?id=1', '/subpackages/museum/pages/hall/index?id=1'],
    ['https://', null],
    ['https:evil', null],
  ])('%s -> %s', (input, expected) => {
    expect(safeLinkHref(input)).toBe(expected);
  });
});

describe(safeImageSrc.name, () => {
  it('accepts our media, a configured CDN and https images only', () => {
    expect(safeImageSrc(MEDIA)).toBe(MEDIA);
    expect(safeImageSrc(`/api/media/${'b'.repeat(64)}-w480.webp`)).toBe(
      `/api/media/${'b'.repeat(64)}-w480.webp`,
    );
    expect(
      safeImageSrc(`https://cdn.example/m/${'c'.repeat(64)}.png`, { mediaBaseUrl: 'https://cdn.example/m' }),
    ).toBe(`https://cdn.example/m/${'c'.repeat(64)}.png`);
    expect(safeImageSrc('https://images.example/x.png')).toBe('https://images.example/x.png');
    expect(safeImageSrc('http://images.example/x.png')).toBeNull();
    expect(safeImageSrc('/api/media/x.svg')).toBeNull();
    expect(safeImageSrc('/elsewhere/x.png')).toBeNull();
  });
});
