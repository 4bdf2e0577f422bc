/**
 * Competencies API (consultant self-assessment): everything under /api/me is the signed-in person's;
 * feedback and supervision forms are reached by their link without an account.
 */
import type {
  CompetencyAssessment,
  CompetencyAssessmentBody,
  CompetencyAssessmentList,
  CompetencyCoverage,
  CompetencyEvidenceItem,
  CompetencyFacilitatorLevel,
  CompetencyFeedbackAnswerBody,
  CompetencyFeedbackForm,
  CompetencyFeedbackReport,
  CompetencyFeedbackRoundBody,
  CompetencyGoal,
  CompetencyGoalBody,
  CompetencySettings,
  CompetencySupervisionView,
} from '@essaim/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from '../../i18n';
import { api } from '../../lib/api';
import { describeError } from '../../lib/describe-error';

export type {
  CompetencyAssessment,
  CompetencyEvidenceItem,
  CompetencyFeedbackForm,
  CompetencyFeedbackReport,
  CompetencyGoal,
  CompetencySupervisionView,
};
export type RoundSummary = CompetencyFeedbackReport['round'];

const base = '/api/me/competencies';
const enc = encodeURIComponent;

export const competencyKeys = {
  all: ['competencies'] as const,
  evidence: ['competencies', 'evidence'] as const,
  assessments: ['competencies', 'assessments'] as const,
  assessment: (id: string) => ['competencies', 'assessment', id] as const,
  settings: ['competencies', 'settings'] as const,
  level: ['competencies', 'level'] as const,
  rounds: ['competencies', 'rounds'] as const,
  round: (id: string) => ['competencies', 'round', id] as const,
  goals: ['competencies', 'goals'] as const,
  coverage: (orgId: string) => ['competencies', 'coverage', orgId] as const,
  form: (token: string) => ['feedback-form', token] as const,
  supervision: (token: string) => ['supervision', token] as const,
};

const onError = (error: unknown) =>
  notifications.show({ color: 'red', message: describeError(i18n.t.bind(i18n), error) });

export const useEvidence = () =>
  useQuery({
    queryKey: competencyKeys.evidence,
    queryFn: () => api.get<{ items: CompetencyEvidenceItem[] }>(`${base}/evidence`),
  });

export const useAssessments = () =>
  useQuery({
    queryKey: competencyKeys.assessments,
    queryFn: () => api.get<CompetencyAssessmentList>(`${base}/assessments`),
  });

export const useAssessment = (id: string | null) =>
  useQuery({
    queryKey: competencyKeys.assessment(id ?? ''),
    queryFn: () => api.get<CompetencyAssessment>(`${base}/assessments/${enc(id ?? '')}`),
    enabled: Boolean(id),
  });

export function useCreateAssessment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CompetencyAssessmentBody) =>
      api.post<CompetencyAssessment>(`${base}/assessments`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: competencyKeys.all }),
  });
}

export function useShare(assessmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ orgId, share }: { orgId: string; share: boolean }) =>
      share
        ? api.post<CompetencyAssessment>(`${base}/assessments/${enc(assessmentId)}/shares`, { orgId })
        : api.delete<CompetencyAssessment>(`${base}/assessments/${enc(assessmentId)}/shares/${enc(orgId)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: competencyKeys.all }),
    onError,
  });
}

export function useRequestSupervision(assessmentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { peerName: string; message: string }) =>
      api.post<{ id: string; link: string }>(`${base}/assessments/${enc(assessmentId)}/supervisions`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: competencyKeys.assessment(assessmentId) }),
  });
}

export const useSettings = () =>
  useQuery({
    queryKey: competencyKeys.settings,
    queryFn: () => api.get<CompetencySettings>(`${base}/settings`),
  });

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CompetencySettings) => api.put<CompetencySettings>(`${base}/settings`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: competencyKeys.all }),
    onError,
  });
}

/** The assessed level the recommender and the agenda builder may use (null unless permitted). */
export const useFacilitatorLevel = () =>
  useQuery({
    queryKey: competencyKeys.level,
    queryFn: () => api.get<CompetencyFacilitatorLevel>(`${base}/facilitator-level`),
  });

export const useRounds = () =>
  useQuery({
    queryKey: competencyKeys.rounds,
    queryFn: () => api.get<{ rounds: RoundSummary[] }>(`${base}/feedback-rounds`),
  });

export const useRound = (id: string) =>
  useQuery({
    queryKey: competencyKeys.round(id),
    queryFn: () => api.get<CompetencyFeedbackReport>(`${base}/feedback-rounds/${enc(id)}`),
  });

export function useCreateRound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CompetencyFeedbackRoundBody) =>
      api.post<{ round: RoundSummary; links: { label: string; relation: string; link: string }[] }>(
        `${base}/feedback-rounds`,
        body,
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: competencyKeys.rounds }),
  });
}

export function useCloseRound(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<RoundSummary>(`${base}/feedback-rounds/${enc(id)}/close`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: competencyKeys.all }),
    onError,
  });
}

export const useGoals = () =>
  useQuery({
    queryKey: competencyKeys.goals,
    queryFn: () => api.get<{ goals: CompetencyGoal[] }>(`${base}/goals`),
  });

export function useCreateGoal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CompetencyGoalBody) => api.post<{ goals: CompetencyGoal[] }>(`${base}/goals`, body),
    onSuccess: (data) => qc.setQueryData(competencyKeys.goals, data),
  });
}

export function useUpdateGoal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: CompetencyGoal['status'] }) =>
      api.patch<{ goals: CompetencyGoal[] }>(`${base}/goals/${enc(id)}`, { status }),
    onSuccess: (data) => qc.setQueryData(competencyKeys.goals, data),
    onError,
  });
}

export const useCoverage = (orgId: string | null) =>
  useQuery({
    queryKey: competencyKeys.coverage(orgId ?? ''),
    queryFn: () => api.get<CompetencyCoverage>(`/api/orgs/${enc(orgId ?? '')}/competencies/coverage`),
    enabled: Boolean(orgId),
  });

export const useFeedbackForm = (token: string) =>
  useQuery({
    queryKey: competencyKeys.form(token),
    queryFn: () => api.get<CompetencyFeedbackForm>(`/api/feedback/${enc(token)}`),
    retry: false,
  });

export const submitFeedback = (token: string, body: CompetencyFeedbackAnswerBody) =>
  api.post<{ ok: true }>(`/api/feedback/${enc(token)}`, body);

export const useSupervision = (token: string) =>
  useQuery({
    queryKey: competencyKeys.supervision(token),
    queryFn: () => api.get<CompetencySupervisionView>(`/api/supervision/${enc(token)}`),
    retry: false,
  });

export const submitReview = (token: string, review: string) =>
  api.post<{ ok: true }>(`/api/supervision/${enc(token)}`, { review });
