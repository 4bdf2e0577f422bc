import type { PacingWarningView } from '@essaim/contracts';
import type { CynefinDomain } from '@essaim/core/engagements';
import { type PacingWarning, type PlanDocument, pacingWarnings } from '@essaim/core/plans';
import { Alert, List, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView } from './api';
import { tx } from './api';

/**
 * Warnings recomputed in the browser from the draft being edited (the same core rules the server runs),
 * so a change shows its pacing consequence before it is saved. The measured levels come from the server.
 */
export function useDraftWarnings(
  draft: PlanDocument | null,
  view: PlanView | undefined,
  scenarioId: string | null = null,
) {
  return useMemo(() => {
    if (!draft || !view) {
      return [];
    }
    return pacingWarnings(
      draft,
      {
        effectivenessLevel: view.measured.effectivenessLevel,
        trustLevel: view.measured.trustLevel,
        questionDomains: Object.fromEntries(
          view.choices.questions.map((q) => [q.id, q.domain as CynefinDomain | null]),
        ),
      },
      scenarioId,
    );
  }, [draft, view, scenarioId]);
}

export type AnyWarning = PacingWarning | PacingWarningView;

/** Names of the plan's objects, for the reasons. */
export function useNamer(draft: PlanDocument | null, view: PlanView | undefined) {
  const { t } = useTranslation();
  return (id: string | null) => {
    if (id === null) {
      return t('plans.wholeCollective');
    }
    return (
      draft?.workstreams.find((w) => w.id === id)?.title ??
      draft?.milestones.find((m) => m.id === id)?.title ??
      draft?.people.find((p) => p.id === id)?.name ??
      view?.choices.collectives.find((c) => c.id === id)?.name ??
      id
    );
  };
}

export function WarningReason({
  warning,
  name,
}: {
  warning: AnyWarning;
  name: (id: string | null) => string;
}) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {tx(t, `plans.warnings.${warning.rule}.reason`, { ...warning.data, subject: name(warning.subject.id) })}
    </Text>
  );
}

export function WarningList({
  warnings,
  name,
  empty,
}: {
  warnings: AnyWarning[];
  name: (id: string | null) => string;
  empty?: string;
}) {
  const { t } = useTranslation();
  if (warnings.length === 0) {
    return empty ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : null;
  }
  return (
    <Stack gap="xs" role="list" aria-label={t('plans.warnings.title')}>
      {warnings.map((w) => (
        <Alert
          key={`${w.rule}-${w.subject.id}-${JSON.stringify(w.data)}`}
          role="listitem"
          color="orange"
          variant="light"
          title={tx(t, `plans.warnings.${w.rule}.title`)}
        >
          <WarningReason warning={w} name={name} />
          <List size="xs" c="dimmed" mt={4}>
            <List.Item>{tx(t, `plans.warnings.${w.rule}.rule`)}</List.Item>
          </List>
        </Alert>
      ))}
    </Stack>
  );
}
