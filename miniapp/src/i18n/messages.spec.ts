import { describe, expect, it } from '@jest/globals';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

type Tree = { readonly [key: string]: string | readonly string[] | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') return [[path, value]];
    if (Array.isArray(value)) return (value as readonly string[]).map((item, i) => [`${path}.${i}`, item]);
    return leaves(value as Tree, path);
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('dictionaries', () => {
  const zh = new Map(leaves(zhCN));
  const en = new Map(leaves(enUS));

  it('have the same keys, list items included', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have no empty strings', () => {
    expect([...zh, ...en].filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const mismatched = [...zh].filter(([key, text]) => {
      const other = en.get(key);
      return other !== undefined && placeholders(text).join() !== placeholders(other).join();
    });
    expect(mismatched).toEqual([]);
  });
});
