import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompetencyEvidenceItem } from './api';

const KINDS = [
  'engagement-led',
  'phases-completed',
  'complexity-assessed',
  'diagnostic-run',
  'method-used',
  'methods-breadth',
  'workshop-facilitated',
  'stop-control',
  'network-analysis',
  'decision-facilitated',
  'charter-adopted',
] as const;
type Kind = (typeof KINDS)[number];

/** One piece of platform evidence in words: its kind, what it is about and its figures. */
export function useEvidenceText() {
  const { t } = useTranslation();
  return (item: CompetencyEvidenceItem) => {
    const kind = (KINDS as readonly string[]).includes(item.kind) ? (item.kind as Kind) : null;
    const f = item.figures;
    const label = kind ? t(`competencies.evidence.kinds.${kind}`) : item.kind;
    const detail = (() => {
      switch (kind) {
        case 'phases-completed':
          return t('competencies.evidence.phases', { done: f.done, total: f.total });
        case 'diagnostic-run':
          return t(f.released ? 'competencies.evidence.released' : 'competencies.evidence.notReleased', {
            responses: f.responses,
            k: f.minRespondents,
          });
        case 'method-used':
          return t('competencies.evidence.method', { family: f.family, skill: f.skill });
        case 'methods-breadth':
          return t('competencies.evidence.breadth', { methods: f.methods, families: f.families });
        case 'workshop-facilitated':
          return t('competencies.evidence.workshop', { participants: f.participants });
        case 'stop-control':
          return t(
            f.status === 'stopped' ? 'competencies.evidence.stopped' : 'competencies.evidence.paused',
            {
              date: f.at,
            },
          );
        default:
          return '';
      }
    })();
    return `${label} — ${item.label}${item.orgName ? ` (${item.orgName})` : ''}${detail ? ` · ${detail}` : ''}`;
  };
}

export function EvidenceLine({ item }: { item: CompetencyEvidenceItem }) {
  const text = useEvidenceText();
  return (
    <Text size="sm" data-testid="evidence-line">
      • {text(item)}
    </Text>
  );
}
