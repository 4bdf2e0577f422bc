/** Charters API: list, create, detail, versions and diff, comments, amendments, adoption, commitments. */
import type {
  CharterAmendmentListSchema,
  CharterCommentListSchema,
  CharterCommitmentsSchema,
  CharterDetailSchema,
  CharterDiffSchema,
  CharterListSchema,
  CharterVersionListSchema,
} from '@essaim/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import i18n from '../../i18n';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';

export type CharterList = z.infer<typeof CharterListSchema>;
export type CharterDetail = z.infer<typeof CharterDetailSchema>;
export type CharterVersions = z.infer<typeof CharterVersionListSchema>;
export type CharterDiff = z.infer<typeof CharterDiffSchema>;
export type CharterComments = z.infer<typeof CharterCommentListSchema>;
export type CharterAmendments = z.infer<typeof CharterAmendmentListSchema>;
export type CharterCommitments = z.infer<typeof CharterCommitmentsSchema>;

const enc = encodeURIComponent;
export const chartersUrl = (orgId: string, engagementId: string) =>
  `/api/orgs/${enc(orgId)}/engagements/${enc(engagementId)}/charters`;
export const charterUrl = (orgId: string, engagementId: string, charterId: string) =>
  `${chartersUrl(orgId, engagementId)}/${enc(charterId)}`;

export const charterKeys = {
  all: ['charters'] as const,
  list: (orgId: string, engagementId: string) => ['charters', orgId, engagementId] as const,
  one: (charterId: string) => ['charters', 'one', charterId] as const,
  part: (charterId: string, part: string) => ['charters', 'one', charterId, part] as const,
};

function onError(error: unknown) {
  notifications.show({ color: 'red', message: describeError(i18n.t.bind(i18n), error) });
}

export function useCharters(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: charterKeys.list(orgId, engagementId),
    queryFn: () => api.get<CharterList>(chartersUrl(orgId, engagementId)),
    enabled: Boolean(orgId && engagementId),
  });
}

export function useCharter(orgId: string, engagementId: string, charterId: string) {
  return useQuery({
    queryKey: charterKeys.one(charterId),
    queryFn: () => api.get<CharterDetail>(charterUrl(orgId, engagementId, charterId)),
    enabled: Boolean(orgId && engagementId && charterId),
  });
}

export function useCharterPart<T>(orgId: string, engagementId: string, charterId: string, part: string) {
  return useQuery({
    queryKey: charterKeys.part(charterId, part),
    queryFn: () => api.get<T>(`${charterUrl(orgId, engagementId, charterId)}/${part}`),
    enabled: Boolean(orgId && engagementId && charterId),
  });
}

/** A POST under the charter; refreshes everything about it. */
export function useCharterAction<B>(orgId: string, engagementId: string, charterId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: string; body?: B }) =>
      api.post<unknown>(`${charterUrl(orgId, engagementId, charterId)}/${path}`, body ?? {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: charterKeys.all }),
    onError,
  });
}

export function useCreateCharter(orgId: string, engagementId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; kind: string; locale: 'fr' | 'en' }) =>
      api.post<{ id: string }>(chartersUrl(orgId, engagementId), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: charterKeys.all }),
    onError,
  });
}

export function fetchDiff(orgId: string, engagementId: string, charterId: string, from: string) {
  return api.get<CharterDiff>(`${charterUrl(orgId, engagementId, charterId)}/diff?from=${enc(from)}`);
}
