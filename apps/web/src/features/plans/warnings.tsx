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
  // One alert per rule: its reasons listed, the rule's explanation once.
  const byRule = new Map<string, AnyWarning[]>();
  for (const w of warnings) {
    byRule.set(w.rule, [...(byRule.get(w.rule) ?? []), w]);
  }
  return (
    <Stack gap="xs" aria-label={t('plans.warnings.title')} role="group">
      {[...byRule].map(([rule, list]) => (
        <Alert key={rule} color="orange" variant="light" title={tx(t, `plans.warnings.${rule}.title`)}>
          <List size="sm" spacing={2}>
            {list.map((w) => (
              <List.Item key={`${w.subject.id}-${JSON.stringify(w.data)}`}>
                <WarningReason warning={w} name={name} />
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed" mt={6}>
            {tx(t, `plans.warnings.${rule}.rule`)}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
