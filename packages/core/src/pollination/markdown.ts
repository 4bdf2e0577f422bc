/**
 * An experience as Markdown, for sharing outside Essaim. Only what was shared is written: free texts
 * (already anonymised), contacts who agreed to be named, and the licence with its link so a reader
 * knows how they may reuse it.
 */
import {
  type DiagnosticDelta,
  type ExperienceIndicator,
  type ExperienceLicence,
  LICENCE_URLS,
} from './types.ts';

export interface ExperienceDocument {
  readonly title: string;
  readonly context: string;
  readonly question: string;
  readonly icForms: readonly string[];
  readonly cynefin: string | null;
  readonly methods: readonly { id: string; name: string }[];
  readonly whatHappened: string;
  readonly results: string;
  readonly indicators: readonly ExperienceIndicator[];
  readonly diagnosticDeltas: readonly DiagnosticDelta[];
  readonly lessons: string;
  readonly conditions: string;
  readonly pitfalls: string;
  readonly contacts: readonly { name: string; role: string }[];
  readonly licence: ExperienceLicence;
  readonly sharedAt: string | null;
}

export interface MarkdownLabels {
  readonly context: string;
  readonly question: string;
  readonly icForms: string;
  readonly cynefin: string;
  readonly methods: string;
  readonly whatHappened: string;
  readonly results: string;
  readonly indicators: string;
  readonly diagnostic: string;
  readonly lessons: string;
  readonly conditions: string;
  readonly pitfalls: string;
  readonly contacts: string;
  readonly licence: string;
  readonly allRightsReserved: string;
}

export const MARKDOWN_LABELS: Record<'fr' | 'en', MarkdownLabels> = {
  fr: {
    context: 'Contexte',
    question: 'Question traitée',
    icForms: 'Formes d’intelligence collective',
    cynefin: 'Domaine Cynefin',
    methods: 'Méthodes utilisées',
    whatHappened: 'Ce qui s’est passé',
    results: 'Résultats',
    indicators: 'Indicateurs',
    diagnostic: 'Évolution du diagnostic (0–100)',
    lessons: 'Enseignements',
    conditions: 'Conditions de réussite',
    pitfalls: 'À éviter',
    contacts: 'Contacts',
    licence: 'Licence',
    allRightsReserved: 'Tous droits réservés',
  },
  en: {
    context: 'Context',
    question: 'Question answered',
    icForms: 'Forms of collective intelligence',
    cynefin: 'Cynefin domain',
    methods: 'Methods used',
    whatHappened: 'What happened',
    results: 'Results',
    indicators: 'Indicators',
    diagnostic: 'Diagnostic change (0–100)',
    lessons: 'Lessons',
    conditions: 'Conditions of success',
    pitfalls: 'What to avoid',
    contacts: 'Contacts',
    licence: 'Licence',
    allRightsReserved: 'All rights reserved',
  },
};

/** Markdown specials escaped in one-line values so a title cannot become a link or a heading. */
function inline(text: string): string {
  return text
    .replace(/[\\`*_[\]#<>|]/g, (c) => `\\${c}`)
    .replace(/\s+/g, ' ')
    .trim();
}

function block(text: string): string {
  return text
    .replace(/^(\s*)([#>])/gm, '$1\\$2')
    .replace(/</g, '&lt;')
    .trim();
}

export function experienceMarkdown(doc: ExperienceDocument, language: 'fr' | 'en'): string {
  const l = MARKDOWN_LABELS[language];
  const out: string[] = [`# ${inline(doc.title)}`, ''];
  const section = (title: string, body: string) => {
    if (body.trim() !== '') {
      out.push(`## ${title}`, '', block(body), '');
    }
  };
  section(l.context, doc.context);
  section(l.question, doc.question);
  if (doc.icForms.length > 0) {
    out.push(`- ${l.icForms}: ${doc.icForms.map(inline).join(', ')}`);
  }
  if (doc.cynefin) {
    out.push(`- ${l.cynefin}: ${inline(doc.cynefin)}`);
  }
  if (doc.methods.length > 0) {
    out.push(`- ${l.methods}: ${doc.methods.map((m) => inline(m.name)).join(', ')}`);
  }
  if (doc.icForms.length > 0 || doc.cynefin || doc.methods.length > 0) {
    out.push('');
  }
  section(l.whatHappened, doc.whatHappened);
  section(l.results, doc.results);
  if (doc.indicators.length > 0) {
    out.push(
      `### ${l.indicators}`,
      '',
      ...doc.indicators.map((i) => `- ${inline(i.label)}: ${inline(i.value)}`),
      '',
    );
  }
  if (doc.diagnosticDeltas.length > 0) {
    out.push(
      `### ${l.diagnostic}`,
      '',
      ...doc.diagnosticDeltas.map(
        (d) =>
          `- ${inline(d.constructId)}: ${Math.round(d.before)} → ${Math.round(d.after)} (${d.after >= d.before ? '+' : ''}${Math.round(d.after - d.before)})`,
      ),
      '',
    );
  }
  section(l.lessons, doc.lessons);
  section(l.conditions, doc.conditions);
  section(l.pitfalls, doc.pitfalls);
  if (doc.contacts.length > 0) {
    out.push(
      `## ${l.contacts}`,
      '',
      ...doc.contacts.map((c) => `- ${inline(c.name)}${c.role ? ` (${inline(c.role)})` : ''}`),
      '',
    );
  }
  const url = LICENCE_URLS[doc.licence];
  out.push('---', '', `${l.licence}: ${url ? `[${doc.licence}](${url})` : l.allRightsReserved}`, '');
  return out.join('\n');
}
