/**
 * Pollination API: experiences (write, anonymise, share, export), the library and its search,
 * "experiences like this engagement", diffusion plans and adoption reports. Types come from the contract.
 */
import type {
  DiffusionCandidatesSchema,
  DiffusionPlanBody,
  DiffusionPlanListSchema,
  DiffusionPlanView,
  ExperienceCreateBody,
  ExperienceDraftSchema,
  ExperienceListSchema,
  ExperienceView,
  LibraryHit,
  PollinationSettingsSchema,
} from '@essaim/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import i18n from '../../i18n';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';

export type { DiffusionPlanView, ExperienceView, LibraryHit };
export type ExperienceDraft = z.infer<typeof ExperienceDraftSchema>;
export type ExperienceList = z.infer<typeof ExperienceListSchema>;
export type DiffusionCandidates = z.infer<typeof DiffusionCandidatesSchema>;
export type DiffusionPlanList = z.infer<typeof DiffusionPlanListSchema>;
export type PollinationSettings = z.infer<typeof PollinationSettingsSchema>;

const enc = encodeURIComponent;
const org = (orgId: string) => `/api/orgs/${enc(orgId)}`;
export const base = (orgId: string) => `${org(orgId)}/pollination`;

export const pollinationKeys = {
  all: ['pollination'] as const,
  experiences: (orgId: string) => ['pollination', orgId, 'experiences'] as const,
  experience: (orgId: string, id: string) => ['pollination', orgId, 'experience', id] as const,
  library: (orgId: string, query: Record<string, unknown>) =>
    ['pollination', orgId, 'library', query] as const,
  libraryOne: (orgId: string, id: string) => ['pollination', orgId, 'library-one', id] as const,
  similar: (orgId: string, engagementId: string) => ['pollination', orgId, 'similar', engagementId] as const,
  settings: (orgId: string) => ['pollination', orgId, 'settings'] as const,
  plans: (orgId: string) => ['pollination', orgId, 'plans'] as const,
  plan: (orgId: string, id: string) => ['pollination', orgId, 'plan', id] as const,
  candidates: (orgId: string, engagementId: string) =>
    ['pollination', orgId, 'candidates', engagementId] as const,
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
  return () => qc.invalidateQueries({ queryKey: pollinationKeys.all });
}

/** Translate a dynamic key of this feature (stages, kinds, reasons…) with the typed `t`. */
export function tx(
  t: (key: never, options?: never) => string,
  key: string,
  options?: Record<string, unknown>,
): string {
  return (t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);
}

export function useExperiences(orgId: string) {
  return useQuery({
    queryKey: pollinationKeys.experiences(orgId),
    queryFn: () => api.get<ExperienceList>(`${base(orgId)}/experiences`),
    select: (d) => d.experiences,
    enabled: Boolean(orgId),
  });
}

export function useExperience(orgId: string, id: string) {
  return useQuery({
    queryKey: pollinationKeys.experience(orgId, id),
    queryFn: () => api.get<ExperienceView>(`${base(orgId)}/experiences/${enc(id)}`),
    enabled: Boolean(orgId && id),
  });
}

export function useLibraryExperience(orgId: string, id: string) {
  return useQuery({
    queryKey: pollinationKeys.libraryOne(orgId, id),
    queryFn: () => api.get<ExperienceView>(`${base(orgId)}/library/${enc(id)}`),
    enabled: Boolean(orgId && id),
  });
}

export function useLibrary(
  orgId: string,
  query: { q: string; icForm?: string | undefined; cynefin?: string | undefined },
) {
  return useQuery({
    queryKey: pollinationKeys.library(orgId, query),
    queryFn: () => api.get<{ hits: LibraryHit[]; total: number }>(`${base(orgId)}/library`, { query }),
    enabled: Boolean(orgId),
    placeholderData: (previous) => previous,
  });
}

export function useSimilar(orgId: string, engagementId: string | null) {
  return useQuery({
    queryKey: pollinationKeys.similar(orgId, engagementId ?? ''),
    queryFn: () =>
      api.get<{ hits: LibraryHit[]; total: number }>(
        `${org(orgId)}/engagements/${enc(engagementId ?? '')}/similar-experiences`,
      ),
    enabled: Boolean(orgId && engagementId),
  });
}

export function useSettings(orgId: string) {
  return useQuery({
    queryKey: pollinationKeys.settings(orgId),
    queryFn: () => api.get<PollinationSettings>(`${base(orgId)}/settings`),
    enabled: Boolean(orgId),
  });
}

export function useSaveSettings(orgId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { instanceLibrary: boolean }) =>
      api.put<PollinationSettings>(`${base(orgId)}/settings`, body),
    onSuccess: invalidate,
    onError,
  });
}

export function fetchDraft(orgId: string, engagementId: string, language: 'fr' | 'en') {
  return api.get<ExperienceDraft>(`${org(orgId)}/engagements/${enc(engagementId)}/experience-draft`, {
    query: { language },
  });
}

export function useCreateExperience(orgId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ExperienceCreateBody) => api.post<ExperienceView>(`${base(orgId)}/experiences`, body),
    onSuccess: invalidate,
    onError,
  });
}

/** Any write on one experience: method, path after `/experiences/:id` and body. */
export function useExperienceAction(orgId: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: { method: 'PUT' | 'POST'; path: string; body: unknown }) =>
      method === 'PUT'
        ? api.put<ExperienceView>(`${base(orgId)}/experiences/${enc(id)}${path}`, body)
        : api.post<unknown>(`${base(orgId)}/experiences/${enc(id)}${path}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: pollinationKeys.all }),
    onError,
  });
}

export function usePlans(orgId: string) {
  return useQuery({
    queryKey: pollinationKeys.plans(orgId),
    queryFn: () => api.get<DiffusionPlanList>(`${base(orgId)}/plans`),
    select: (d) => d.plans,
    enabled: Boolean(orgId),
  });
}

export function usePlan(orgId: string, id: string) {
  return useQuery({
    queryKey: pollinationKeys.plan(orgId, id),
    queryFn: () => api.get<DiffusionPlanView>(`${base(orgId)}/plans/${enc(id)}`),
    enabled: Boolean(orgId && id),
  });
}

export function useCandidates(orgId: string, engagementId: string | null) {
  return useQuery({
    queryKey: pollinationKeys.candidates(orgId, engagementId ?? ''),
    queryFn: () =>
      api.get<DiffusionCandidates>(`${org(orgId)}/engagements/${enc(engagementId ?? '')}/change-agents`),
    select: (d) => d.candidates,
    enabled: Boolean(orgId && engagementId),
  });
}

export function useCreatePlan(orgId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: DiffusionPlanBody) => api.post<DiffusionPlanView>(`${base(orgId)}/plans`, body),
    onSuccess: invalidate,
    onError,
  });
}

export function useReportAdoption(orgId: string, planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { collectiveId: string; stage: string; date: string; note?: string }) =>
      api.post<DiffusionPlanView>(`${base(orgId)}/plans/${enc(planId)}/adoption`, body),
    onSuccess: (view) => qc.setQueryData(pollinationKeys.plan(orgId, planId), view),
    onError,
  });
}
