import type { LiveEvent } from '@essaim/core/live';
import { describe, expect, it } from 'vitest';
import { textOf } from '../realtime/message-text.ts';
import { eventJson, eventsJson } from './event-json.ts';

const vote = (n: number) =>
  ({
    type: 'dotVote.placed',
    activityId: 'a1',
    itemId: `i"${n}\\é`,
    actor: { role: 'participant', participantId: `p${n}` },
    commandId: `c${n}`,
  }) as unknown as LiveEvent;

describe('events serialised once', () => {
  it('writes what JSON.stringify writes, escapes included', () => {
    const events = [1, 2, 3].map((n) => ({ seq: 10 + n, event: vote(n) }));
    expect(eventsJson(events)).toBe(JSON.stringify(events));
    expect(eventsJson([])).toBe('[]');
    expect(JSON.parse(eventsJson(events))).toEqual(events);
  });

  it('serialises an event object once and reuses its text', () => {
    const event = vote(1);
    const first = eventJson(event);
    // A later change to the object is not seen: events are immutable once decided.
    (event as unknown as { itemId: string }).itemId = 'changed';
    expect(eventJson(event)).toBe(first);
    expect(eventJson(vote(1))).toBe(first);
  });

  it('falls back to JSON.stringify for a message without a recorded text', () => {
    expect(textOf({ type: 'pong' })).toBe('{"type":"pong"}');
    expect(textOf('x')).toBe('"x"');
  });
});
