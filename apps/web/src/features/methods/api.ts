/**
 * Method library API: catalogue and custom methods, private notes, recommendations, recorded choices and
 * agendas. Types come from the contract; every write updates the cache it returned.
 */
import type {
  AgendaItemInput,
  AgendaListSchema,
  AgendaTemplateListSchema,
  AgendaView,
  AgendaWorkshopActivityResult,
  MethodChoiceSchema,
  MethodDetailSchema,
  MethodListSchema,
  MethodNote,
  MethodView,
  RecommendationBody,
  RecommendationView,
} from '@essaim/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import i18n from '../../i18n';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';

export type { AgendaItemInput, AgendaView, MethodNote, MethodView, RecommendationBody, RecommendationView };
export type MethodList = z.infer<typeof MethodListSchema>;
export type MethodDetail = z.infer<typeof MethodDetailSchema>;
export type MethodChoice = z.infer<typeof MethodChoiceSchema>;
export type AgendaSummary = z.infer<typeof AgendaListSchema>['agendas'][number];
export type AgendaTemplate = z.infer<typeof AgendaTemplateListSchema>['templates'][number];

const enc = encodeURIComponent;
const orgPath = (orgId: string) => `/api/orgs/${enc(orgId)}`;

export const methodKeys = {
  list: (orgId: string, query: Record<string, unknown>) => ['methods', orgId, 'list', query] as const,
  one: (orgId: string, id: string) => ['methods', orgId, 'one', id] as const,
  choices: (orgId: string, engagementId: string) => ['methods', orgId, 'choices', engagementId] as const,
  agendas: (orgId: string) => ['agendas', orgId, 'list'] as const,
  agenda: (orgId: string, id: string) => ['agendas', orgId, 'one', id] as const,
  templates: (orgId: string) => ['agendas', orgId, 'templates'] as const,
};

export interface LibraryQuery {
  q?: string;
  families?: string[];
  mode?: string | null;
  groupSize?: number | null;
  maxDuration?: number | null;
  maxSkill?: number | null;
  origin?: string | null;
}

export function useMethods(orgId: string, query: LibraryQuery) {
  return useQuery({
    queryKey: methodKeys.list(orgId, { ...query }),
    queryFn: () =>
      api.get<MethodList>(`${orgPath(orgId)}/methods`, {
        query: {
          q: query.q || undefined,
          families: query.families?.length ? query.families.join(',') : undefined,
          mode: query.mode || undefined,
          groupSize: query.groupSize || undefined,
          maxDuration: query.maxDuration || undefined,
          maxSkill: query.maxSkill || undefined,
          origin: query.origin || undefined,
        },
      }),
    placeholderData: (previous) => previous,
  });
}

export function useMethod(orgId: string, methodId: string) {
  return useQuery({
    queryKey: methodKeys.one(orgId, methodId),
    queryFn: () => api.get<MethodDetail>(`${orgPath(orgId)}/methods/${enc(methodId)}`),
  });
}

function onError(error: unknown) {
  notifications.show({ color: 'red', message: describeError(i18n.t.bind(i18n), error) });
}

export function useAddNote(orgId: string, methodId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: 'note' | 'variant'; title: string; body: string }) =>
      api.post<{ notes: MethodNote[] }>(`${orgPath(orgId)}/methods/${enc(methodId)}/notes`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: methodKeys.one(orgId, methodId) }),
    onError,
  });
}

