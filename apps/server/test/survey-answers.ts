import type { RespondSession } from '@essaim/contracts';

const RANGE: Record<string, [number, number]> = {
  agreement5: [1, 5],
  agreement7: [1, 7],
  frequency5: [1, 5],
  yesno: [0, 1],
  scale0to10: [0, 10],
};

/** Answers for every item: numeric values from `pick`, open text when `text` is given. */
export function answersFor(
  session: RespondSession,
  pick: (min: number, max: number, index: number) => number,
  text?: string,
): Record<string, number | string | null> {
  const answers: Record<string, number | string | null> = {};
  session.instrument.items.forEach((item, index) => {
    const range = RANGE[item.scale];
    if (range) {
      answers[item.id] = pick(range[0], range[1], index);
    } else if (text !== undefined) {
      answers[item.id] = text;
    }
  });
  return answers;
}
