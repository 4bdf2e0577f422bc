import type {
  EvaluationView,
  MyWorkshopFeedback,
  ReportJob,
  ReportRequest,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointBody,
  WorkshopFeedbackSummary,
} from '@essaim/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

type EventTypeInfo = { type: WebhookEndpoint['eventTypes'][number]; isEmitted: boolean };
export type WebhookEndpointWithSecret = WebhookEndpoint & { secret: string };

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export const reportsKeys = {
  webhooks: (orgId: string) => ['webhooks', orgId] as const,
  deliveries: (orgId: string, endpointId: string) => ['webhooks', orgId, endpointId, 'deliveries'] as const,
  reports: (orgId: string, engagementId: string) => ['reports', orgId, engagementId] as const,
  evaluation: (orgId: string, engagementId: string, lang: string) =>
    ['evaluation', orgId, engagementId, lang] as const,
  myFeedback: (workshopId: string) => ['feedback', 'mine', workshopId] as const,
  workshopFeedback: (orgId: string, workshopId: string) => ['feedback', orgId, workshopId] as const,
};

export function useWebhooks(orgId: string) {
  return useQuery({
    queryKey: reportsKeys.webhooks(orgId),
    queryFn: () =>
      api.get<{ endpoints: WebhookEndpoint[]; eventTypes: EventTypeInfo[] }>(`${org(orgId)}/webhooks`),
  });
}

export function useDeliveries(orgId: string, endpointId: string) {
  return useQuery({
    queryKey: reportsKeys.deliveries(orgId, endpointId),
    queryFn: () =>
      api.get<{ deliveries: WebhookDelivery[] }>(
        `${org(orgId)}/webhooks/${encodeURIComponent(endpointId)}/deliveries`,
      ),
    select: (d) => d.deliveries,
    // Deliveries move on their own (retries, the dispatcher): the log refreshes while it is open.
    refetchInterval: 5000,
  });
}

export function useWebhookMutations(orgId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: reportsKeys.webhooks(orgId) });
  const path = (id: string) => `${org(orgId)}/webhooks/${encodeURIComponent(id)}`;
  return {
    create: useMutation({
      mutationFn: (body: WebhookEndpointBody) =>
        api.post<WebhookEndpointWithSecret>(`${org(orgId)}/webhooks`, body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: { id: string } & Partial<WebhookEndpointBody> & { enabled?: boolean }) =>
        api.patch<WebhookEndpoint>(path(id), patch),
      onSuccess: refresh,
    }),
    rotate: useMutation({
      mutationFn: (id: string) => api.post<WebhookEndpointWithSecret>(`${path(id)}/secret`),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(path(id)),
      onSuccess: refresh,
    }),
    replay: useMutation({
      mutationFn: (deliveryId: string) =>
        api.post<WebhookDelivery>(
          `${org(orgId)}/webhook-deliveries/${encodeURIComponent(deliveryId)}/replay`,
        ),
      onSuccess: (d) =>
        queryClient.invalidateQueries({ queryKey: reportsKeys.deliveries(orgId, d.endpointId) }),
    }),
  };
}

const unfinished = (r: ReportJob) => r.status === 'queued' || r.status === 'running';

export function useReports(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: reportsKeys.reports(orgId, engagementId),
    queryFn: () =>
      api.get<{ reports: ReportJob[] }>(
        `${org(orgId)}/engagements/${encodeURIComponent(engagementId)}/reports`,
      ),
    select: (d) => d.reports,
    // Poll only while a report is being generated (its stage and progress move).
    refetchInterval: (query) => (query.state.data?.reports.some(unfinished) ? 1000 : false),
  });
}

export function useRequestReport(orgId: string, engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportRequest) =>
      api.post<ReportJob>(`${org(orgId)}/engagements/${encodeURIComponent(engagementId)}/reports`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportsKeys.reports(orgId, engagementId) }),
  });
}

export const reportFileUrl = (orgId: string, reportId: string) =>
  `${org(orgId)}/reports/${encodeURIComponent(reportId)}/file`;

/** The whole engagement as a zip of JSON and CSV files with a README (the screens' rules apply). */
export const engagementExportUrl = (orgId: string, engagementId: string) =>
  `${org(orgId)}/engagements/${encodeURIComponent(engagementId)}/export.zip`;

export function useEvaluation(orgId: string, engagementId: string, lang: 'fr' | 'en') {
  return useQuery({
    queryKey: reportsKeys.evaluation(orgId, engagementId, lang),
    queryFn: () =>
      api.get<EvaluationView>(`${org(orgId)}/engagements/${encodeURIComponent(engagementId)}/evaluation`, {
        query: { lang },
      }),
  });
}

export function useMyFeedback(workshopId: string) {
  return useQuery({
    queryKey: reportsKeys.myFeedback(workshopId),
    queryFn: () => api.get<MyWorkshopFeedback>(`/api/workshops/${encodeURIComponent(workshopId)}/feedback`),
    retry: false,
  });
}

export function useSendFeedback(workshopId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { usefulness: number; comment?: string }) =>
      api.post(`/api/workshops/${encodeURIComponent(workshopId)}/feedback`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportsKeys.myFeedback(workshopId) }),
  });
}

export function useWorkshopFeedback(orgId: string, workshopId: string, enabled: boolean) {
  return useQuery({
    queryKey: reportsKeys.workshopFeedback(orgId, workshopId),
    queryFn: () =>
      api.get<WorkshopFeedbackSummary>(`${org(orgId)}/workshops/${encodeURIComponent(workshopId)}/feedback`),
    enabled,
  });
}
