/**
 * Decisions API: rule recommendation and choice, proposals, positions (members and invited
 * participants), the register and the governance map. Types come from the contract.
 */
import type {
  DecisionListSchema,
  DecisionRuleRecommendation,
  DecisionRuleRecommendBody,
  GovernanceMapData,
  GovernanceMapView,
  GovernanceOverviewSchema,
  ProposalCreateBody,
  ProposalCreatedSchema,
  ProposalListSchema,
  ProposalPositionBody,
  ProposalPublic,
  ProposalView,
} from '@essaim/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import i18n from '../../i18n';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';

export type { GovernanceMapData, GovernanceMapView, ProposalPublic, ProposalView };
export type ProposalList = z.infer<typeof ProposalListSchema>;
export type ProposalCreated = z.infer<typeof ProposalCreatedSchema>;
export type DecisionList = z.infer<typeof DecisionListSchema>;
export type DecisionItem = DecisionList['decisions'][number];
export type GovernanceOverview = z.infer<typeof GovernanceOverviewSchema>;

const enc = encodeURIComponent;
const org = (orgId: string) => `/api/orgs/${enc(orgId)}`;
const eng = (orgId: string, engagementId: string) => `${org(orgId)}/engagements/${enc(engagementId)}`;

export const decisionKeys = {
  all: ['decisions'] as const,
  proposals: (orgId: string, engagementId: string) =>
    ['decisions', orgId, 'proposals', engagementId] as const,
  proposal: (orgId: string, id: string) => ['decisions', orgId, 'proposal', id] as const,
  register: (orgId: string, query: Record<string, unknown>) =>
    ['decisions', orgId, 'register', query] as const,
  governance: (orgId: string) => ['decisions', orgId, 'governance'] as const,
};

function onError(error: unknown) {
  notifications.show({ color: 'red', message: describeError(i18n.t.bind(i18n), error) });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: decisionKeys.all });
}

export function useProposals(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: decisionKeys.proposals(orgId, engagementId),
    queryFn: () => api.get<ProposalList>(`${eng(orgId, engagementId)}/proposals`),
    enabled: Boolean(orgId && engagementId),
  });
}

export function useProposal(orgId: string, engagementId: string, proposalId: string) {
  return useQuery({
    queryKey: decisionKeys.proposal(orgId, proposalId),
    queryFn: () => api.get<ProposalView>(`${eng(orgId, engagementId)}/proposals/${enc(proposalId)}`),
    enabled: Boolean(orgId && engagementId && proposalId),
  });
}

export function useRecommendRules(orgId: string, engagementId: string) {
  return useMutation({
    mutationFn: (body: DecisionRuleRecommendBody) =>
      api.post<DecisionRuleRecommendation>(
        `${eng(orgId, engagementId)}/decision-rules/recommendations`,
        body,
      ),
    onError,
  });
}

export function useChooseRule(orgId: string, engagementId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { rule: string; reason: string; decidedBy: 'group' | 'sponsor' }) =>
      api.post<{ id: string }>(`${eng(orgId, engagementId)}/decision-rules/choice`, body),
    onSuccess: invalidate,
    onError,
  });
}

export function useCreateProposal(orgId: string, engagementId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ProposalCreateBody) =>
      api.post<ProposalCreated>(`${eng(orgId, engagementId)}/proposals`, body),
    onSuccess: invalidate,
    onError,
  });
}

/** Any write on one proposal: the path after `/proposals/:id` and its body. */
export function useProposalAction(orgId: string, engagementId: string, proposalId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      api.post<ProposalView>(`${eng(orgId, engagementId)}/proposals/${enc(proposalId)}/${path}`, body),
    onSuccess: (view) => {
      qc.setQueryData(decisionKeys.proposal(orgId, proposalId), view);
      void qc.invalidateQueries({ queryKey: decisionKeys.all });
    },
    onError,
  });
}

export function useRegister(orgId: string, query: Record<string, string | undefined>, engagementId?: string) {
  return useQuery({
    queryKey: decisionKeys.register(orgId, { ...query, engagementId }),
    queryFn: () =>
      api.get<DecisionList>(
        engagementId ? `${eng(orgId, engagementId)}/decisions` : `${org(orgId)}/decisions`,
        { query },
      ),
    enabled: Boolean(orgId),
  });
}

export const exportUrl = (
  orgId: string,
  format: 'csv' | 'xlsx' | 'json',
  query: Record<string, string | undefined>,
) => {
  const params = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(query)) {
    if (v) {
      params.set(k, v);
    }
  }
  return `${org(orgId)}/decisions/export?${params.toString()}`;
};

export function useGovernance(orgId: string) {
  return useQuery({
    queryKey: decisionKeys.governance(orgId),
    queryFn: () => api.get<GovernanceOverview>(`${org(orgId)}/governance`),
    enabled: Boolean(orgId),
  });
}

export function useCreateMap(orgId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { title: string; data?: GovernanceMapData }) =>
      api.post<GovernanceMapView>(`${org(orgId)}/governance/maps`, body),
    onSuccess: invalidate,
    onError,
  });
}

export function useSaveMap(orgId: string, mapId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (data: GovernanceMapData) =>
      api.put<GovernanceMapView>(`${org(orgId)}/governance/maps/${enc(mapId)}`, { data }),
    onSuccess: invalidate,
    onError,
  });
}

export function useAdoptMap(orgId: string, mapId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { engagementId: string; rule: string; deadline: string; reviewOn?: string }) =>
      api.post<ProposalCreated>(`${org(orgId)}/governance/maps/${enc(mapId)}/adoption`, body),
    onSuccess: invalidate,
    onError,
  });
}

export function useGovernanceMeeting(orgId: string) {
  return useMutation({
    mutationFn: (body: { language: 'fr' | 'en' }) =>
      api.post<{ id: string }>(`${org(orgId)}/governance/meeting-agenda`, body),
    onError,
  });
}

export const mapSvgUrl = (orgId: string, mapId: string) =>
  `${org(orgId)}/governance/maps/${enc(mapId)}/export.svg`;

/** Participant side: the token travels in a header, never in the URL sent to the server. */
export const PARTICIPANT_HEADER = 'x-participant-token';

export function useBallot(proposalId: string, token: string | null) {
  return useQuery({
    queryKey: ['ballot', proposalId],
    queryFn: () =>
      api.get<ProposalPublic>(`/api/proposals/${enc(proposalId)}/ballot`, {
        headers: { [PARTICIPANT_HEADER]: token ?? '' },
      }),
    enabled: Boolean(token),
    retry: false,
  });
}

export function useCastBallot(proposalId: string, token: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProposalPositionBody) =>
      api.post<ProposalPublic>(`/api/proposals/${enc(proposalId)}/ballot`, body, {
        headers: { [PARTICIPANT_HEADER]: token ?? '' },
      }),
    onSuccess: (view) => qc.setQueryData(['ballot', proposalId], view),
    onError,
  });
}

/** Translate a dynamic key of this feature (rule ids, codes…) with the typed `t`. */
export function tx(
  t: (key: never, options?: never) => string,
  key: string,
  options?: Record<string, unknown>,
): string {
  return (t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);
}

export function useTakeToWorkshop(orgId: string, engagementId: string, proposalId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () =>
      api.post<{ workshopId: string; activityId: string; consolePath: string }>(
        `${eng(orgId, engagementId)}/proposals/${enc(proposalId)}/workshop`,
        {},
      ),
    onSuccess: invalidate,
    onError,
  });
}
