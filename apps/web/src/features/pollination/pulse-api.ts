/**
 * Adoption pulse API: links per target collective of a diffusion plan (facilitators) and the public
 * one-question answer behind a link (no account). The token is only returned at creation.
 */

import type { PulseQuestion } from '@essaim/contracts';
import type { AdoptionStage } from '@essaim/core/pollination';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { base, pollinationKeys } from './api';

export interface PulseSummary {
  id: string;
  collectiveId: string;
  createdAt: string;
  closedAt: string | null;
  answers: number;
  threshold: number;
  /** Answers per stage; null below the organisation's minimum group size. */
  distribution: Record<string, number> | null;
}

const enc = encodeURIComponent;
const pulsesPath = (orgId: string, planId: string) => `${base(orgId)}/plans/${enc(planId)}/pulses`;
const pulseKeys = {
  list: (orgId: string, planId: string) => [...pollinationKeys.plan(orgId, planId), 'pulses'] as const,
  question: (token: string) => ['pulse-question', token] as const,
};

/** The public address of a pulse link, the one people open on their phone. */
/** Returned once, at creation: the link to share and its QR code (an SVG document drawn by the server). */
export interface PulseCreated {
  id: string;
  token: string;
  url: string;
  qrSvg: string;
}

export function usePulses(orgId: string, planId: string) {
  return useQuery({
    queryKey: pulseKeys.list(orgId, planId),
    queryFn: () => api.get<{ pulses: PulseSummary[] }>(pulsesPath(orgId, planId)),
    select: (d) => d.pulses,
    enabled: Boolean(orgId && planId),
  });
}

export function useCreatePulse(orgId: string, planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (collectiveId: string) => api.post<PulseCreated>(pulsesPath(orgId, planId), { collectiveId }),
    onSuccess: () => qc.invalidateQueries({ queryKey: pulseKeys.list(orgId, planId) }),
  });
}

export function useClosePulse(orgId: string, planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (pulseId: string) =>
      api.post<{ answers: number; threshold: number; recordedStage: string | null }>(
        `${pulsesPath(orgId, planId)}/${enc(pulseId)}/close`,
        {},
      ),
    // Closing may add an adoption report: the plan's curve and table change too.
    onSuccess: () => qc.invalidateQueries({ queryKey: pollinationKeys.plan(orgId, planId) }),
  });
}

export function usePulseQuestion(token: string) {
  return useQuery({
    queryKey: pulseKeys.question(token),
    queryFn: () => api.get<PulseQuestion>(`/api/pulse/${enc(token)}`),
    retry: false,
  });
}

export const answerPulse = (token: string, stage: AdoptionStage) =>
  api.post<{ recorded: boolean }>(`/api/pulse/${enc(token)}`, { stage });
