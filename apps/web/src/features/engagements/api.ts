/**
 * Engagement API: types from the contract, query keys, queries, and one mutation helper that writes the
 * returned engagement straight into the cache (every engagement write answers with the whole engagement).
 */
import type {
  ChoiceSchema,
  CriterionSchema,
  Engagement,
  EngagementSummarySchema,
  OptionSchema,
  OptionsBoard,
  PhaseSchema,
  StakeholderSchema,
  TimelineEntrySchema,
  TraceLinkSchema,
} from '@essaim/contracts';
import { notifications } from '@mantine/notifications';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import i18n from '../../i18n';
import { api, isApiError } from '../../lib/api';
import { describeError } from '../../lib/describe-error';

export type { Engagement, OptionsBoard };
export type EngagementSummary = z.infer<typeof EngagementSummarySchema>;
export type Phase = z.infer<typeof PhaseSchema>;
export type Stakeholder = z.infer<typeof StakeholderSchema>;
export type Criterion = z.infer<typeof CriterionSchema>;
export type BoardOption = z.infer<typeof OptionSchema>;
export type Choice = z.infer<typeof ChoiceSchema>;
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export type TraceLink = z.infer<typeof TraceLinkSchema>;

const enc = encodeURIComponent;

export function engagementsPath(orgId: string): string {
  return `/api/orgs/${enc(orgId)}/engagements`;
}

export function engagementPath(orgId: string, engagementId: string): string {
  return `${engagementsPath(orgId)}/${enc(engagementId)}`;
}

export const engagementKeys = {
  all: (orgId: string) => ['engagements', orgId] as const,
  list: (orgId: string) => ['engagements', orgId, 'list'] as const,
  one: (orgId: string, id: string) => ['engagements', orgId, 'one', id] as const,
  boards: (orgId: string, id: string) => ['engagements', orgId, 'one', id, 'boards'] as const,
  timeline: (orgId: string, id: string) => ['engagements', orgId, 'one', id, 'timeline'] as const,
  links: (orgId: string, id: string) => ['engagements', orgId, 'one', id, 'links'] as const,
};

export function useEngagements(orgId: string) {
  return useQuery({
    queryKey: engagementKeys.list(orgId),
    queryFn: () => api.get<{ engagements: EngagementSummary[] }>(engagementsPath(orgId)),
    select: (data) => data.engagements,
  });
}

export function useEngagement(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: engagementKeys.one(orgId, engagementId),
    queryFn: () => api.get<Engagement>(engagementPath(orgId, engagementId)),
    // No request without an id (the method recommender opens without an engagement chosen).
    enabled: Boolean(orgId && engagementId),
  });
}

export function useBoards(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: engagementKeys.boards(orgId, engagementId),
    queryFn: () =>
      api.get<{ boards: OptionsBoard[] }>(`${engagementPath(orgId, engagementId)}/options-boards`),
    select: (data) => data.boards,
  });
}

export function useTimeline(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: engagementKeys.timeline(orgId, engagementId),
    queryFn: () => api.get<{ entries: TimelineEntry[] }>(`${engagementPath(orgId, engagementId)}/timeline`),
    select: (data) => data.entries,
  });
}

export function useLinks(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: engagementKeys.links(orgId, engagementId),
    queryFn: () => api.get<{ links: TraceLink[] }>(`${engagementPath(orgId, engagementId)}/links`),
    select: (data) => data.links,
  });
}

/** After any write: the list (status, phase, counts) and the timeline are stale. */
export function refreshEngagement(queryClient: QueryClient, orgId: string, engagementId: string): void {
  void queryClient.invalidateQueries({ queryKey: engagementKeys.list(orgId) });
  void queryClient.invalidateQueries({ queryKey: engagementKeys.timeline(orgId, engagementId) });
}

/** A refusal because the engagement is paused or stopped: reload it so the banner shows why. */
export function isStatusRefusal(error: unknown): boolean {
  return isApiError(error) && (error.code === 'ENGAGEMENT_STOPPED' || error.code === 'ENGAGEMENT_PAUSED');
}

/**
 * A write that answers with the whole engagement: the cache is updated in place. Errors are toasted by the
 * query client unless `onError` is given.
 */
export function useEngagementMutation<TVars>(
  orgId: string,
  engagementId: string,
  mutationFn: (path: string, vars: TVars) => Promise<Engagement>,
  options: {
    onSuccess?: (engagement: Engagement, vars: TVars) => void;
    onError?: (error: unknown) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  const path = engagementPath(orgId, engagementId);
  return useMutation({
    mutationFn: (vars: TVars) => mutationFn(path, vars),
    onSuccess: (engagement, vars) => {
      queryClient.setQueryData(engagementKeys.one(orgId, engagementId), engagement);
      refreshEngagement(queryClient, orgId, engagementId);
      options.onSuccess?.(engagement, vars);
    },
    onError: (error) => {
      if (isStatusRefusal(error)) {
        void queryClient.invalidateQueries({ queryKey: engagementKeys.one(orgId, engagementId) });
      }
      toastUnlessHandled(error, options.onError);
    },
  });
}

/** Same as {@link useEngagementMutation} for options-board writes (they answer with the board). */
export function useBoardMutation<TVars>(
  orgId: string,
  engagementId: string,
  mutationFn: (boardsPath: string, vars: TVars) => Promise<OptionsBoard>,
  options: {
    onSuccess?: (board: OptionsBoard, vars: TVars) => void;
    onError?: (error: unknown) => void;
  } = {},
) {
  const queryClient = useQueryClient();
  const boardsPath = `${engagementPath(orgId, engagementId)}/options-boards`;
  return useMutation({
    mutationFn: (vars: TVars) => mutationFn(boardsPath, vars),
    onSuccess: (board, vars) => {
      queryClient.setQueryData<{ boards: OptionsBoard[] }>(
        engagementKeys.boards(orgId, engagementId),
        (old) => {
          if (!old) {
            return { boards: [board] };
          }
          const exists = old.boards.some((b) => b.id === board.id);
          return {
            boards: exists ? old.boards.map((b) => (b.id === board.id ? board : b)) : [...old.boards, board],
          };
        },
      );
      void queryClient.invalidateQueries({ queryKey: engagementKeys.timeline(orgId, engagementId) });
      options.onSuccess?.(board, vars);
    },
    onError: (error) => {
      if (isStatusRefusal(error)) {
        void queryClient.invalidateQueries({ queryKey: engagementKeys.one(orgId, engagementId) });
      }
      toastUnlessHandled(error, options.onError);
    },
  });
}

/** The query client toasts only mutations without their own `onError`; ours always has one, so toast here. */
function toastUnlessHandled(error: unknown, handler: ((error: unknown) => void) | undefined): void {
  if (handler) {
    handler(error);
    return;
  }
  notifications.show({ color: 'red', message: describeError(i18n.t, error) });
}
