/**
 * Communities of practice API: the list and invitations, one community (join, invite, accept), its
 * contributions (posts, questions and answers, resources, events) and moderation. Mentions are the
 * platform's notifications (features/notifications/api.ts).
 */
import type {
  CommunityItem,
  CommunityItemCreateBody,
  CommunityItemList,
  CommunityList,
  CommunityMemberList,
  CommunityView,
} from '@essaim/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from '../../i18n';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';
import { base } from './api';

export type { CommunityItem, CommunityView };
export type NewItem = Partial<CommunityItemCreateBody> & Pick<CommunityItemCreateBody, 'kind'>;

const enc = encodeURIComponent;
const communities = (orgId: string) => `${base(orgId)}/communities`;
const one = (orgId: string, id: string) => `${communities(orgId)}/${enc(id)}`;

const keys = {
  all: ['communities'] as const,
  list: (orgId: string) => ['communities', orgId, 'list'] as const,
  one: (orgId: string, id: string) => ['communities', orgId, 'one', id] as const,
  items: (orgId: string, id: string) => ['communities', orgId, 'items', id] as const,
  members: (orgId: string, id: string) => ['communities', orgId, 'members', id] as const,
};

function onError(error: unknown) {
  notifications.show({
    color: 'red',
    message: describeError(i18n.t.bind(i18n), error),
    closeButtonProps: { 'aria-label': i18n.t('pollination.editor.close') },
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.all });
}

export function useCommunities(orgId: string) {
  return useQuery({
    queryKey: keys.list(orgId),
    queryFn: () => api.get<CommunityList>(communities(orgId)),
    enabled: Boolean(orgId),
  });
}

export function useCommunity(orgId: string, id: string) {
  return useQuery({
    queryKey: keys.one(orgId, id),
    queryFn: () => api.get<CommunityView>(one(orgId, id)),
    enabled: Boolean(orgId && id),
  });
}

export function useCommunityItems(orgId: string, id: string) {
  return useQuery({
    queryKey: keys.items(orgId, id),
    queryFn: () => api.get<CommunityItemList>(`${one(orgId, id)}/items`),
    select: (d) => d.items,
    enabled: Boolean(orgId && id),
  });
}

export function useCommunityMembers(orgId: string, id: string) {
  return useQuery({
    queryKey: keys.members(orgId, id),
    queryFn: () => api.get<CommunityMemberList>(`${one(orgId, id)}/members`),
    select: (d) => d.members,
    enabled: Boolean(orgId && id),
  });
}

export function useCreateCommunity(orgId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { title: string; theme: string; description: string }) =>
      api.post<CommunityView>(communities(orgId), body),
    onSuccess: invalidate,
    onError,
  });
}

/** A write on the community itself: join, leave, accept, invite, digest. */
export function useCommunityAction(orgId: string, id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      path,
      body,
      method = 'POST',
    }: {
      path: string;
      body?: unknown;
      method?: 'POST' | 'PUT';
    }) =>
      method === 'PUT'
        ? api.put<unknown>(`${one(orgId, id)}/${path}`, body)
        : api.post<unknown>(`${one(orgId, id)}/${path}`, body),
    onSuccess: invalidate,
    onError,
  });
}

export function useAddItem(orgId: string, id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: NewItem) => api.post<{ id: string }>(`${one(orgId, id)}/items`, body),
    onSuccess: invalidate,
    onError,
  });
}

/** A write on one contribution: useful, report, hide. */
export function useItemAction(orgId: string, id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      itemId,
      path,
      body,
    }: {
      itemId: string;
      path: 'useful' | 'report' | 'hide';
      body: unknown;
    }) => api.post<unknown>(`${one(orgId, id)}/items/${enc(itemId)}/${path}`, body),
    onSuccess: invalidate,
    onError,
  });
}

export const fileUrl = (orgId: string, id: string, itemId: string) =>
  `${one(orgId, id)}/items/${enc(itemId)}/file`;

/** Read a chosen file as base64 for the JSON body (the server checks the bytes). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