export function useDeleteNote(orgId: string, methodId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (noteId: string) =>
      api.delete<{ notes: MethodNote[] }>(`${orgPath(orgId)}/methods/${enc(methodId)}/notes/${enc(noteId)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: methodKeys.one(orgId, methodId) }),
    onError,
  });
}

export function useRecommend(orgId: string, engagementId: string) {
  return useMutation({
    mutationFn: (body: RecommendationBody) =>
      api.post<RecommendationView>(
        `${orgPath(orgId)}/engagements/${enc(engagementId)}/method-recommendations`,
        body,
      ),
    onError,
  });
}

export function useMethodChoices(orgId: string, engagementId: string | null) {
  return useQuery({
    queryKey: methodKeys.choices(orgId, engagementId ?? ''),
    queryFn: () =>
      api.get<{ choices: MethodChoice[] }>(
        `${orgPath(orgId)}/engagements/${enc(engagementId ?? '')}/method-choices`,
      ),
    enabled: Boolean(engagementId),
    select: (d) => d.choices,
  });
}

export function useRecordChoice(orgId: string, engagementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      methodId: string;
      reason: string;
      decidedBy: 'group' | 'sponsor';
      request?: RecommendationBody;
    }) =>
      api.post<{ choices: MethodChoice[] }>(
        `${orgPath(orgId)}/engagements/${enc(engagementId)}/method-choices`,
        body,
      ),
    onSuccess: (data) => qc.setQueryData(methodKeys.choices(orgId, engagementId), data),
    onError,
  });
}

export function useAgendas(orgId: string) {
  return useQuery({
    queryKey: methodKeys.agendas(orgId),
    queryFn: () => api.get<{ agendas: AgendaSummary[] }>(`${orgPath(orgId)}/agendas`),
    select: (d) => d.agendas,
  });
}

export function useAgendaTemplates(orgId: string) {
  return useQuery({
    queryKey: methodKeys.templates(orgId),
    queryFn: () => api.get<{ templates: AgendaTemplate[] }>(`${orgPath(orgId)}/agenda-templates`),
    select: (d) => d.templates,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAgenda(orgId: string, agendaId: string) {
  return useQuery({
    queryKey: methodKeys.agenda(orgId, agendaId),
    queryFn: () => api.get<AgendaView>(`${orgPath(orgId)}/agendas/${enc(agendaId)}`),
  });
}

export function useCreateAgenda(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      title: string;
      start: string;
      availableMinutes?: number | null;
      date?: string | null;
      engagementId?: string | null;
      templateId?: string;
      language?: 'fr' | 'en';
      items?: AgendaItemInput[];
    }) => api.post<AgendaView>(`${orgPath(orgId)}/agendas`, { items: [], ...body }),
    onSuccess: (agenda) => {
      qc.setQueryData(methodKeys.agenda(orgId, agenda.id), agenda);
      void qc.invalidateQueries({ queryKey: methodKeys.agendas(orgId) });
    },
    onError,
  });
}

export function useUpdateAgenda(orgId: string, agendaId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      title?: string;
      start?: string;
      date?: string | null;
      availableMinutes?: number | null;
      items?: AgendaItemInput[];
    }) => api.put<AgendaView>(`${orgPath(orgId)}/agendas/${enc(agendaId)}`, body),
    onSuccess: (agenda) => {
      qc.setQueryData(methodKeys.agenda(orgId, agendaId), agenda);
      void qc.invalidateQueries({ queryKey: methodKeys.agendas(orgId) });
    },
    onError,
  });
}

/** Turn an agenda item into a live workshop activity (a new workshop of the engagement unless one is given). */
export function useTurnIntoLiveActivity(orgId: string, agendaId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { itemId: string; workshopId?: string }) =>
      api.post<AgendaWorkshopActivityResult>(
        `${orgPath(orgId)}/agendas/${enc(agendaId)}/items/${enc(body.itemId)}/workshop-activity`,
        body.workshopId ? { workshopId: body.workshopId } : {},
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: methodKeys.agenda(orgId, agendaId) }),
    onError,
  });
}

export function useReorderAgenda(orgId: string, agendaId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (itemIds: string[]) =>
      api.post<AgendaView>(`${orgPath(orgId)}/agendas/${enc(agendaId)}/reorder`, { itemIds }),
    onSuccess: (agenda) => qc.setQueryData(methodKeys.agenda(orgId, agendaId), agenda),
    onError,
  });
}

export const agendaExportUrl = (
  orgId: string,
  agendaId: string,
  version: 'facilitator' | 'participant',
  lang: string,
) => `${orgPath(orgId)}/agendas/${enc(agendaId)}/export?version=${version}&lang=${lang}`;

export function useCreateMethod(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<MethodDetail>(`${orgPath(orgId)}/methods`, body),
    onSuccess: (detail) => {
      qc.setQueryData(methodKeys.one(orgId, detail.method.id), detail);
      void qc.invalidateQueries({ queryKey: ['methods', orgId, 'list'] });
    },
    onError,
  });
}
