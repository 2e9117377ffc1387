import type { zhCN } from './zh-CN';

/** The dictionary shape, taken from zh-CN with every literal widened to `string`. */
type Widen<T> = T extends string
  ? string
  : T extends readonly (infer Item)[]
    ? readonly Widen<Item>[]
    : { readonly [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof zhCN>;
