/**
 * The demo engagement's plan: two workstreams over the coming months (one answers the complex question
 * with probes first), milestones with owners and a dependency, people with their availability, the
 * summer marked as unavailable, a gradual and an accelerated scenario (the accelerated one over-allocates
 * a person, so the demo shows a pacing warning and its reason) and two indicators.
 */
import type { PlanDocument } from '@essaim/core/plans';

/** First day of the month `offset` months after `start`'s month, as YYYY-MM-DD. */
function monthStart(start: Date, offset: number): string {
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1))
    .toISOString()
    .slice(0, 10);
}
function monthEnd(start: Date, offset: number): string {
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset + 1, 0))
    .toISOString()
    .slice(0, 10);
}
function quarter(start: Date, offset: number): string {
  const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1));
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

export function demoPlan(ids: {
  flowQuestionId: string;
  cooperationQuestionId: string;
  accueilId: string | null;
  now?: Date;
}): PlanDocument {
  const now = ids.now ?? new Date();
  const m = (offset: number) => monthStart(now, offset);
  const e = (offset: number) => monthEnd(now, offset);
  const q = (offset: number) => quarter(now, offset);
  const summerYear = now.getUTCMonth() >= 7 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const internal = (
    id: string,
    scenarioId: string,
    workstreamId: string,
    personId: string,
    days: number,
    offset: number,
  ) => ({
    id,
    scenarioId,
    workstreamId,
    category: 'internal' as const,
    label: 'Temps des équipes',
    personId,
    quantity: days,
    unitCost: 380,
    period: q(offset),
    fundingSource: 'Budget de fonctionnement',
  });
  return {
    title: 'Schéma directeur — coopération entre services',
    workstreams: [
      {
        id: 'ws-flow',
        title: 'Un dossier sans rupture',
        objective:
          'Que chaque dossier passe de l’accueil à l’instruction puis au contrôle sans être ressaisi ni perdu.',
        constructIds: ['ic-rational', 'ic-relational'],
        questionId: ids.flowQuestionId,
        collectiveId: ids.accueilId,
        demandLevel: 3,
        startsOn: m(0),
        endsOn: e(8),
        phases: [
          { id: 'ph-flow-1', title: 'Cartographier', startsOn: m(0), endsOn: e(2) },
          { id: 'ph-flow-2', title: 'Réorganiser', startsOn: m(3), endsOn: e(8) },
        ],
      },
      {
        id: 'ws-coop',
        title: 'Coopérations à l’essai',
        objective:
          'Tester à petite échelle les coopérations que les équipes proposent, garder celles qui prennent.',
        constructIds: ['ic-creative', 'psychological-safety'],
        questionId: ids.cooperationQuestionId,
        collectiveId: null,
        demandLevel: 4,
        startsOn: m(1),
        endsOn: e(10),
        phases: [
          { id: 'ph-coop-1', title: 'Essais', startsOn: m(1), endsOn: e(4) },
          { id: 'ph-coop-2', title: 'Retenir et étendre', startsOn: m(5), endsOn: e(10) },
        ],
      },
    ],
    milestones: [
      {
        id: 'ms-map',
        workstreamId: 'ws-flow',
        title: 'Carte du parcours d’un dossier',
        kind: 'delivery',
        owner: 'Amélie Bernard',
        startsOn: m(0),
        dueOn: e(1),
        dependsOn: [],
        deliverables: ['Carte du parcours', 'Liste des ruptures'],
        status: 'in_progress',
        comment: 'Ateliers avec les trois services en cours.',
      },
      {
        id: 'ms-handover',
        workstreamId: 'ws-flow',
        title: 'Nouvelle passation accueil → instruction',
        kind: 'delivery',
        owner: 'Bastien Petit',
        startsOn: m(3),
        dueOn: e(6),
        dependsOn: ['ms-map'],
        deliverables: ['Fiche de passation'],
        status: 'planned',
        comment: '',
      },
      {
        id: 'ms-probes',
        workstreamId: 'ws-coop',
        title: 'Trois essais de coopération',
        kind: 'probe',
        owner: 'Camille Durand',
        startsOn: m(1),
        dueOn: e(3),
        dependsOn: [],
        deliverables: ['Bilan de chaque essai'],
        status: 'planned',
        comment: '',
      },
      {
        id: 'ms-keep',
        workstreamId: 'ws-coop',
        title: 'Décision : ce que l’on garde',
        kind: 'delivery',
        owner: 'Jean Dupuis',
        startsOn: m(4),
        dueOn: e(5),
        dependsOn: ['ms-probes'],
        deliverables: ['Décision au registre'],
        status: 'planned',
        comment: '',
      },
    ],
    people: [
      { id: 'p-amelie', name: 'Amélie Bernard', daysPerMonth: 4 },
      { id: 'p-camille', name: 'Camille Durand', daysPerMonth: 3 },
    ],
    unavailable: [
      {
        id: 'u-summer',
        collectiveId: null,
        label: 'Congés d’été',
        from: `${summerYear}-07-14`,
        to: `${summerYear}-08-22`,
      },
    ],
    scenarios: [
      { id: 'sc-gradual', name: 'Progressif', kind: 'gradual' },
      { id: 'sc-fast', name: 'Accéléré', kind: 'accelerated' },
    ],
    budgetLines: [
      internal('b-g1', 'sc-gradual', 'ws-flow', 'p-amelie', 9, 0),
      internal('b-g2', 'sc-gradual', 'ws-coop', 'p-camille', 6, 3),
      {
        id: 'b-g3',
        scenarioId: 'sc-gradual',
        workstreamId: 'ws-coop',
        category: 'external',
        label: 'Accompagnement des essais',
        personId: null,
        quantity: 4,
        unitCost: 1200,
        period: q(3),
        fundingSource: 'Fonds de modernisation',
      },
      internal('b-f1', 'sc-fast', 'ws-flow', 'p-amelie', 9, 0),
      internal('b-f2', 'sc-fast', 'ws-coop', 'p-camille', 15, 3),
      {
        id: 'b-f3',
        scenarioId: 'sc-fast',
        workstreamId: 'ws-coop',
        category: 'external',
        label: 'Accompagnement des essais',
        personId: null,
        quantity: 8,
        unitCost: 1200,
        period: q(3),
        fundingSource: 'Fonds de modernisation',
      },
      {
        id: 'b-f4',
        scenarioId: 'sc-fast',
        workstreamId: null,
        category: 'training',
        label: 'Formation à l’animation',
        personId: null,
        quantity: 2,
        unitCost: 1500,
        period: q(3),
        fundingSource: 'OPCO',
      },
    ],
    indicators: [
      {
        id: 'i-safety',
        workstreamId: 'ws-coop',
        name: 'Sécurité psychologique',
        source: 'construct',
        constructId: 'psychological-safety',
        baseline: null,
        target: 65,
        points: [],
      },
      {
        id: 'i-decisions',
        workstreamId: 'ws-coop',
        name: 'Décisions prises ensemble',
        source: 'decisions',
        constructId: null,
        baseline: 0,
        target: 6,
        points: [],
      },
    ],
  };
}
