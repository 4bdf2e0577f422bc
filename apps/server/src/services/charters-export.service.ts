import type { Clause } from '@essaim/core/charters';
import { contentHash } from '@essaim/core/charters';
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Db } from '../db/db.ts';
import { type CharterMeta, chartersRepository } from '../db/repositories/charters.repository.ts';
import { clausesOf } from './charters-doc.ts';
import type { CharterStore } from './charters-sync.service.ts';

export interface ExportData {
  title: string;
  clauses: Clause[];
  hash: string;
  adoptedHash: string | null;
  /** Latest answer of each person on the adopted version (the collective's view). */
  commitments: { name: string; state: string; at: string; versionHash: string }[];
}

export const LABELS = {
  fr: {
    version: 'Empreinte du texte',
    adopted: 'Version adoptée',
    commitments: 'Engagements',
    name: 'Nom',
    state: 'Réponse',
    date: 'Date',
    hash: 'Empreinte de la version',
    signed: (n: number) =>
      `${n} réponse${n > 1 ? 's' : ''} à la version adoptée ; chaque ligne nomme l’empreinte du texte auquel la personne a répondu.`,
    subtitle: 'Charte et engagements',
    states: { committed: 'Engagé', declined: 'Décliné', withdrawn: 'Retiré' } as Record<string, string>,
  },
  en: {
    version: 'Text fingerprint',
    adopted: 'Adopted version',
    commitments: 'Commitments',
    name: 'Name',
    state: 'Answer',
    date: 'Date',
    hash: 'Version fingerprint',
    signed: (n: number) =>
      `${n} answer${n === 1 ? '' : 's'} to the adopted version; each line names the fingerprint of the text the person answered.`,
    subtitle: 'Charter and commitments',
    states: { committed: 'Committed', declined: 'Declined', withdrawn: 'Withdrew' } as Record<string, string>,
  },
};

/** The text, its hash and (when adopted) the signed list of commitments; names only for those who may see them. */
export async function exportData(
  db: Db,
  store: Pick<CharterStore, 'loadDoc'>,
  charter: CharterMeta,
  withNames: boolean,
): Promise<ExportData> {
  const doc = await store.loadDoc(charter.id);
  const clauses = clausesOf(doc);
  doc.destroy();
  const latest = new Map<string, ExportData['commitments'][number]>();
  if (withNames && charter.adopted_hash) {
    for (const r of await chartersRepository.commitments(db, charter.id)) {
      if (r.version_hash === charter.adopted_hash) {
        latest.set(r.person_id, { name: r.name, state: r.state, at: r.at, versionHash: r.version_hash });
      }
    }
  }
  return {
    title: charter.title,
    clauses,
    hash: contentHash(clauses),
    adoptedHash: charter.adopted_hash,
    commitments: [...latest.values()],
  };
}

/** Markdown: headings as `#`, clauses as paragraphs; line starts that Markdown would read as syntax are escaped. */
export function charterMarkdown(data: ExportData, locale: 'fr' | 'en'): string {
  const l = LABELS[locale];
  const esc = (text: string) => text.replace(/^([#>*+-]|\d+\.)/gm, '\\$1');
  const lines = [`# ${esc(data.title)}`, '', `_${l.version}: \`${data.hash}\`_`, ''];
  if (data.adoptedHash) {
    lines.push(`_${l.adopted}: \`${data.adoptedHash}\`_`, '');
  }
  for (const c of data.clauses) {
    lines.push(
      c.kind === 'heading' ? `${'#'.repeat(Math.min(c.level + 1, 4))} ${esc(c.text)}` : esc(c.text),
      '',
    );
  }
  if (data.commitments.length > 0) {
    lines.push(`## ${l.commitments}`, '', `| ${l.name} | ${l.state} | ${l.date} |`, '|---|---|---|');
    for (const c of data.commitments) {
      lines.push(
        `| ${c.name.replace(/\|/g, '\\|')} | ${l.states[c.state] ?? c.state} | ${c.at.slice(0, 10)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];

/** DOCX (npm `docx`): the same content as the Markdown, with the commitments as a table. */
export async function charterDocx(data: ExportData, locale: 'fr' | 'en'): Promise<Buffer> {
  const l = LABELS[locale];
  const small = (text: string) =>
    new Paragraph({ children: [new TextRun({ text, italics: true, size: 18 })] });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: data.title, heading: HeadingLevel.TITLE }),
    small(`${l.version}: ${data.hash}`),
  ];
  if (data.adoptedHash) {
    children.push(small(`${l.adopted}: ${data.adoptedHash}`));
  }
  for (const c of data.clauses) {
    children.push(
      c.kind === 'heading'
        ? new Paragraph({ text: c.text, heading: HEADINGS[Math.min(c.level, 3)] })
        : new Paragraph({ text: c.text }),
    );
  }
  if (data.commitments.length > 0) {
    const cell = (text: string, bold = false) =>
      new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
    children.push(
      new Paragraph({ text: l.commitments, heading: HeadingLevel.HEADING_2 }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ children: [cell(l.name, true), cell(l.state, true), cell(l.date, true)] }),
          ...data.commitments.map(
            (c) =>
              new TableRow({
                children: [cell(c.name), cell(l.states[c.state] ?? c.state), cell(c.at.slice(0, 10))],
              }),
          ),
        ],
      }),
    );
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
