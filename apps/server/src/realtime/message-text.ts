/**
 * @module Messages whose JSON text is already known, by identity.
 *
 * A committed live batch is built from events already serialised for the store (live/event-json.ts);
 * whoever creates such a message records its text here, and the Redis bus writes that text into its
 * envelope instead of serialising the batch again. Weak: a message is forgotten with its object.
 */
const texts = new WeakMap<object, () => string>();

/** Record how to write `message` as JSON; called only if the message leaves the process. */
export function rememberText(message: object, text: () => string): void {
  texts.set(message, text);
}

/** `JSON.stringify(message)`, from the recorded text when there is one. */
export function textOf(message: unknown): string {
  if (typeof message === 'object' && message !== null) {
    const known = texts.get(message);
    if (known !== undefined) {
      return known();
    }
  }
  return JSON.stringify(message);
}
