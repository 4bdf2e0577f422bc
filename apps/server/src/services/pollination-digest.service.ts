import type { Db } from '../db/db.ts';
import { communitiesRepository as repo } from '../db/repositories/communities.repository.ts';
import type { Mail, Mailer } from '../lib/mailer.ts';
import { nowIso } from '../lib/tokens.ts';

/**
 * The e-mail digest of community activity: one mail per person gathering their unread notifications
 * (mentions, answers to their questions) not yet sent, for the communities where they keep the digest
 * on. Without SMTP nothing is sent and nothing is stamped: the notifications stay in the app.
 */
export interface DigestEntry {
  kind: string;
  communityTitle: string;
  itemTitle: string;
  author: string | null;
}

const TEXT = {
  fr: {
    subject: (n: number) =>
      `Essaim : ${n} nouvelle${n > 1 ? 's' : ''} notification${n > 1 ? 's' : ''} de vos communautés`,
    mention: (e: DigestEntry) =>
      `${e.author ?? 'Un ancien membre'} vous a mentionné·e dans « ${e.communityTitle} »`,
    answer: (e: DigestEntry) =>
      `${e.author ?? 'Un ancien membre'} a répondu à votre question dans « ${e.communityTitle} »`,
    footer: 'Vous pouvez couper ce résumé dans l’onglet Membres de chaque communauté.',
  },
  en: {
    subject: (n: number) => `Essaim: ${n} new notification${n > 1 ? 's' : ''} from your communities`,
    mention: (e: DigestEntry) => `${e.author ?? 'A former member'} mentioned you in “${e.communityTitle}”`,
    answer: (e: DigestEntry) =>
      `${e.author ?? 'A former member'} answered your question in “${e.communityTitle}”`,
    footer: 'You can turn this digest off in the Members tab of each community.',
  },
};

/** The mail for one person (pure: tested without a database). */
export function buildDigest(to: string, language: string, entries: readonly DigestEntry[]): Mail {
  const t = language === 'en' ? TEXT.en : TEXT.fr;
  const lines = entries.map((e) => {
    const head = e.kind === 'answer' ? t.answer(e) : t.mention(e);
    return e.itemTitle ? `- ${head} — ${e.itemTitle}` : `- ${head}`;
  });
  return { to, subject: t.subject(entries.length), text: `${lines.join('\n')}\n\n${t.footer}\n` };
}

/** Send every pending digest; returns the number of mails sent. Best-effort per person. */
export async function sweepCommunityDigests(db: Db, mailer: Mailer | null): Promise<number> {
  if (!mailer?.enabled) {
    return 0;
  }
  const rows = await repo.digestable(db);
  const byUser = new Map<string, typeof rows>();
  for (const r of rows) {
    byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  }
  let sent = 0;
  for (const list of byUser.values()) {
    const first = list[0]!;
    const mail = buildDigest(
      first.email,
      first.language,
      list.map((r) => ({
        kind: r.kind,
        communityTitle: r.community_title,
        itemTitle: r.item_title,
        author: r.author_name,
      })),
    );
    try {
      await mailer.send(mail);
      await repo.markDigested(
        db,
        list.map((r) => r.id),
        nowIso(),
      );
      sent++;
    } catch {
      // Left unstamped: the next sweep tries again; the in-app notification is the record.
    }
  }
  return sent;
}
