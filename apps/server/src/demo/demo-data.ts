/**
 * A realistic French demo: a departmental public service (fictional) whose services have stopped
 * cooperating after a merger. Names are invented.
 */
export const DEMO_ORG_NAME = 'Direction départementale de l’Emploi et des Solidarités (démo)';

export const DEMO_ACCOUNTS = [
  {
    email: 'claire.morel@demo.essaim.local',
    displayName: 'Claire Morel',
    role: 'owner' as const,
    title: 'Facilitatrice, cabinet Trame',
  },
  {
    email: 'jean.dupuis@demo.essaim.local',
    displayName: 'Jean Dupuis',
    role: 'sponsor' as const,
    title: 'Directeur départemental',
  },
];
export const DEMO_PASSWORD = 'essaim-demo-2026';

export const DEMO_COLLECTIVES: { name: string; kind: string; parent: string | null }[] = [
  { name: 'Direction', kind: 'department', parent: null },
  { name: 'Service Accueil et usagers', kind: 'team', parent: 'Direction' },
  { name: 'Service Instruction des aides', kind: 'team', parent: 'Direction' },
  { name: 'Service Contrôle', kind: 'team', parent: 'Direction' },
  { name: 'Cellule Numérique', kind: 'circle', parent: 'Direction' },
  { name: 'Communauté des référents qualité', kind: 'community', parent: null },
];

const FIRST = [
  'Amélie',
  'Bastien',
  'Camille',
  'David',
  'Élodie',
  'Farid',
  'Gaëlle',
  'Hugo',
  'Inès',
  'Julien',
  'Karima',
  'Louis',
  'Manon',
  'Nicolas',
  'Océane',
  'Pierre',
  'Quentin',
  'Rachida',
  'Sébastien',
  'Thérèse',
  'Ugo',
  'Valérie',
  'William',
  'Yasmine',
  'Zoé',
  'Arnaud',
  'Bérénice',
  'Cédric',
  'Delphine',
  'Étienne',
  'Fatou',
  'Grégoire',
  'Hélène',
  'Ibrahim',
  'Jeanne',
  'Kevin',
  'Laure',
  'Mathis',
  'Nadia',
  'Olivier',
];
const LAST = [
  'Lefebvre',
  'Girard',
  'Bonnet',
  'Mercier',
  'Lambert',
  'Benali',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Muller',
  'Haddad',
  'Faure',
  'André',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Bouzid',
  'Garnier',
  'Perrin',
  'Roux',
  'Colin',
  'Marchand',
  'Diallo',
  'Gauthier',
  'Brun',
  'Leroy',
  'Blanc',
  'Guerin',
  'Morin',
  'Ndiaye',
  'Picard',
  'Roche',
  'Traoré',
  'Caron',
  'Lemoine',
  'Renaud',
  'Dumont',
  'Meyer',
  'Barbier',
];
const TEAMS = [
  'Service Accueil et usagers',
  'Service Instruction des aides',
  'Service Contrôle',
  'Cellule Numérique',
];
const TITLES: Record<string, string[]> = {
  'Service Accueil et usagers': ['Chargée d’accueil', 'Conseiller usagers', 'Cheffe de service'],
  'Service Instruction des aides': ['Instructeur', 'Instructrice', 'Chef de service'],
  'Service Contrôle': ['Contrôleuse', 'Contrôleur', 'Cheffe de service'],
  'Cellule Numérique': ['Développeur', 'Cheffe de projet numérique', 'Data analyste'],
};
const SITES = ['Vannes', 'Lorient'];
const SENIORITY = ['moins de 2 ans', '2 à 10 ans', 'plus de 10 ans'];

/** 40 people, deterministic, spread over teams and sites; every fifth is a quality referent. */
export function demoPeople() {
  return FIRST.map((first, i) => {
    const team = TEAMS[i % TEAMS.length]!;
    const titles = TITLES[team]!;
    const isHead = i < TEAMS.length;
    return {
      displayName: `${first} ${LAST[i]}`,
      email: `${first
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase()}.${LAST[i]!.normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase()}@demo.essaim.local`,
      title: isHead ? titles[2]! : titles[i % 2]!,
      collectives: i % 5 === 0 ? [team, 'Communauté des référents qualité'] : [team],
      attributes: { site: SITES[i % 2]!, ancienneté: SENIORITY[i % 3]! },
    };
  });
}

