import { useCallback, useRef, useState } from 'react';
import type { NotificationDto } from '@careerside/shared';
import { notificationsApi } from '@/services/api/notifications.api';
import { setUnread } from './unread';

const PAGE_SIZE = 20;

export interface Inbox {
  items: NotificationDto[];
  unreadCount: number;
  status: 'loading' | 'success' | 'error';
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  /** The first page again (on show, on pull-down). */
  reload: () => Promise<void>;
  loadMore: () => void;
  markRead: (notification: NotificationDto) => void;
  markAllRead: () => Promise<void>;
}

/** The inbox, paged by cursor; read marks show at once and are sent in the background. */
export function useInbox(): Inbox {
  const [items, setItems] = useState<NotificationDto[]>([]);
  const [unreadCount, setUnreadCount] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<Inbox['status']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);

  const track = useCallback((count: number) => {
    setUnreadCount(count);
    setUnread(count);
  }, []);

  const reload = useCallback(async () => {
    generation.current += 1;
    const mine = generation.current;
    setStatus((current) => (current === 'success' ? current : 'loading'));
    try {
      const page = await notificationsApi.list({ limit: PAGE_SIZE });
      if (mine !== generation.current) return;
      setItems(page.items);
      setCursor(page.nextCursor);
      track(page.unreadCount);
      setStatus('success');
    } catch (reason) {
      if (mine !== generation.current) return;
      setError(reason);
      setStatus('error');
    }
  }, [track]);

  const loadMore = useCallback(() => {
    if (!cursor || loadingMore || status !== 'success') return;
    const mine = generation.current;
    setLoadingMore(true);
    notificationsApi
      .list({ limit: PAGE_SIZE, cursor })
      .then((page) => {
        if (mine !== generation.current) return;
        // A newer entry may have pushed one across the page boundary: never show it twice.
        setItems((current) => {
          const seen = new Set(current.map((item) => item.id));
          return [...current, ...page.items.filter((item) => !seen.has(item.id))];
        });
        setCursor(page.nextCursor);
        track(page.unreadCount);
      })
      .catch(() => undefined)
      .finally(() => setLoadingMore(false));
  }, [cursor, loadingMore, status, track]);

  const markRead = useCallback(
    (notification: NotificationDto) => {
      if (notification.readAt) return;
      const readAt = new Date().toISOString();
      setItems((current) =>
        current.map((item) => (item.id === notification.id ? { ...item, readAt } : item)),
      );
      setUnreadCount((count) => {
        setUnread(count - 1);
        return Math.max(0, count - 1);
      });
      notificationsApi.markRead(notification.id).then(
        (answer) => track(answer.unreadCount),
        () => undefined,
      );
    },
    [track],
  );

  const markAllRead = useCallback(async () => {
    const answer = await notificationsApi.markAllRead();
    const readAt = new Date().toISOString();
    setItems((current) => current.map((item) => (item.readAt ? item : { ...item, readAt })));
    track(answer.unreadCount);
  }, [track]);

  return {
    items,
    unreadCount,
    status,
    error,
    hasMore: cursor !== null,
    loadingMore,
    reload,
    loadMore,
    markRead,
    markAllRead,
  };
}
