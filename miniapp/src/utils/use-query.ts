import { useCallback, useEffect, useRef, useState } from 'react';

export type QueryState<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'success'; data: T; error: null }
  | { status: 'error'; data: T | null; error: unknown };

/**
 * Loads data for one page: the last answer stays on screen while a reload runs, and an answer that arrives
 * after a newer request started is dropped. `enabled: false` waits (for a route parameter or a session).
 */
export function useQuery<T>(load: () => Promise<T>, deps: readonly unknown[], enabled = true) {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading', data: null, error: null });
  const generation = useRef(0);
  // The caller lists what `load` depends on, as with useEffect.
  const loader = useCallback(load, deps);

  const reload = useCallback(() => {
    if (!enabled) return;
    generation.current += 1;
    const mine = generation.current;
    setState((previous) => ({ status: 'loading', data: previous.data, error: null }));
    loader().then(
      (data) => {
        if (mine === generation.current) setState({ status: 'success', data, error: null });
      },
      (error: unknown) => {
        if (mine === generation.current)
          setState((previous) => ({ status: 'error', data: previous.data, error }));
      },
    );
  }, [loader, enabled]);

  useEffect(reload, [reload]);
  /** Replaces the data in place (after a like, a follow or a save) without a reload. */
  const update = useCallback((change: (data: T) => T) => {
    setState((previous) =>
      previous.data === null ? previous : { ...previous, data: change(previous.data) },
    );
  }, []);
  return { ...state, reload, update };
}
