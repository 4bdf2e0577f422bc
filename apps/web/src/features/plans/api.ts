/** Plans API: the plan document with its warnings and totals, milestone status, the specification, exports. */
import type { PlanDocumentBody, PlanView, SpecView } from '@essaim/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from '../../i18n';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';

export type { PlanDocumentBody, PlanView, SpecView };

const enc = encodeURIComponent;
export const planBase = (orgId: string, engagementId: string) =>
  `/api/orgs/${enc(orgId)}/engagements/${enc(engagementId)}/plan`;

export const planKeys = {
  plan: (orgId: string, engagementId: string) => ['plans', orgId, engagementId, 'plan'] as const,
  spec: (orgId: string, engagementId: string) => ['plans', orgId, engagementId, 'spec'] as const,
};

function onError(error: unknown) {
  notifications.show({ color: 'red', message: describeError(i18n.t.bind(i18n), error) });
}

export function usePlan(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: planKeys.plan(orgId, engagementId),
    queryFn: () => api.get<PlanView>(planBase(orgId, engagementId)),
    enabled: Boolean(orgId && engagementId),
  });
}

export function useSavePlan(orgId: string, engagementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; document: PlanDocumentBody }) =>
      api.put<PlanView>(planBase(orgId, engagementId), body),
    onSuccess: (view) => {
      qc.setQueryData(planKeys.plan(orgId, engagementId), view);
      void qc.invalidateQueries({ queryKey: planKeys.spec(orgId, engagementId) });
      notifications.show({ color: 'teal', message: i18n.t('plans.saved') });
    },
    onError,
  });
}

export function useMilestoneStatus(orgId: string, engagementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { milestoneId: string; status: string; comment: string }) =>
      api.patch<PlanView>(`${planBase(orgId, engagementId)}/milestones/${enc(b.milestoneId)}`, {
        status: b.status,
        comment: b.comment,
      }),
    onSuccess: (view) => qc.setQueryData(planKeys.plan(orgId, engagementId), view),
    onError,
  });
}

export function useSpec(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: planKeys.spec(orgId, engagementId),
    queryFn: () => api.get<SpecView>(`${planBase(orgId, engagementId)}/specification`),
    enabled: Boolean(orgId && engagementId),
  });
}

export function useSaveSpec(orgId: string, engagementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; sections: { key: string; text: string; refresh: boolean }[] }) =>
      api.put<SpecView>(`${planBase(orgId, engagementId)}/specification`, body),
    onSuccess: (view) => qc.setQueryData(planKeys.spec(orgId, engagementId), view),
    onError,
  });
}

/** A short id for a new item of the document (unique within it). */
export const localId = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

/** Translate a key built at run time (an enum value appended to a prefix); i18next's types want literals. */
export function tx(
  t: (key: never, options?: never) => string,
  key: string,
  options?: Record<string, unknown>,
): string {
  return (t as unknown as (k: string, o?: Record<string, unknown>) => string)(key, options);
}

/** Trace a milestone (roadmap item) to a decision it carries out; charter clauses link the same way. */
export function useCarriesOut(orgId: string, engagementId: string) {
  const qc = useQueryClient();
  const links = `/api/orgs/${enc(orgId)}/engagements/${enc(engagementId)}/links`;
  const refresh = () => qc.invalidateQueries({ queryKey: planKeys.plan(orgId, engagementId) });
  return {
    link: useMutation({
      mutationFn: (b: { milestoneId: string; kind: string; id: string }) =>
        api.post(links, {
          from: { kind: 'roadmap_item', id: b.milestoneId },
          to: { kind: b.kind, id: b.id },
          relation: 'implements',
        }),
      onSuccess: refresh,
      onError,
    }),
    unlink: useMutation({
      mutationFn: (linkId: string) => api.delete(`${links}/${enc(linkId)}`),
      onSuccess: refresh,
      onError,
    }),
  };
}
