/** Notifications API: the signed-in person's notifications (every organisation) and calendar feed. */
import type { CalendarFeedCreated, CalendarFeedStatus, NotificationList } from '@essaim/contracts';
import { notifications as toasts } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from '../../i18n';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
  unread: ['notifications', 'unread'] as const,
  feed: ['notifications', 'calendar-feed'] as const,
};

/** How often the bell asks for its count (a tab left open still sees new reminders within a minute). */
const POLL_MS = 60_000;

function onError(error: unknown) {
  toasts.show({ color: 'red', message: describeError(i18n.t.bind(i18n), error) });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api.get<{ unread: number }>('/api/me/notifications/unread-count'),
    refetchInterval: POLL_MS,
  });
}

export function useNotifications(unreadOnly: boolean) {
  return useQuery({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: () =>
      api.get<NotificationList>(`/api/me/notifications?limit=100${unreadOnly ? '&unread=true' : ''}`),
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      api.post<{ marked: number; unread: number }>('/api/me/notifications/read', { ids }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
    onError,
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number; unread: number }>('/api/me/notifications/read-all', {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
    onError,
  });
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: notificationKeys.feed,
    queryFn: () => api.get<CalendarFeedStatus>('/api/me/calendar-feed'),
  });
}

export function useCreateCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeedCreated>('/api/me/calendar-feed', {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.feed }),
    onError,
  });
}

export function useRevokeCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<{ ok: true }>('/api/me/calendar-feed'),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.feed }),
    onError,
  });
}
