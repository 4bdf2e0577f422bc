/**
 * @module Each live event serialised once, whatever the number of places its text goes.
 *
 * A vote's JSON is written to the event store, then sent to the facilitators and to its author; a
 * shared event goes to every audience. Redaction returns the event object itself when nothing is hidden,
 * so a cache by identity (weak: a batch's events are dropped once fanned out) turns those into one
 * `JSON.stringify`. Events are immutable once decided (`applyInPlace` reads them, never writes them).
 */
import type { LiveEvent } from '@essaim/core/live';

const texts = new WeakMap<LiveEvent, string>();

export function eventJson(event: LiveEvent): string {
  let text = texts.get(event);
  if (text === undefined) {
    text = JSON.stringify(event);
    texts.set(event, text);
  }
  return text;
}

/** `JSON.stringify(events)` for `{ seq, event }` entries, reusing each event's cached text. */
export function eventsJson(events: readonly { readonly seq: number; readonly event: LiveEvent }[]): string {
  let out = '[';
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as { seq: number; event: LiveEvent };
    out += `${i === 0 ? '' : ','}{"seq":${e.seq},"event":${eventJson(e.event)}}`;
  }
  return `${out}]`;
}
