/**
 * @module Charter templates, written for Essaim in our own words (French and English). A template is
 * a starting point the group rewrites: headings name the topics a charter of that kind usually covers,
 * paragraphs are prompts or sample wording to adapt.
 */
import type { CharterKind, Clause, ClauseKind } from './types';

export type TemplateLocale = 'fr' | 'en';

interface TemplateBlock {
  readonly kind: ClauseKind;
  readonly level: number;
  readonly fr: string;
  readonly en: string;
}

const h = (fr: string, en: string, level = 2): TemplateBlock => ({ kind: 'heading', level, fr, en });
const p = (fr: string, en: string): TemplateBlock => ({ kind: 'paragraph', level: 0, fr, en });

export interface CharterTemplate {
  readonly kind: CharterKind;
  readonly title: Readonly<Record<TemplateLocale, string>>;
  readonly summary: Readonly<Record<TemplateLocale, string>>;
  readonly blocks: readonly TemplateBlock[];
}

const team: CharterTemplate = {
  kind: 'team',
  title: { fr: "Charte d'équipe", en: 'Team charter' },
  summary: {
    fr: 'Pourquoi nous travaillons ensemble, ce qui compte pour nous, qui fait quoi et comment nous décidons.',
    en: 'Why we work together, what matters to us, who does what and how we decide.',
  },
  blocks: [
    h('Notre raison d’être', 'Our purpose'),
    p(
      'Nous existons pour… (une ou deux phrases que chacun peut répéter sans les relire).',
      'We exist to… (one or two sentences anyone can repeat without reading them).',
    ),
    h('Nos valeurs en actes', 'Our values in practice'),
    p(
      'Pour chaque valeur, écrivons un comportement observable : « Nous disons quand nous ne savons pas. »',
      'For each value, write one behaviour anyone could notice: “We say when we do not know.”',
    ),
    h('Rôles et responsabilités', 'Roles and responsibilities'),
    p(
      'Chaque rôle a un nom, une mission et une personne qui le tient aujourd’hui ; un rôle peut changer de main.',
      'Each role has a name, a mission and the person holding it today; a role can change hands.',
    ),
    h('Nos rituels', 'Our rituals'),
    p(
      'Le rythme de nos rencontres (point hebdomadaire, rétrospective mensuelle…) et ce que chacune produit.',
      'How often we meet (weekly check-in, monthly retrospective…) and what each meeting produces.',
    ),
    h('Comment nous décidons', 'How we decide'),
    p(
      'Selon la portée de la décision : qui est consulté, quelle règle s’applique (consentement, avis, majorité) et qui tranche en cas de blocage.',
      'Depending on what is at stake: who is consulted, which rule applies (consent, advice, majority) and who settles a deadlock.',
    ),
    h('Quand nous ne sommes pas d’accord', 'When we disagree'),
    p(
      'Nous parlons d’abord directement à la personne concernée ; si cela ne suffit pas, nous demandons une médiation à une personne choisie ensemble.',
      'We first speak directly with the person concerned; if that is not enough, we ask someone we chose together to mediate.',
    ),
  ],
};

const contract: CharterTemplate = {
  kind: 'collaborative_contract',
  title: { fr: 'Contrat collaboratif', en: 'Collaborative contract' },
  summary: {
    fr: 'Ce que le donneur d’ordre et le collectif s’engagent à faire l’un envers l’autre.',
    en: 'What the sponsor and the collective commit to towards each other.',
  },
  blocks: [
    h('Objectifs partagés', 'Shared objectives'),
    p(
      'Ce que nous voulons avoir changé à la fin de la démarche, dit de façon vérifiable.',
      'What we want to have changed by the end of the engagement, stated so it can be checked.',
    ),
    h('Engagements du donneur d’ordre', 'The sponsor’s commitments'),
    p(
      'Donner au collectif le temps prévu, partager les informations utiles, répondre à chaque proposition dans un délai annoncé, et dire clairement ce qui n’est pas négociable.',
      'Give the collective the agreed time, share the information it needs, answer each proposal within a stated delay, and say plainly what is not open to negotiation.',
    ),
    h('Engagements du collectif', 'The collective’s commitments'),
    p(
      'Participer aux temps convenus, travailler dans le périmètre confié, rendre compte de ses choix et de leurs raisons.',
      'Take part in the agreed sessions, work within the scope entrusted to it, and report its choices with their reasons.',
    ),
    h('Ressources', 'Resources'),
    p(
      'Temps de travail, budget, lieux, outils et appuis extérieurs mis à disposition.',
      'Working time, budget, rooms, tools and outside support made available.',
    ),
    h('Évaluation', 'Evaluation'),
    p(
      'Les indicateurs suivis, à quelle date nous faisons le point, et qui participe à ce bilan.',
      'The indicators we follow, when we take stock, and who takes part in that review.',
    ),
  ],
};

