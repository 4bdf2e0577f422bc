/**
 * @module Items of the built-in "Essaim IC diagnostic" (full version, 45 items).
 *
 * Every item was written for Essaim in French and English. None reproduces or paraphrases a
 * third-party instrument: not Gallup's engagement items, not Edmondson's (1999) safety items
 * (we wrote independent items for the sub-ideas: speaking up, mistakes, asking for help,
 * difference, risk-taking, being valued, no undermining). Reverse-scored items are worded so
 * that agreeing describes a problem.
 */
import type { Item } from './instrument';

type ItemDraft = Omit<Item, 'constructId'>;

function group(constructId: string, drafts: readonly ItemDraft[]): Item[] {
  return drafts.map((draft) => ({ ...draft, constructId }));
}

const a5 = 'agreement5' as const;

/** All items of the full Essaim IC diagnostic, in display order. */
export const ESSAIM_IC_ITEMS: readonly Item[] = [
  ...group('ic-relational', [
    {
      id: 'relational-needs',
      scale: a5,
      text: {
        fr: 'Ici, on prend le temps de comprendre ce dont l’autre a réellement besoin avant de répondre.',
        en: 'People here take the time to understand what others actually need before answering.',
      },
    },
    {
      id: 'relational-help',
      scale: a5,
      text: {
        fr: 'Quand quelqu’un bloque, un ou une collègue vient l’aider sans qu’on le lui demande.',
        en: 'When someone is stuck, a colleague steps in without being asked.',
      },
    },
    {
      id: 'relational-silos',
      scale: a5,
      isReverseScored: true,
      text: {
        fr: 'Les informations restent dans de petits cercles au lieu d’arriver à tous ceux qu’elles concernent.',
        en: 'Information stays within small circles instead of reaching everyone it concerns.',
      },
    },
  ]),
  ...group('ic-rational', [
    {
      id: 'rational-facts',
      scale: a5,
      text: {
        fr: 'Avant de trancher, nous mettons les faits sur la table et nous les examinons ensemble.',
        en: 'Before deciding, we put the facts on the table and look at them together.',
      },
    },
    {
      id: 'rational-assumptions',
      scale: a5,
      text: {
        fr: 'Nous vérifions nos hypothèses plutôt que de retenir la première explication venue.',
        en: 'We test our assumptions rather than settling for the first explanation that comes up.',
      },
    },
    {
      id: 'rational-conclusions',
      scale: a5,
      text: {
        fr: 'Nos échanges débouchent sur des conclusions que chacun saurait reformuler avec ses mots.',
        en: 'Our discussions end with conclusions that everyone could restate in their own words.',
      },
    },
  ]),
  ...group('ic-emotional', [
    {
      id: 'emotional-tensions',
      scale: a5,
      text: {
        fr: 'Les tensions entre personnes sont nommées et traitées au lieu de s’envenimer en silence.',
        en: 'Tensions between people are named and dealt with instead of festering in silence.',
      },
    },
    {
      id: 'emotional-attention',
      scale: a5,
      text: {
        fr: 'Nous faisons attention à l’état d’esprit de chacun, pas seulement au travail à faire.',
        en: 'We pay attention to how each person is doing, not only to the work at hand.',
      },
    },
    {
      id: 'emotional-swings',
      scale: a5,
      isReverseScored: true,
      text: {
        fr: 'L’humeur du groupe fait le yo-yo et pèse sur notre travail sans que personne n’en parle.',
        en: 'The group’s mood swings and weighs on our work without anyone mentioning it.',
      },
    },
  ]),
  ...group('ic-creative', [
    {
      id: 'creative-together',
      scale: a5,
      text: {
        fr: 'Il nous arrive souvent de trouver des idées qu’aucun de nous n’aurait eues seul.',
        en: 'We often come up with ideas that none of us would have had alone.',
      },
    },
    {
      id: 'creative-unusual',
      scale: a5,
      text: {
        fr: 'Une proposition inhabituelle est explorée avant d’être jugée.',
        en: 'An unusual proposal gets explored before it is judged.',
      },
    },
    {
      id: 'creative-building',
      scale: a5,
      text: {
        fr: 'Nous rebondissons sur les idées des autres au lieu de défendre chacun les nôtres.',
        en: 'We build on each other’s ideas instead of each defending our own.',
      },
    },
  ]),
  ...group('ic-innovative', [
    {
      id: 'innovative-trials',
      scale: a5,
      text: {
        fr: 'Les bonnes idées issues de nos échanges se traduisent par des essais concrets.',
        en: 'Good ideas from our discussions turn into concrete trials.',
      },
    },
    {
      id: 'innovative-small-scale',
      scale: a5,
      text: {
        fr: 'Nous pouvons tester une nouvelle façon de faire à petite échelle sans long circuit de validation.',
        en: 'We can try a new way of working on a small scale without a long approval process.',
      },
    },
    {
      id: 'innovative-dropped',
      scale: a5,
      isReverseScored: true,
      text: {
        fr: 'Les idées nouvelles sont longuement discutées, puis abandonnées.',
        en: 'New ideas are discussed at length and then dropped.',
      },
    },
  ]),
  ...group('psychological-safety', [
    {
      id: 'safety-speaking-up',
      scale: a5,
      text: {
        fr: 'Je peux signaler un problème dans ce groupe, même quand il concerne une personne haut placée.',
        en: 'I can raise a problem in this group, even when it involves someone senior.',
      },
    },
    {
      id: 'safety-mistakes',
      scale: a5,
      text: {
        fr: 'Quand je commets une erreur, le groupe cherche ce qu’on peut en apprendre plutôt qu’un coupable.',
        en: 'When I make a mistake, the group looks for what we can learn rather than for someone to blame.',
      },
    },
    {
      id: 'safety-asking-help',
      scale: a5,
      text: {
        fr: 'Dire « je ne sais pas faire » ne me coûte rien ici.',
        en: 'Saying “I don’t know how to do this” costs me nothing here.',
      },
    },
    {
      id: 'safety-difference',
      scale: a5,
      text: {
        fr: 'Une personne au parcours ou au point de vue atypique trouve pleinement sa place dans ce groupe.',
        en: 'Someone with an unusual background or viewpoint finds a full place in this group.',
      },
    },
    {
      id: 'safety-risk',
      scale: a5,
      text: {
        fr: 'Je peux proposer une idée qui risque d’échouer sans craindre pour ma réputation.',
        en: 'I can put forward an idea that might fail without fearing for my reputation.',
      },
    },
    {
      id: 'safety-valued',
      scale: a5,
      text: {
        fr: 'Mes compétences et ma façon de travailler sont réellement mises à profit dans ce groupe.',
        en: 'My skills and my way of working are genuinely put to use in this group.',
      },
    },
    {
      id: 'safety-undermining',
      scale: a5,
      isReverseScored: true,
      text: {
        fr: 'Certaines personnes ici sapent discrètement les efforts des autres.',
        en: 'Some people here quietly work against other people’s efforts.',
      },
    },
  ]),
  ...group('trust-competence', [
    {
      id: 'trust-quality',
      scale: a5,
      text: {
        fr: 'Je peux compter sur les autres pour livrer un travail de la qualité convenue.',
        en: 'I can count on the others to deliver work of the quality we agreed on.',
      },
    },
    {
      id: 'trust-double-check',
      scale: a5,
      isReverseScored: true,
      text: {
        fr: 'J’ai souvent le sentiment de devoir repasser derrière les autres pour vérifier leur travail.',
        en: 'I often feel I have to go over other people’s work to check it.',
      },
    },
  ]),
  ...group('trust-care', [
    {
      id: 'trust-hard-times',
      scale: a5,
      text: {
        fr: 'Si je traversais une période difficile, les gens d’ici s’en soucieraient sincèrement.',
        en: 'If I were going through a hard time, people here would genuinely care.',
      },
    },
    {
      id: 'trust-confided-weakness',
      scale: a5,
      text: {
        fr: 'Personne ici ne profiterait d’une fragilité que je lui aurais confiée.',
        en: 'Nobody here would take advantage of a weakness I had confided to them.',
      },
    },
  ]),
  ...group('shared-direction', [
    {
      id: 'direction-one-sentence',
      scale: a5,
      text: {
        fr: 'Je saurais dire en une phrase ce que notre groupe cherche à accomplir.',
        en: 'I could say in one sentence what our group is trying to achieve.',
      },
    },
    {
      id: 'direction-same-priorities',
      scale: a5,
      text: {
        fr: 'Nos priorités sont les mêmes, quelle que soit la personne du groupe à qui l’on pose la question.',
        en: 'Our priorities are the same whichever member of the group you ask.',
      },
    },
    {
      id: 'direction-meaningful',
      scale: a5,
      text: {
        fr: 'Ce que nous visons compte pour moi personnellement.',
        en: 'What we are aiming for matters to me personally.',
      },
    },
  ]),
  ...group('decision-clarity', [
    {
      id: 'decision-who-how',
      scale: a5,
      text: {
        fr: 'Pour chaque décision importante, nous savons qui décide et de quelle manière.',
        en: 'For every important decision, we know who decides and how.',
      },
    },
    {
      id: 'decision-reopened',
      scale: a5,
      isReverseScored: true,
      text: {
        fr: 'Des décisions que l’on croyait prises sont souvent remises sur la table.',
        en: 'Decisions we thought were settled are often reopened.',
      },
    },
    {
      id: 'decision-reasons',
      scale: a5,
      text: {
        fr: 'Une fois une décision prise, ses raisons sont expliquées aux personnes concernées.',
        en: 'Once a decision is made, its reasons are explained to the people it affects.',
      },
    },
  ]),
  ...group('inclusion', [
    {
      id: 'inclusion-speaking-time',
      scale: a5,
      text: {
        fr: 'En réunion, le temps de parole est assez équitablement réparti.',
        en: 'In meetings, speaking time is shared fairly evenly.',
      },
    },
    {
      id: 'inclusion-same-voices',
      scale: a5,
      isReverseScored: true,
      text: {
        fr: 'Ce sont toujours les mêmes voix qui portent l’essentiel des discussions.',
        en: 'The same few voices carry most of the discussions.',
      },
    },
    {
      id: 'inclusion-quieter',
      scale: a5,
      text: {
        fr: 'Les personnes plus discrètes sont activement invitées à donner leur avis.',
        en: 'Quieter members are actively invited to give their view.',
      },
    },
  ]),
  ...group('learning', [
    {
      id: 'learning-look-back',
      scale: a5,
      text: {
        fr: 'Nous prenons régulièrement le temps de revenir sur notre façon de travailler.',
        en: 'We regularly take time to look back on how we work.',
      },
    },
    {
      id: 'learning-next-project',
      scale: a5,
      text: {
        fr: 'Ce que nous apprenons d’un projet change notre manière de mener le suivant.',
        en: 'What we learn from one project changes how we run the next.',
      },
    },
    {
      id: 'learning-same-difficulties',
      scale: a5,
      isReverseScored: true,
      text: {
        fr: 'Nous retombons dans les mêmes difficultés d’un projet à l’autre.',
        en: 'We run into the same difficulties from one project to the next.',
      },
    },
  ]),
  ...group('energy', [
    {
      id: 'energy-after-meetings',
      scale: 'frequency5',
      text: {
        fr: 'Je ressors de nos réunions avec plus d’énergie qu’en arrivant.',
        en: 'I leave our meetings with more energy than I came in with.',
      },
    },
    {
      id: 'energy-drained',
      scale: 'frequency5',
      isReverseScored: true,
      text: {
        fr: 'Notre façon de travailler ensemble m’épuise.',
        en: 'The way we work together wears me out.',
      },
    },
  ]),
  ...group('readiness-for-change', [
    {
      id: 'change-habits',
      scale: a5,
      text: {
        fr: 'Notre groupe est prêt à changer ses habitudes si cela l’aide à avancer.',
        en: 'Our group is willing to change its habits if that helps it move forward.',
      },
    },
    {
      id: 'change-invest-time',
      scale: a5,
      text: {
        fr: 'J’accepterais volontiers de consacrer du temps à améliorer notre façon de travailler ensemble.',
        en: 'I would gladly spend some time improving the way we work together.',
      },
    },
    {
      id: 'change-confidence',
      scale: 'scale0to10',
      text: {
        fr: 'De 0 à 10, quelle confiance avez-vous dans la capacité du groupe à améliorer son fonctionnement dans les mois qui viennent ?',
        en: 'From 0 to 10, how confident are you that the group can improve how it works in the coming months?',
      },
    },
  ]),
  ...group('open-feedback', [
    {
      id: 'open-helps',
      scale: 'openText',
      isOptional: true,
      text: {
        fr: 'Qu’est-ce qui aide le plus notre groupe à bien réfléchir et agir ensemble ?',
        en: 'What most helps our group think and act well together?',
      },
    },
    {
      id: 'open-hinders',
      scale: 'openText',
      isOptional: true,
      text: {
        fr: 'À l’inverse, qu’est-ce qui le freine le plus ?',
        en: 'Conversely, what holds it back the most?',
      },
    },
  ]),
];