export const DEMO_ENGAGEMENT = {
  title: 'Retrouver une coopération entre services après la fusion',
  request:
    '« Depuis la fusion des deux directions, les services travaillent chacun de leur côté. Les usagers attendent plus longtemps, les dossiers font des allers-retours, et l’ambiance s’est dégradée. J’aimerais que les équipes retrouvent l’envie de travailler ensemble, sans que ce soit une réorganisation de plus imposée d’en haut. » — Jean Dupuis, directeur',
  context:
    'Fusion il y a 18 mois de deux directions (emploi et solidarités). Deux sites distants de 60 km. Forte rotation dans le service Accueil. Une réorganisation précédente, menée sans concertation, a laissé des traces. Les représentants du personnel sont favorables à une démarche participative à condition que les résultats du diagnostic restent confidentiels.',
  intention:
    'Que chaque agent puisse traiter le dossier d’un usager sans rupture, en s’appuyant sur les collègues des autres services, et que les équipes décident elles-mêmes des coopérations à tester.',
  startsOn: '2026-09-01',
  endsOn: '2027-06-30',
  questions: [
    'Qu’est-ce qui empêche aujourd’hui un dossier de circuler sans rupture entre l’accueil, l’instruction et le contrôle ?',
    'Qui décide de quoi entre la direction, les chefs de service et les équipes ?',
    'Quelles coopérations les équipes veulent-elles tester d’ici l’été ?',
    'Comment saurons-nous, dans un an, que la coopération s’est améliorée ?',
  ],
  board: {
    title: 'Par où commencer pour relancer la coopération ?',
    criteria: [
      { id: 'impact', name: 'Effet attendu pour les usagers', weight: 3 },
      { id: 'adhesion', name: 'Adhésion probable des équipes', weight: 3 },
      { id: 'feasibility', name: 'Faisabilité d’ici l’été', weight: 2 },
    ],
    options: [
      {
        title: 'Binômes inter-services sur les dossiers complexes',
        description:
          'Un agent de l’accueil et un instructeur suivent ensemble les dossiers signalés comme complexes pendant trois mois.',
        advantages: ['Concret et rapide à lancer', 'Crée des liens personnels entre services'],
        drawbacks: ['Repose sur le volontariat', 'Peu visible au-delà des binômes'],
        risks: ['Surcharge des instructeurs volontaires'],
        effort: 2,
        cost: 'Temps agent : 2 h par semaine et par binôme',
        scores: { impact: 4, adhesion: 4, feasibility: 5 },
      },
      {
        title: 'Atelier mensuel « dossiers qui coincent »',
        description:
          'Une heure par mois, ouverte à tous, pour examiner ensemble deux dossiers bloqués et décider d’un changement de pratique.',
        advantages: ['Apprentissage collectif', 'Décisions prises par les équipes'],
        drawbacks: ['Effet lent', 'Demande une animation régulière'],
        risks: ['Essoufflement après quelques séances'],
        effort: 3,
        cost: 'Une heure par mois et par participant ; animation interne',
        scores: { impact: 3, adhesion: 4, feasibility: 4 },
      },
      {
        title: 'Guichet unique sur chaque site',
        description: 'Réorganiser l’accueil pour qu’un agent polyvalent traite la demande de bout en bout.',
        advantages: ['Lisible pour les usagers'],
        drawbacks: ['Ressemble à la réorganisation précédente', 'Formation longue'],
        risks: ['Rejet par les équipes', 'Dégradation temporaire du service'],
        effort: 5,
        cost: 'Formation de 12 agents, travaux d’aménagement',
        scores: { impact: 5, adhesion: 1, feasibility: 2 },
      },
    ],
  },
};
