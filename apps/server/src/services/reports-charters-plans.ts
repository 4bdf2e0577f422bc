import { can } from '@essaim/core';
import {
  type ConfidentialityLevel,
  nestSections,
  REPORT_LABELS,
  type ReportLang,
  type ReportSection,
  strictest,
} from '@essaim/core/reports';
import type { Db } from '../db/db.ts';
import type { OrgScope } from '../db/org-scope.ts';
import { chartersRepository } from '../db/repositories/charters.repository.ts';
import { forbidden } from '../lib/app-error.ts';
import { loadCharter } from './charters.service.ts';
import { mayReadCommitmentNames } from './charters-access.ts';
import { type ExportData, exportData } from './charters-export.service.ts';
import { charterReportDocument } from './charters-pdf.ts';
import { CharterStore } from './charters-sync.service.ts';
import { loadEngagement } from './engagements.service.ts';
import { readPlan } from './plans.service.ts';
import { planReport, specificationReport } from './plans-pdf.ts';
import { readSpecification } from './plans-spec.service.ts';

/**
 * The charter and plan parts of the reports, taken from the documents their own PDF exports print
 * (charters-pdf.ts, plans-pdf.ts) and nested under one heading, so a report and the stand-alone export
 * say the same thing. A part carries its own confidentiality level (a charter printed with the names
 * of those who committed is confidential, without them internal; a plan, with its budget, confidential).
 */
export interface ReportPart {
  sections: ReportSection[];
  level: ConfidentialityLevel;
}

const nothing = (heading: string, lang: ReportLang, id: string): ReportPart => ({
  sections: [
    {
      id,
      blocks: [
        { kind: 'heading', level: 1, text: heading },
        { kind: 'paragraph', tone: 'muted', text: REPORT_LABELS[lang].none },
      ],
    },
  ],
  level: 'internal',
});

/**
 * What the charter exports print, for every charter of the engagement (or one): the text, its
 * fingerprints and the signed list, with names only for readers who may see them (as on the screen).
 */
export async function chartersExportData(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  charterId?: string,
): Promise<ExportData[]> {
  if (!can(scope.role, 'engagement.read')) {
    throw forbidden();
  }
  await loadEngagement(db, scope, engagementId);
  const charters =
    charterId === undefined
      ? await chartersRepository.list(db, scope, engagementId)
      : [await loadCharter(db, scope, engagementId, charterId)];
  // The store only reads here (snapshot + tail from the database); no document is held in memory.
  const store = new CharterStore(db);
  const withNames = mayReadCommitmentNames(scope.role);
  const out: ExportData[] = [];
  for (const charter of charters) {
    out.push(await exportData(db, store, charter, withNames));
  }
  return out;
}

/** The charters part: each charter's document (charters-pdf.ts) under one heading. */
export async function charterPart(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  lang: ReportLang,
  charterId?: string,
): Promise<ReportPart> {
  const heading = REPORT_LABELS[lang].kinds.charter;
  const data = await chartersExportData(db, scope, engagementId, charterId);
  if (data.length === 0) {
    return nothing(heading, lang, 'charters');
  }
  const docs = data.map((d) => charterReportDocument(d, lang));
  return {
    sections: nestSections(
      heading,
      docs.flatMap((d, i) => d.sections.map((s) => ({ ...s, id: `${i + 1}-${s.id}` }))),
      'charters',
    ),
    level: strictest(docs.map((d) => d.confidentiality)),
  };
}

/** The specification, then the master plan with its investment plan (budget), for readers of the plan. */
export async function planPart(
  db: Db,
  scope: OrgScope,
  engagementId: string,
  lang: ReportLang,
): Promise<ReportPart> {
  if (!can(scope.role, 'plan.read')) {
    throw forbidden('the plan is read by the leads and the sponsor');
  }
  const engagement = await loadEngagement(db, scope, engagementId);
  const [view, spec] = await Promise.all([
    readPlan(db, scope, engagementId, lang),
    readSpecification(db, scope, engagementId, lang),
  ]);
  if (view.version === 0 && spec.version === 0) {
    return nothing(REPORT_LABELS[lang].kinds.plan, lang, 'plan');
  }
  const now = new Date().toISOString();
  const specDoc = specificationReport(spec, engagement.title, lang, now);
  const planDoc = planReport(view, engagement.title, lang, now);
  return {
    sections: [
      ...(spec.version > 0 ? nestSections(specDoc.subtitle, specDoc.sections, 'specification') : []),
      ...(view.version > 0 ? nestSections(planDoc.subtitle, planDoc.sections, 'plan') : []),
    ],
    level: strictest([specDoc.confidentiality, planDoc.confidentiality]),
  };
}
