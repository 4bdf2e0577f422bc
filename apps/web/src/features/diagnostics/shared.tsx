/** Small pieces shared by the diagnostics screens: labels from the frozen instrument, badges, reasons. */
import type { SurveyInstrument } from '@essaim/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { Campaign } from './api';

export type Reason =
  | 'meets-threshold'
  | 'no-respondents'
  | 'below-minimum'
  | 'below-self-declared-minimum'
  | 'differencing-risk'
  | 'not-released';

type Thresholds = { minRespondents: number; minOpenText: number; minSelfDeclared?: number };

/** Construct and item names in the reader's language. */
export function useInstrumentLabels(instrument: SurveyInstrument | undefined) {
  const lng = currentLanguage();
  const constructs = new Map(instrument?.constructs.map((c) => [c.id, c]) ?? []);
  const items = new Map(instrument?.items.map((i) => [i.id, i]) ?? []);
  return {
    construct: (id: string) => constructs.get(id)?.name[lng] ?? id,
    constructDescription: (id: string) => constructs.get(id)?.description[lng] ?? '',
    item: (id: string) => items.get(id)?.text[lng] ?? id,
    lng,
  };
}

export function CampaignStatusBadge({ status }: { status: Campaign['status'] }) {
  const { t } = useTranslation();
  const color = status === 'open' ? 'green' : status === 'closed' ? 'gray' : 'yellow';
  return (
    <Badge color={color} variant="light">
      {t(`diagnostic.status.${status}`)}
    </Badge>
  );
}

/** One sentence saying why a cell is hidden (or shown). */
export function useReasonText() {
  const { t } = useTranslation();
  return (reason: Reason, thresholds: Thresholds, isText = false) =>
    t(`diagnostic.reason.${reason}`, {
      min:
        reason === 'below-self-declared-minimum'
          ? (thresholds.minSelfDeclared ?? 10)
          : isText
            ? thresholds.minOpenText
            : thresholds.minRespondents,
    });
}

/** While a campaign is open: "threshold reached / not yet", never a count. */
export function useProgressText() {
  const { t } = useTranslation();
  return (progress: 'reached' | 'not-yet' | null) =>
    t(progress === 'reached' ? 'diagnostic.report.thresholdMet' : 'diagnostic.report.thresholdNotYet');
}

export const fmt = (x: number | null | undefined, digits = 0) =>
  x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits);
