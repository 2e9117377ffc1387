import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

export interface PagedList<T> {
  items: T[];
  total: number | null;
  status: 'loading' | 'success' | 'error';
  error: unknown;
  loadingMore: boolean;
  hasMore: boolean;
  reload: () => void;
  loadMore: () => void;
}

/**
 * A list that pages by cursor: the first page again whenever `deps` change (an answer to an older request
 * is dropped), more pages appended on demand.
 */
export function usePagedList<T>(
  loadPage: (cursor?: string) => Promise<Page<T>>,
  deps: readonly unknown[],
  enabled = true,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<PagedList<T>['status']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  // The caller lists what loadPage depends on, as with useEffect.
  const load = useCallback(loadPage, deps);

  const reload = useCallback(() => {
    if (!enabled) return;
    generation.current += 1;
    const mine = generation.current;
    setStatus('loading');
    load().then(
      (page) => {
        if (mine !== generation.current) return;
        setItems(page.items);
        setTotal(page.total ?? null);
        setCursor(page.nextCursor);
        setStatus('success');
      },
      (reason: unknown) => {
        if (mine !== generation.current) return;
        setError(reason);
        setStatus('error');
      },
    );
  }, [load, enabled]);

  useEffect(reload, [reload]);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore || status !== 'success') return;
    const mine = generation.current;
    setLoadingMore(true);
    load(cursor)
      .then((page) => {
        if (mine !== generation.current) return;
        setItems((current) => [...current, ...page.items]);
        setCursor(page.nextCursor);
      })
      .catch(() => undefined)
      .finally(() => setLoadingMore(false));
  }, [cursor, load, loadingMore, status]);

  return { items, total, status, error, loadingMore, hasMore: cursor !== null, reload, loadMore };
}
