import { describe, expect, it } from '@jest/globals';
import type { RichTextNode } from '@careerside/shared';
import { prepareNodes } from './rich-text';

describe(prepareNodes.name, () => {
  it('keeps allow-listed nodes and text', () => {
    const nodes: RichTextNode[] = [
      {
        name: 'p',
        attrs: { class: 'md-p' },
        children: [{ type: 'text', text: '<script>alert(1)</script>' }],
      },
      { name: 'img', attrs: { src: '/api/media/a.png', alt: '图' } },
    ];
    expect(prepareNodes(nodes)).toEqual([
      {
        name: 'p',
        attrs: { class: 'md-p' },
        children: [{ type: 'text', text: '<script>alert(1)</script>' }],
      },
      { name: 'img', attrs: { src: '/api/media/a.png', alt: '图' }, children: [] },
    ]);
  });

  it('drops tags, attributes and URLs outside the allow-list, whatever the server sent', () => {
    const hostile = [
      { name: 'script', children: [{ type: 'text', text: 'alert(1)' }] },
      { name: 'iframe', attrs: { src: 'https://evil.example' } },
      {
        name: 'a',
        attrs: { href: 'javascript:alert(1)', onclick: 'alert(1)' },
        children: [{ type: 'text', text: '点' }],
      },
      { name: 'a', attrs: { href: '//evil.example' } },
      { name: 'img', attrs: { src: 'data:image/svg+xml,<svg onload=alert(1)>' } },
      { name: 'p', attrs: { style: 'background:url(javascript:alert(1))', id: 'x' } },
    ] as unknown as RichTextNode[];
    expect(prepareNodes(hostile)).toEqual([
      { name: 'a', attrs: {}, children: [{ type: 'text', text: '点' }] },
      { name: 'a', attrs: {}, children: [] },
      { name: 'p', attrs: {}, children: [] },
    ]);
  });
});
