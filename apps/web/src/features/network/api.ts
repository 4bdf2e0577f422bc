/**
 * Network API: contract types, paths, query keys and hooks. Results identify people, so the server
 * answers them only to facilitators and owners (`network.readReport`); members get their ego view.
 */
import type {
  NetworkAnalysis,
  NetworkEgo,
  NetworkImportPreview,
  NetworkProposal,
  NetworkRespondentView,
  NetworkResult,
  NetworkSummary,
  NetworkSurveyRelation,
} from '@essaim/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type {
  NetworkAnalysis,
  NetworkEgo,
  NetworkImportPreview,
  NetworkProposal,
  NetworkRespondentView,
  NetworkResult,
  NetworkSummary,
  NetworkSurveyRelation,
};
export type NetworkNode = NetworkResult['nodes'][number];

const enc = encodeURIComponent;

export const networksPath = (orgId: string, engagementId: string) =>
  `/api/orgs/${enc(orgId)}/engagements/${enc(engagementId)}/networks`;
export const networkPath = (orgId: string, engagementId: string, networkId: string) =>
  `${networksPath(orgId, engagementId)}/${enc(networkId)}`;
export const surveyPath = (token: string) => `/api/network-survey/${enc(token)}`;

export const networkKeys = {
  list: (orgId: string, engagementId: string) => ['networks', orgId, engagementId, 'list'] as const,
  mine: (orgId: string, engagementId: string) => ['networks', orgId, engagementId, 'mine'] as const,
  one: (orgId: string, engagementId: string, networkId: string) =>
    ['networks', orgId, engagementId, 'one', networkId] as const,
  analysis: (orgId: string, engagementId: string, networkId: string, analysisId: string) =>
    ['networks', orgId, engagementId, 'one', networkId, 'analysis', analysisId] as const,
  survey: (token: string) => ['network-survey', token] as const,
};

export function useNetworks(orgId: string, engagementId: string, enabled: boolean) {
  return useQuery({
    queryKey: networkKeys.list(orgId, engagementId),
    queryFn: () => api.get<{ networks: NetworkSummary[] }>(networksPath(orgId, engagementId)),
    select: (data) => data.networks,
    enabled,
  });
}

export function useMyEgoNetworks(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: networkKeys.mine(orgId, engagementId),
    queryFn: () => api.get<{ egos: NetworkEgo[] }>(`${networksPath(orgId, engagementId)}/mine`),
    select: (data) => data.egos,
  });
}

export function useNetwork(orgId: string, engagementId: string, networkId: string) {
  return useQuery({
    queryKey: networkKeys.one(orgId, engagementId, networkId),
    queryFn: () => api.get<NetworkSummary>(networkPath(orgId, engagementId, networkId)),
    // While an analysis runs, poll its progress (the worker writes it every 10 %).
    refetchInterval: (q) => {
      const status = q.state.data?.latestAnalysis?.status;
      return status === 'queued' || status === 'running' ? 700 : false;
    },
  });
}

export function useAnalysis(
  orgId: string,
  engagementId: string,
  networkId: string,
  analysisId: string | null,
) {
  return useQuery({
    queryKey: networkKeys.analysis(orgId, engagementId, networkId, analysisId ?? ''),
    queryFn: () =>
      api.get<NetworkAnalysis>(
        `${networkPath(orgId, engagementId, networkId)}/analyses/${enc(analysisId ?? '')}`,
      ),
    enabled: analysisId !== null,
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      return status === 'queued' || status === 'running' ? 700 : false;
    },
  });
}

export function useRunAnalysis(orgId: string, engagementId: string, networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { relation: string | null; changeAgents: number; coverGroups: boolean }) =>
      api.post<NetworkAnalysis>(`${networkPath(orgId, engagementId, networkId)}/analyses`, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: networkKeys.one(orgId, engagementId, networkId) }),
  });
}

export function useRecordProposalResponse(orgId: string, engagementId: string, networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { proposalId: string; decision: 'accepted' | 'declined'; note?: string }) =>
      api.post(`${networkPath(orgId, engagementId, networkId)}/proposals/${enc(input.proposalId)}/response`, {
        decision: input.decision,
        ...(input.note ? { note: input.note } : {}),
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['networks', orgId, engagementId, 'one', networkId] }),
  });
}

export function useRespondentView(token: string) {
  return useQuery({
    queryKey: networkKeys.survey(token),
    queryFn: () => api.get<NetworkRespondentView>(surveyPath(token)),
  });
}