const ethics: CharterTemplate = {
  kind: 'ethics',
  title: { fr: 'Charte éthique et de confidentialité', en: 'Ethics and confidentiality charter' },
  summary: {
    fr: 'Ce que l’accompagnant s’engage à respecter envers chaque personne de la démarche.',
    en: 'What the consultant promises every person taking part in the engagement.',
  },
  blocks: [
    h('Consentement', 'Consent'),
    p(
      'Personne n’est inscrit à une enquête ou à un atelier sans l’avoir accepté en connaissant le but, la durée et l’usage des réponses.',
      'Nobody is enrolled in a survey or a workshop without agreeing to it, knowing its purpose, its length and how answers will be used.',
    ),
    h('Seuils d’anonymat', 'Anonymity thresholds'),
    p(
      'Aucun résultat n’est montré pour un groupe plus petit que le seuil annoncé, et aucun croisement ne permet de retrouver une personne.',
      'No result is shown for a group smaller than the announced threshold, and no combination of views can single a person out.',
    ),
    h('Droit de retrait', 'Right to withdraw'),
    p(
      'Chacun peut retirer sa participation et ses données à tout moment, sans avoir à se justifier et sans conséquence.',
      'Anyone can withdraw their participation and their data at any time, without giving a reason and without consequence.',
    ),
    h('Arrêt de la démarche', 'Stopping the engagement'),
    p(
      'Si la démarche met des personnes en difficulté, l’accompagnant la suspend ou l’arrête ; plus aucune donnée n’est alors collectée.',
      'If the engagement puts people at risk, the consultant pauses or stops it; no more data is collected from then on.',
    ),
  ],
};

const meetings: CharterTemplate = {
  kind: 'meeting_agreements',
  title: { fr: 'Accords de réunion', en: 'Meeting agreements' },
  summary: {
    fr: 'Quelques règles courtes pour des réunions utiles et respectueuses.',
    en: 'A few short rules for useful and respectful meetings.',
  },
  blocks: [
    h('Avant', 'Before'),
    p(
      'L’ordre du jour et le résultat attendu sont envoyés la veille ; sans but clair, la réunion n’a pas lieu.',
      'The agenda and the expected outcome are sent the day before; without a clear aim, the meeting does not happen.',
    ),
    h('Pendant', 'During'),
    p(
      'Nous commençons et finissons à l’heure, chacun a la parole au moins une fois, et les écrans restent fermés sauf pour prendre des notes.',
      'We start and end on time, everyone speaks at least once, and screens stay closed except for taking notes.',
    ),
    h('Après', 'After'),
    p(
      'Les décisions et les actions, avec un nom et une date, sont partagées dans les vingt-quatre heures.',
      'Decisions and actions, each with a name and a date, are shared within twenty-four hours.',
    ),
  ],
};

const safety: CharterTemplate = {
  kind: 'psychological_safety',
  title: { fr: 'Accord de sécurité psychologique', en: 'Psychological-safety agreement' },
  summary: {
    fr: 'Comment nous rendons possible de parler franchement, de poser des questions et de se tromper.',
    en: 'How we make it possible to speak frankly, ask questions and make mistakes.',
  },
  blocks: [
    h('Parler sans crainte', 'Speaking without fear'),
    p(
      'Une question, un doute ou un désaccord est une contribution ; nous remercions la personne qui l’exprime.',
      'A question, a doubt or a disagreement is a contribution; we thank the person who raises it.',
    ),
    h('Les erreurs', 'Mistakes'),
    p(
      'Quand quelque chose échoue, nous cherchons ce que le système nous apprend avant de chercher qui a fait quoi.',
      'When something fails, we look for what the system teaches us before looking for who did what.',
    ),
    h('Ce qui se dit ici', 'What is said here'),
    p(
      'Ce qu’une personne partage de personnel reste dans le groupe, sauf si elle accepte qu’on le répète.',
      'What someone shares about themselves stays within the group, unless they agree that it may be repeated.',
    ),
    h('Quand l’accord n’est pas respecté', 'When the agreement is not kept'),
    p(
      'Chacun peut le signaler, en séance ou en privé à une personne de confiance désignée par le groupe.',
      'Anyone may point it out, in the meeting or privately to a trusted person the group has named.',
    ),
  ],
};

export const CHARTER_TEMPLATES: Readonly<Record<Exclude<CharterKind, 'blank'>, CharterTemplate>> = {
  team,
  collaborative_contract: contract,
  ethics,
  meeting_agreements: meetings,
  psychological_safety: safety,
};

/** The clauses a new charter of this kind starts with, with fresh ids from `newId`. */
export function templateClauses(kind: CharterKind, locale: TemplateLocale, newId: () => string): Clause[] {
  if (kind === 'blank') {
    return [];
  }
  return CHARTER_TEMPLATES[kind].blocks.map((b) => ({
    id: newId(),
    kind: b.kind,
    level: b.kind === 'heading' ? b.level : 0,
    text: b[locale],
  }));
}
