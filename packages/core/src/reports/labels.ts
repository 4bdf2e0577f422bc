import type { ConfidentialityLevel, ReportLang } from './document.ts';

/** Report wording, French and English (written for Essaim; the renderer and builders read only this). */
export const REPORT_LABELS = {
  fr: {
    contents: 'Sommaire',
    page: (n: number, total: number) => `Page ${n} sur ${total}`,
    generated: (date: string) => `Produit le ${date}`,
    confidentiality: {
      public: 'Public',
      internal: 'Usage interne',
      confidential: 'Confidentiel',
      restricted: 'Diffusion restreinte',
    } satisfies Record<ConfidentialityLevel, string>,
    confidentialityLine: (level: string) => `Niveau de confidentialité : ${level}`,
    kinds: {
      diagnostic: 'Rapport de diagnostic',
      decisions: 'Registre des décisions',
      workshop: 'Rapport d’atelier',
      network: 'Rapport de réseau',
      charter: 'Chartes et engagements',
      plan: 'Cahier des charges, schéma directeur et budget',
      final: 'Rapport final de la démarche',
      evaluation: 'Évaluation de la démarche',
    },
    none: 'Rien à présenter pour l’instant.',
  },
  en: {
    contents: 'Contents',
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    generated: (date: string) => `Generated on ${date}`,
    confidentiality: {
      public: 'Public',
      internal: 'Internal use',
      confidential: 'Confidential',
      restricted: 'Restricted distribution',
    } satisfies Record<ConfidentialityLevel, string>,
    confidentialityLine: (level: string) => `Confidentiality: ${level}`,
    kinds: {
      diagnostic: 'Diagnostic report',
      decisions: 'Decision register',
      workshop: 'Workshop report',
      network: 'Network report',
      charter: 'Charters and commitments',
      plan: 'Specification, master plan and budget',
      final: 'Engagement final report',
      evaluation: 'Engagement evaluation',
    },
    none: 'Nothing to show yet.',
  },
} as const;

export type ReportLabels = (typeof REPORT_LABELS)[ReportLang];
