import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative to `text` (clients that show HTML pick it; the text part stays complete). */
  html?: string;
}

export interface Mailer {
  readonly enabled: boolean;
  send(mail: Mail): Promise<void>;
}

/** SMTP when SMTP_URL is configured; otherwise disabled (links are then printed by `essaim users reset-link`). */
export function createMailer(smtpUrl: string | null, from = 'Essaim <no-reply@essaim.local>'): Mailer {
  if (!smtpUrl) {
    return { enabled: false, send: async () => {} };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    send: async (mail) => {
      await transport.sendMail({ from, ...mail });
    },
  };
}
