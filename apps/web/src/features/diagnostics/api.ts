/**
 * Diagnostics API: campaigns of an engagement, instruments, the aggregated report and before/after
 * (signed in), and the respondent endpoints reached by a link token (public).
 */
import type {
  Campaign,
  CampaignComparison,
  CampaignReport,
  CreateCampaignBody,
  RespondSession,
  SurveyInstrument,
  SurveyInstrumentEntry,
} from '@essaim/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type {
  Campaign,
  CampaignComparison,
  CampaignReport,
  RespondSession,
  SurveyInstrument,
  SurveyInstrumentEntry,
};
export type CutReport = CampaignReport['cuts'][number];
export type Invitation = {
  id: string;
  personName: string;
  link: string | null;
  issuedAt: string;
  email?: string | null | undefined;
  channel?: 'email' | 'hand' | null | undefined;
  qrSvg?: string | undefined;
};
export type Language = 'fr' | 'en';

const enc = encodeURIComponent;
export const campaignsPath = (orgId: string, engagementId: string) =>
  `/api/orgs/${enc(orgId)}/engagements/${enc(engagementId)}/campaigns`;
export const campaignPath = (orgId: string, campaignId: string) =>
  `/api/orgs/${enc(orgId)}/campaigns/${enc(campaignId)}`;
export const respondApi = (token: string) => `/api/respond/${enc(token)}`;

export const diagnosticKeys = {
  campaigns: (orgId: string, engagementId: string) =>
    ['diagnostics', orgId, 'campaigns', engagementId] as const,
  campaign: (orgId: string, id: string) => ['diagnostics', orgId, 'campaign', id] as const,
  report: (orgId: string, id: string, cut: string) => ['diagnostics', orgId, 'report', id, cut] as const,
  compare: (orgId: string, id: string, other: string) =>
    ['diagnostics', orgId, 'compare', id, other] as const,
  instruments: (orgId: string) => ['diagnostics', orgId, 'instruments'] as const,
  invitations: (orgId: string, id: string) => ['diagnostics', orgId, 'invitations', id] as const,
  respond: (token: string) => ['respond', token] as const,
};

export function useCampaigns(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: diagnosticKeys.campaigns(orgId, engagementId),
    queryFn: () => api.get<{ campaigns: Campaign[] }>(campaignsPath(orgId, engagementId)),
    select: (d) => d.campaigns,
  });
}

export function useCampaign(orgId: string, campaignId: string) {
  return useQuery({
    queryKey: diagnosticKeys.campaign(orgId, campaignId),
    queryFn: () => api.get<Campaign>(campaignPath(orgId, campaignId)),
  });
}

export function useInstruments(orgId: string, enabled = true) {
  return useQuery({
    queryKey: diagnosticKeys.instruments(orgId),
    queryFn: () =>
      api.get<{ instruments: SurveyInstrumentEntry[] }>(`/api/orgs/${enc(orgId)}/survey-instruments`),
    select: (d) => d.instruments,
    enabled,
  });
}

export function useInvitations(orgId: string, campaignId: string, enabled: boolean) {
  return useQuery({
    queryKey: diagnosticKeys.invitations(orgId, campaignId),
    queryFn: () => api.get<{ invitations: Invitation[] }>(`${campaignPath(orgId, campaignId)}/invitations`),
    select: (d) => d.invitations,
    enabled,
  });
}

export function useReport(
  orgId: string,
  campaignId: string,
  cut: { collectiveId?: string; filter?: string },
) {
  return useQuery({
    queryKey: diagnosticKeys.report(orgId, campaignId, JSON.stringify(cut)),
    queryFn: () =>
      api.get<CampaignReport>(`${campaignPath(orgId, campaignId)}/report`, {
        query: { collectiveId: cut.collectiveId, filter: cut.filter },
      }),
  });
}

export function useComparison(orgId: string, campaignId: string, beforeId: string | null) {
  return useQuery({
    queryKey: diagnosticKeys.compare(orgId, campaignId, beforeId ?? ''),
    queryFn: () =>
      api.get<CampaignComparison>(`${campaignPath(orgId, campaignId)}/compare/${enc(beforeId ?? '')}`),
    enabled: beforeId !== null,
  });
}

export function useCreateCampaign(orgId: string, engagementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCampaignBody) => api.post<Campaign>(campaignsPath(orgId, engagementId), body),
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: diagnosticKeys.campaigns(orgId, engagementId) }),
  });
}

export function useCampaignAction<T>(orgId: string, campaignId: string, action: 'launch' | 'close') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<T>(`${campaignPath(orgId, campaignId)}/${action}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['diagnostics', orgId] }),
  });
}

export function useReissue(orgId: string, campaignId: string) {
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.post<Invitation>(`${campaignPath(orgId, campaignId)}/invitations/${enc(invitationId)}/reissue`),
  });
}

/** Hand distribution: new links for the chosen invitees (default: those not reached yet), audited. */
export function useHandOut(orgId: string, campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationIds?: string[]) =>
      api.post<{ invitations: Invitation[] }>(`${campaignPath(orgId, campaignId)}/invitations/hand-out`, {
        acknowledged: true,
        ...(invitationIds ? { invitationIds } : {}),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['diagnostics', orgId] }),
  });
}

/** E-mail links not distributed yet, or remind those who have not answered (SMTP only). */
export function useMailAction(orgId: string, campaignId: string, action: 'invitations/email' | 'remind') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post<{ emailed?: number; ok?: true }>(`${campaignPath(orgId, campaignId)}/${action}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['diagnostics', orgId] }),
  });
}

const RESUME_PREFIX = 'essaim-resume:';

/** The resume key this browser holds for a link: only it can read or change the saved answers. */
export function readResumeKey(token: string): string | null {
  try {
    return window.localStorage.getItem(RESUME_PREFIX + token);
  } catch {
    return null;
  }
}

export function storeResumeKey(token: string, key: string): void {
  try {
    window.localStorage.setItem(RESUME_PREFIX + token, key);
  } catch {
    // Storage disabled: answering still works in this tab, resuming later does not.
  }
}

export function resumeHeaders(token: string): Record<string, string> {
  const key = readResumeKey(token);
  return key ? { 'x-resume-key': key } : {};
}

export function useRespondSession(token: string) {
  return useQuery({
    queryKey: diagnosticKeys.respond(token),
    queryFn: () => api.get<RespondSession>(respondApi(token), { headers: resumeHeaders(token) }),
    retry: false,
  });
}

/** Absolute URL of a respondent link path (`/respond/<token>`). */
export function absoluteLink(path: string): string {
  return `${window.location.origin}${path}`;
}
