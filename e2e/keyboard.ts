import { randomUUID } from 'node:crypto';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import WebSocket from 'ws';

/**
 * Keyboard-only helpers: reach an element with Tab (or Shift+Tab) alone, and check on the way that
 * every element that receives focus shows it (WCAG 2.4.7): an outline, a ring (box-shadow) or a
 * focus border that differs from the unfocused state.
 */
export async function focusIsVisible(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) {
      return null;
    }
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0;
    const ring = s.boxShadow !== 'none' && s.boxShadow !== '';
    if (outline || ring) {
      return null;
    }
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return `${el.tagName.toLowerCase()} “${name}” shows no focus indicator`;
  });
}

/** Press Tab until `target` has focus (at most `max` presses); every stop must show its focus. */
export async function tabTo(page: Page, target: Locator, options: { max?: number; back?: boolean } = {}) {
  const invisible: string[] = [];
  await target.waitFor({ timeout: 15_000 });
  for (let i = 0; i < (options.max ?? 80); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const problem = await focusIsVisible(page);
    if (problem) {
      invisible.push(problem);
    }
    if (await target.evaluate((el) => el === document.activeElement, null, { timeout: 2000 })) {
      expect(invisible, 'focus visible on every stop').toEqual([]);
      return;
    }
  }
  throw new Error(`Tab never reached ${target}; focus visible problems on the way: ${invisible.join('; ')}`);
}

/** The facilitator's live socket, from a signed-in browser context (its session cookie). */
export async function facilitatorSocket(context: BrowserContext, baseUrl: string, workshopId: string) {
  const cookie = (await context.cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
  const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws`, { headers: { cookie, origin: baseUrl } });
  const messages: { type: string; [k: string]: unknown }[] = [];
  ws.on('message', (m: Buffer) => messages.push(JSON.parse(m.toString())));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'live.resume', workshopId, lastSeq: 0 }));
  const waitFor = async (pred: (m: (typeof messages)[number]) => boolean) => {
    for (let i = 0; i < 1000; i++) {
      const found = messages.find(pred);
      if (found) {
        return found;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no matching message in ${JSON.stringify(messages).slice(-500)}`);
  };
  await waitFor((m) => m.type === 'live.snapshot');
  return {
    /** Send a command; resolves with the new activity's id for `activity.add`. */
    async send(command: Record<string, unknown>): Promise<string | null> {
      const commandId = randomUUID();
      ws.send(JSON.stringify({ type: 'live.command', workshopId, commandId, command }));
      const ack = await waitFor(
        (m) => (m.type === 'live.ack' || m.type === 'live.reject') && m.commandId === commandId,
      );
      expect(ack.type, JSON.stringify(ack)).toBe('live.ack');
      if (command.type !== 'activity.add') {
        return null;
      }
      const events = await waitFor(
        (m) =>
          m.type === 'live.events' &&
          (m.events as { event: { commandId: string } }[]).some((e) => e.event.commandId === commandId),
      );
      const added = (events.events as { event: { commandId: string; activityId: string } }[]).find(
        (e) => e.event.commandId === commandId,
      );
      return added?.event.activityId ?? null;
    },
    close: () => ws.close(),
  };
}
