import type { CompetencyFeedbackReport } from '@essaim/contracts';
import { COMPETENCIES, findCompetency, LEVELS } from '@essaim/core/competencies';
import PDFDocument from 'pdfkit';
import { competenciesRepository as repo } from '../db/repositories/competencies.repository.ts';
import type { Db } from '../db/repositories/users.repository.ts';
import { usersRepository } from '../db/repositories/users.repository.ts';
import { notFound } from '../lib/app-error.ts';
import { listGoals, presentAssessment } from './competencies.service.ts';
import { roundReport } from './competencies-feedback.service.ts';

/**
 * Portfolio export (PDF) to prepare a certification: the latest self-assessment with its evidence,
 * the aggregated feedback of closed rounds (only what the disclosure planner shows), development
 * goals and the frameworks credited. pdfkit's standard Helvetica with WinAnsi encoding covers French
 * accents, so no font file is shipped.
 */

type Lang = 'fr' | 'en';

const T = {
  title: { fr: 'Portfolio de compétences', en: 'Competency portfolio' },
  assessed: { fr: 'Auto-évaluation du', en: 'Self-assessment of' },
  level: { fr: 'Niveau', en: 'Level' },
  evidence: { fr: 'Preuves issues de la plateforme', en: 'Evidence from the platform' },
  own: { fr: 'Preuves ajoutées', en: 'Evidence added' },
  feedback: { fr: 'Retours agrégés', en: 'Aggregated feedback' },
  answers: { fr: 'réponses', en: 'answers' },
  withheld: { fr: 'non affiché (seuil de confidentialité)', en: 'withheld (confidentiality threshold)' },
  goals: { fr: 'Plan de développement', en: 'Development plan' },
  target: { fr: 'cible', en: 'target' },
  due: { fr: 'échéance', en: 'due' },
  practice: { fr: 'À pratiquer', en: 'To practise' },
  none: { fr: 'Aucune auto-évaluation pour l’instant.', en: 'No self-assessment yet.' },
  credits: {
    fr: 'Grille Essaim, rédigée avec nos propres mots. Elle s’inspire des domaines de compétences de l’IAF (International Association of Facilitators), des compétences clés de l’ICF (International Coaching Federation) et de l’échelle à quatre niveaux du cadre de l’EMCC (European Mentoring and Coaching Council). Ce document n’est pas une certification de ces organismes.',
    en: 'Essaim grid, written in our own words. It draws on the competency areas of the IAF (International Association of Facilitators), the core competencies of the ICF (International Coaching Federation) and the four-level ladder of the EMCC (European Mentoring and Coaching Council) framework. This document is not a certification by these bodies.',
  },
} as const;

function render(build: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: 'Essaim portfolio' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

export async function portfolioPdf(db: Db, userId: string, lang: Lang): Promise<Buffer> {
  const user = await usersRepository.findById(db, userId);
  if (!user) {
    throw notFound('user');
  }
  const latestRow = (await repo.listAssessments(db, userId))[0];
  const assessment = latestRow ? await presentAssessment(db, latestRow) : null;
  const rounds = (await repo.listRounds(db, userId)).filter((r) => r.status === 'closed');
  const reports: CompetencyFeedbackReport[] = [];
  for (const r of rounds) {
    reports.push(await roundReport(db, userId, r.id));
  }
  const { goals } = await listGoals(db, userId);
  const nameOf = (id: string) => findCompetency(id)?.name[lang] ?? id;
  const order = new Map(COMPETENCIES.map((c, i) => [c.id, i]));

  return render((doc) => {
    doc.font('Helvetica-Bold').fontSize(20).text(T.title[lang]);
    doc.font('Helvetica').fontSize(12).text(user.display_name);
    doc.moveDown();
    if (!assessment) {
      doc.text(T.none[lang]);
    } else {
      doc
        .fontSize(10)
        .fillColor('#555')
        .text(`${T.assessed[lang]} ${assessment.createdAt.slice(0, 10)}`);
      doc.fillColor('#000');
      const ratings = [...assessment.ratings].sort(
        (a, b) => (order.get(a.competencyId) ?? 0) - (order.get(b.competencyId) ?? 0),
      );
      for (const r of ratings) {
        const competency = findCompetency(r.competencyId);
        const level = LEVELS[r.level - 1];
        doc.moveDown(0.6);
        doc.font('Helvetica-Bold').fontSize(12).text(nameOf(r.competencyId));
        doc
          .font('Helvetica')
          .fontSize(10)
          .text(`${T.level[lang]} ${r.level} — ${level?.name[lang] ?? ''}`);
        if (competency) {
          doc
            .fillColor('#444')
            .text(competency.descriptors[r.level - 1]![lang])
            .fillColor('#000');
        }
        if (r.note) {
          doc.text(r.note);
        }
        if (r.evidence.length > 0) {
          doc.font('Helvetica-Oblique').text(`${T.evidence[lang]} :`).font('Helvetica');
          for (const e of r.evidence) {
            const figures = Object.entries(e.figures)
              .map(([k, v]) => `${k} ${String(v)}`)
              .join(', ');
            doc.text(`• ${e.label}${e.orgName ? ` (${e.orgName})` : ''} — ${figures}`, { indent: 10 });
          }
        }
        if (r.ownEvidence.length > 0) {
          doc.font('Helvetica-Oblique').text(`${T.own[lang]} :`).font('Helvetica');
          for (const e of r.ownEvidence) {
            doc.text(`• ${e.text}`, { indent: 10 });
          }
        }
      }
    }
    if (reports.length > 0) {
      doc
        .moveDown()
        .font('Helvetica-Bold')
        .fontSize(14)
        .text(T.feedback[lang])
        .font('Helvetica')
        .fontSize(10);
      for (const report of reports) {
        const whole = report.cuts[0];
        doc.moveDown(0.4).font('Helvetica-Bold').text(report.round.title).font('Helvetica');
        if (whole?.status !== 'shown') {
          doc.text(T.withheld[lang]);
          continue;
        }
        for (const c of whole.competencies) {
          doc.text(
            c.status === 'shown'
              ? `${nameOf(c.competencyId)} : ${c.mean?.toFixed(1)} / 4 (${c.n} ${T.answers[lang]})`
              : `${nameOf(c.competencyId)} : ${T.withheld[lang]}`,
          );
        }
      }
    }
    if (goals.length > 0) {
      doc.moveDown().font('Helvetica-Bold').fontSize(14).text(T.goals[lang]).font('Helvetica').fontSize(10);
      for (const g of goals) {
        doc.text(
          `• ${nameOf(g.competencyId)} — ${T.target[lang]} ${g.targetLevel}${g.dueOn ? `, ${T.due[lang]} ${g.dueOn}` : ''} (${Math.round(g.progress.ratio * 100)} %)`,
        );
        if (g.practiceMethodIds.length > 0) {
          doc.text(`${T.practice[lang]} : ${g.practiceMethodIds.join(', ')}`, { indent: 10 });
        }
      }
    }
    doc.moveDown(2).fontSize(8).fillColor('#555').text(T.credits[lang]);
  });
}
