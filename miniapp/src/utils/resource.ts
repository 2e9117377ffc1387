import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { createStore } from './store';

export type ResourceState<T> =
  | { status: 'idle'; data: null; error: null }
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'success'; data: T; error: null }
  | { status: 'error'; data: T | null; error: unknown };

/** A shared, cached async value: one request however many components ask, and a reload for retry buttons. */
export interface Resource<T> {
  state: () => ResourceState<T>;
  load: (options?: { force?: boolean }) => Promise<T>;
  reset: () => void;
  subscribe: (listener: () => void) => () => void;
}

export function createResource<T>(loader: () => Promise<T>): Resource<T> {
  const store = createStore<ResourceState<T>>({ status: 'idle', data: null, error: null });
  let inflight: Promise<T> | null = null;

  return {
    state: store.get,
    subscribe: store.subscribe,
    reset: () => store.set({ status: 'idle', data: null, error: null }),
    load: ({ force = false } = {}) => {
      const current = store.get();
      if (inflight) return inflight;
      if (!force && current.status === 'success') return Promise.resolve(current.data);
      store.set({ status: 'loading', data: current.data, error: null });
      inflight = loader()
        .then((data) => {
          store.set({ status: 'success', data, error: null });
          return data;
        })
        .catch((error: unknown) => {
          store.set({ status: 'error', data: current.data, error });
          throw error;
        })
        .finally(() => {
          inflight = null;
        });
      return inflight;
    },
  };
}

/** Subscribes to a resource and starts loading it the first time a component needs it. */
export function useResource<T>(resource: Resource<T>) {
  const state = useSyncExternalStore(resource.subscribe, resource.state, resource.state);
  useEffect(() => {
    if (resource.state().status === 'idle') resource.load().catch(() => undefined);
  }, [resource]);
  const reload = useCallback(() => {
    resource.load({ force: true }).catch(() => undefined);
  }, [resource]);
  return { ...state, reload };
}
