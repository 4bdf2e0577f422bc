/**
 * Workshops API: types from the contract, query keys and hooks. The live protocol is in live-session.ts.
 */
import type { Workshop, WorkshopJoinInfoSchema, WorkshopParticipantSchema } from '@essaim/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type { Workshop };
export type WorkshopJoinInfo = z.infer<typeof WorkshopJoinInfoSchema>;
export type WorkshopParticipant = z.infer<typeof WorkshopParticipantSchema>;

const enc = encodeURIComponent;
export const workshopsPath = (orgId: string) => `/api/orgs/${enc(orgId)}/workshops`;
export const workshopPath = (orgId: string, id: string) => `${workshopsPath(orgId)}/${enc(id)}`;

export const workshopKeys = {
  list: (orgId: string) => ['workshops', orgId, 'list'] as const,
  one: (orgId: string, id: string) => ['workshops', orgId, 'one', id] as const,
  me: (id: string) => ['workshops', 'me', id] as const,
  code: (code: string) => ['workshops', 'code', code] as const,
};

export function useWorkshops(orgId: string) {
  return useQuery({
    queryKey: workshopKeys.list(orgId),
    queryFn: () => api.get<{ workshops: Workshop[] }>(workshopsPath(orgId)),
    select: (data) => data.workshops,
  });
}

export function useWorkshop(orgId: string, id: string) {
  return useQuery({
    queryKey: workshopKeys.one(orgId, id),
    queryFn: () => api.get<Workshop>(workshopPath(orgId, id)),
    // A standalone page (projector) knows its organisation a moment after the first render.
    enabled: orgId !== '' && id !== '',
  });
}

export function useCreateWorkshop(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; engagementId?: string }) =>
      api.post<Workshop>(workshopsPath(orgId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workshopKeys.list(orgId) }),
  });
}

export function useJoinInfo(code: string) {
  return useQuery({
    queryKey: workshopKeys.code(code),
    queryFn: () => api.get<WorkshopJoinInfo>(`/api/workshops/by-code/${enc(code)}`),
    retry: false,
  });
}

export function useParticipantMe(workshopId: string) {
  return useQuery({
    queryKey: workshopKeys.me(workshopId),
    queryFn: () => api.get<WorkshopParticipant>(`/api/workshops/${enc(workshopId)}/me`),
    retry: false,
  });
}

export function useJoinWorkshop() {
  return useMutation({
    mutationFn: (body: { code: string; displayName: string | null }) =>
      api.post<WorkshopParticipant>('/api/workshops/join', body),
  });
}

export function useSendOutputs(orgId: string, workshopId: string) {
  return useMutation({
    mutationFn: (body: { activityId: string; top: number }) =>
      api.post<{ boardId: string; optionTitles: string[] }>(
        `${workshopPath(orgId, workshopId)}/outputs`,
        body,
      ),
  });
}
