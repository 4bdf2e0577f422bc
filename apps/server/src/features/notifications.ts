import type { AppInstance } from '../app-instance.ts';
import { notificationRoutes } from '../http/notifications.routes.ts';
import { sendNotificationEmails } from '../services/notifications-mailer.ts';
import { notificationsPersonalData } from '../services/notifications-personal-data.ts';
import { sweepReminders } from '../services/notifications-reminders.ts';
import { registerPersonalData } from '../services/personal-data.ts';

registerPersonalData(notificationsPersonalData);

const SWEEP_EVERY_MS = 60 * 1000;

/**
 * Every minute: write the reminders that have come due (campaigns closing, charter reviews), then send
 * the outbox's emails when SMTP is configured. Both are idempotent and claim what they send, so every
 * instance may run them.
 */
async function notificationsScheduler(app: AppInstance): Promise<void> {
  const { db } = app.deps.database;
  const { config, mailer } = app.deps;
  const publicUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  let running = false;
  const timer = setInterval(() => {
    if (running) {
      return;
    }
    running = true;
    sweepReminders(db)
      .then(() => sendNotificationEmails(db, mailer, publicUrl))
      .catch((error: unknown) => app.log.warn({ err: error }, 'notifications sweep failed'))
      .finally(() => {
        running = false;
      });
  }, SWEEP_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}

/** Route plugins of the notifications feature, in registration order. */
export const notificationsPlugins: ((app: AppInstance) => Promise<void>)[] = [
  notificationRoutes,
  notificationsScheduler,
];
