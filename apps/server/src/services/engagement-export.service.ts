import { can } from '@essaim/core';
import { writeCsv } from '@essaim/core/csv';
import JSZip from 'jszip';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { forbidden } from '../lib/app-error.ts';
import { listCampaigns } from './campaigns.service.ts';
import { campaignReport, exportCampaignCsv } from './campaigns-report.service.ts';
import { decisionsCsv, listDecisions } from './decision-records.service.ts';
import { loadEngagement } from './engagements.service.ts';
import { engagementEvaluation } from './evaluation.service.ts';
import type { LiveRuntime } from './live.service.ts';
import { readPlan } from './plans.service.ts';
import { investmentCsv } from './plans-export.service.ts';
import { readSpecification } from './plans-spec.service.ts';
import { chartersExportData } from './reports-charters-plans.ts';
import { exportResults, listWorkshops, resultsCsv } from './workshops.service.ts';

/**
 * The full export of an engagement: a zip of JSON and CSV files and a README describing each. Every
 * file comes from the same presented views as the screens (released campaign cuts, thresholded
 * feedback, the register, redacted workshop results): the export shows nothing its reader could not see.
 * Network data (which names people) is not part of it; the names of those who committed to a charter
 * follow the charter's rule (leads and members see them, sponsors do not).
 */
const README = `# Essaim — export of an engagement / export d'une démarche

Files / Fichiers

- engagement.json — the engagement: title, request, status / la démarche : titre, demande, statut.
- evaluation.json — the evaluation: before/after, decisions, participants' feedback (aggregated, with
  thresholds), findings and what cannot be concluded / l'évaluation : avant/après, décisions, retours
  agrégés des participants (avec seuils), constats et ce qu'on ne peut pas conclure.
- decisions.json, decisions.csv — the decision register / le registre des décisions.
- campaigns/<n>.json — each closed campaign's released report (cuts below their threshold carry their
  reason only) / le rapport publié de chaque campagne close (un groupe sous le seuil ne porte que sa raison).
- campaigns/<n>.csv — one row per (group, dimension) of that report / une ligne par (groupe, dimension).
- workshops/<n>.json, workshops/<n>.csv — each workshop's results as the facilitator's export shows
  them / les résultats de chaque atelier, comme l'export de l'animateur.
- charters/<n>.json — each charter: title, clauses, text fingerprint, adopted version's fingerprint and
  the commitments on it (names only for the leads; a sponsor's export has none) / chaque charte : titre,
  clauses, empreintes, engagements sur la version adoptée (noms seulement pour les animateurs).
- charters/<n>.csv — the signed list: name, answer, date, version fingerprint / la liste signée.
- plan.json, plan-budget.csv — the master plan (workstreams, milestones, indicators, scenarios, warnings)
  and its budget lines with amounts, labels in English / le schéma directeur et ses lignes de budget.
- specification.json — the specification chapter by chapter, with its sources / le cahier des charges.

Not included / Non inclus: individual answers, network data (names people), personal data of participants.
CSV files are UTF-8 with a header row; cells that would start a spreadsheet formula are neutralised.
`;

export async function exportEngagementZip(
  db: Db,
  live: LiveRuntime,
  scope: OrgScope,
  engagementId: string,
): Promise<Buffer> {
  if (!can(scope.role, 'survey.readReport')) {
    throw forbidden();
  }
  const engagement = await loadEngagement(db, scope, engagementId);
  const zip = new JSZip();
  zip.file('README.md', README);
  zip.file(
    'engagement.json',
    JSON.stringify(
      { id: engagement.id, title: engagement.title, request: engagement.request, status: engagement.status },
      null,
      2,
    ),
  );
  zip.file('evaluation.json', JSON.stringify(await engagementEvaluation(db, scope, engagementId), null, 2));
  const { decisions } = await listDecisions(db, scope, {}, engagementId);
  zip.file('decisions.json', JSON.stringify(decisions, null, 2));
  zip.file('decisions.csv', decisionsCsv(decisions));
  let n = 0;
  for (const c of await listCampaigns(db, scope, engagementId)) {
    if (c.status !== 'closed') {
      continue;
    }
    n += 1;
    zip.file(`campaigns/${n}.json`, JSON.stringify(await campaignReport(db, scope, c.id, {}), null, 2));
    zip.file(`campaigns/${n}.csv`, await exportCampaignCsv(db, scope, c.id));
  }
  let w = 0;
  for (const workshop of await listWorkshops(db, scope, engagementId)) {
    w += 1;
    const exported = await exportResults(db, live, scope, workshop.id);
    zip.file(`workshops/${w}.json`, JSON.stringify(exported, null, 2));
    zip.file(`workshops/${w}.csv`, resultsCsv(exported));
  }
  let k = 0;
  for (const charter of await chartersExportData(db, scope, engagementId)) {
    k += 1;
    zip.file(`charters/${k}.json`, JSON.stringify(charter, null, 2));
    zip.file(
      `charters/${k}.csv`,
      writeCsv([
        ['name', 'answer', 'date', 'version_hash'],
        ...charter.commitments.map((c) => [c.name, c.state, c.at, c.versionHash]),
      ]),
    );
  }
  if (can(scope.role, 'plan.read')) {
    const plan = await readPlan(db, scope, engagementId, 'en');
    if (plan.version > 0) {
      zip.file('plan.json', JSON.stringify(plan, null, 2));
      zip.file('plan-budget.csv', investmentCsv(plan, 'en'));
    }
    const spec = await readSpecification(db, scope, engagementId, 'en');
    if (spec.version > 0) {
      zip.file('specification.json', JSON.stringify(spec, null, 2));
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
