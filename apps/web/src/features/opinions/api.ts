/**
 * Opinion-mapping conversations: query keys, queries and mutations. Maps refresh by polling (the
 * server recomputes them off the request path a moment after each vote).
 */
import type {
  Conversation,
  ConversationMe,
  ConversationResults,
  ConversationSummary,
  ConversationWorkshopJoinResult,
  ConversationWorkshopLink,
  ConversationWorkshopStatus,
} from '@essaim/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type {
  Conversation,
  ConversationMe,
  ConversationResults,
  ConversationSummary,
  ConversationWorkshopJoinResult,
  ConversationWorkshopLink,
  ConversationWorkshopStatus,
};

const enc = encodeURIComponent;
export const conversationsPath = (orgId: string) => `/api/orgs/${enc(orgId)}/conversations`;
export const conversationPath = (orgId: string, id: string) => `${conversationsPath(orgId)}/${enc(id)}`;
export const joinPath = (joinCode: string) => `/api/conversations/join/${enc(joinCode)}`;

/** How often live screens refresh the map and the counts. */
export const POLL_MS = 3000;

export const conversationKeys = {
  list: (orgId: string) => ['conversations', orgId, 'list'] as const,
  one: (orgId: string, id: string) => ['conversations', orgId, 'one', id] as const,
  results: (orgId: string, id: string) => ['conversations', orgId, 'one', id, 'results'] as const,
  me: (joinCode: string) => ['conversation-join', joinCode, 'me'] as const,
  info: (joinCode: string) => ['conversation-join', joinCode, 'info'] as const,
  workshop: (orgId: string, workshopId: string) => ['conversations', orgId, 'workshop', workshopId] as const,
  workshopJoin: (workshopId: string) => ['conversation-workshop-join', workshopId] as const,
  workshopStatus: (workshopId: string) => ['conversation-workshop-status', workshopId] as const,
};

/** The opinion map a live workshop embeds: facilitator side (organisation) and participant side (cookie). */
export const workshopConversationPath = (orgId: string, workshopId: string) =>
  `/api/orgs/${enc(orgId)}/workshops/${enc(workshopId)}/conversation`;
export const workshopConversationStatusPath = (workshopId: string) =>
  `/api/workshops/${enc(workshopId)}/conversation`;
export const workshopConversationJoinPath = (workshopId: string) =>
  `/api/workshops/${enc(workshopId)}/conversation/join`;

export function useConversations(orgId: string) {
  return useQuery({
    queryKey: conversationKeys.list(orgId),
    queryFn: () => api.get<{ conversations: ConversationSummary[] }>(conversationsPath(orgId)),
    select: (data) => data.conversations,
  });
}

export function useConversation(orgId: string, id: string) {
  return useQuery({
    queryKey: conversationKeys.one(orgId, id),
    queryFn: () => api.get<Conversation>(conversationPath(orgId, id)),
    refetchInterval: POLL_MS,
  });
}

export function useResults(orgId: string, id: string) {
  return useQuery({
    queryKey: conversationKeys.results(orgId, id),
    queryFn: () => api.get<ConversationResults>(`${conversationPath(orgId, id)}/results`),
    refetchInterval: POLL_MS,
  });
}

/** A facilitator write answering with the whole conversation: the cache is updated in place. */
export function useConversationMutation<TVars>(
  orgId: string,
  id: string,
  mutationFn: (path: string, vars: TVars) => Promise<Conversation>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: TVars) => mutationFn(conversationPath(orgId, id), vars),
    onSuccess: (conversation) => {
      queryClient.setQueryData(conversationKeys.one(orgId, id), conversation);
      void queryClient.invalidateQueries({ queryKey: conversationKeys.results(orgId, id) });
      void queryClient.invalidateQueries({ queryKey: conversationKeys.list(orgId) });
    },
  });
}

// ---- participant side ---------------------------------------------------------------------------

const tokenKey = (joinCode: string) => `essaim-conversation-${joinCode}`;

/** The participant token lives on this device only (localStorage), keyed by the conversation's link. */
export function readParticipantToken(joinCode: string): string | null {
  try {
    return window.localStorage.getItem(tokenKey(joinCode));
  } catch {
    return null;
  }
}

export function storeParticipantToken(joinCode: string, token: string): void {
  try {
    window.localStorage.setItem(tokenKey(joinCode), token);
  } catch {
    // Private mode: the participation lasts for this page only.
  }
}

export const participantHeaders = (token: string) => ({ 'x-participant-token': token });
