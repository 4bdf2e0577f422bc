/** A warning's reason in words (FR and EN), for exports; the web app words them through i18n. */
import type { PacingWarning } from './pacing.ts';

export function describeWarning(w: PacingWarning, lang: 'fr' | 'en', name: (id: string) => string): string {
  const fr = lang === 'fr';
  switch (w.rule) {
    case 'beyond-maturity':
      return fr
        ? `« ${name(w.subject.id)} » demande le niveau ${w.data.demandLevel} ; le collectif mesuré en soutient ${w.data.supportedLevel} (au plus ${w.data.supportedLevel + w.data.stretch} avec un pas d’effort).`
        : `"${name(w.subject.id)}" asks for level ${w.data.demandLevel}; the collective as measured supports ${w.data.supportedLevel} (at most ${w.data.supportedLevel + w.data.stretch} with one step of stretch).`;
    case 'complex-straight-line':
      return fr
        ? `« ${name(w.subject.id)} » traite une question complexe sans essai avant sa première livraison.`
        : `"${name(w.subject.id)}" tackles a complex question with no probe before its first delivery.`;
    case 'too-many-changes':
      return fr
        ? `${w.data.count} chantiers en même temps en ${w.data.month} pour un même collectif (limite ${w.data.limit}).`
        : `${w.data.count} workstreams at once in ${w.data.month} for one collective (limit ${w.data.limit}).`;
    case 'over-allocation':
      return fr
        ? `${w.data.name} : ${w.data.allocatedDays} j prévus en ${w.data.month} pour ${w.data.availableDays} j disponibles${w.data.unavailableDays > 0 ? ` (${w.data.baseDays} j, moins ${w.data.unavailableDays} jours du mois où le collectif est indisponible)` : ''}.`
        : `${w.data.name}: ${w.data.allocatedDays} days planned in ${w.data.month} for ${w.data.availableDays} available${w.data.unavailableDays > 0 ? ` (${w.data.baseDays} days, less ${w.data.unavailableDays} days of the month the collective is unavailable)` : ''}.`;
    case 'unavailable-period':
      return fr
        ? `« ${name(w.subject.id)} » tombe le ${w.data.dueOn}, pendant « ${w.data.label} » (${w.data.from} → ${w.data.to}).`
        : `"${name(w.subject.id)}" falls on ${w.data.dueOn}, during "${w.data.label}" (${w.data.from} → ${w.data.to}).`;
  }
}
