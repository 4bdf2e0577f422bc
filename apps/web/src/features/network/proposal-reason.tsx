import type { NetworkProposalReason } from '@essaim/contracts';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatNumber } from './palette';

/** A change-agent proposal's reason, worded in the reader's language from its structured form. */
export function useProposalReason(why: NetworkProposalReason): string {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const parts = [
    t('network.agents.why.reach', {
      marginal: formatNumber(why.marginalReach, lng, 1),
      cumulative: formatNumber(why.cumulativeReach, lng, 1),
    }),
  ];
  if (why.group) {
    parts.push(
      why.group.kind === 'department'
        ? t('network.agents.why.coversDepartment', { name: why.group.name })
        : t('network.agents.why.coversCommunity', { name: why.group.name }),
    );
  }
  if (why.tiesInto.length > 0) {
    parts.push(t('network.agents.why.tiesInto', { names: why.tiesInto.join(', ') }));
  }
  if (why.zonesBridged > 1) {
    parts.push(t('network.agents.why.zones', { count: why.zonesBridged }));
  }
  return parts.join(lng === 'fr' ? ' ; ' : '; ');
}
