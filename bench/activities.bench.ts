/**
 * Benchmark of the new live activities' reducers at room scale (no I/O: decide + apply in core, as the
 * server runs them inside its transaction): 10,000 participants each ask or upvote questions, allocate
 * 100 points, place matrix items, check in; forming groups of 10,000 people with mixing. Prints a table,
 * then one JSON line per measurement ({ name, ms, perOpUs, ops, MB }).
 *
 *   npm run bench:activities
 */
import { type ActivitySpec, type Actor, createLiveRoom, type LiveCommandBody } from '@essaim/core/live';

const N = Number(process.env.BENCH_PARTICIPANTS ?? 10_000);
const F: Actor = { role: 'facilitator' };
const P = (i: number): Actor => ({ role: 'participant', participantId: `p${i}` });
const items = Array.from({ length: 8 }, (_, i) => ({ id: `i${i}`, label: `Item ${i}` }));

interface Measure {
  name: string;
  ms: number;
  perOpUs: number;
  ops: number;
  MB: number;
}
const measures: Measure[] = [];

function roomWith(spec: ActivitySpec) {
  const room = createLiveRoom();
  room.send(F, { type: 'activity.add', activity: spec });
  const id = room.state.activityOrder[0]!;
  for (let i = 0; i < N; i++) {
    room.send(P(i), { type: 'participant.join', displayName: `P${i}` });
  }
  room.send(F, { type: 'activity.start', activityId: id });
  return { room, id };
}

function time(name: string, ops: number, run: () => void) {
  const heap = process.memoryUsage().heapUsed;
  const start = performance.now();
  run();
  const ms = performance.now() - start;
  measures.push({
    name,
    ms: Math.round(ms),
    perOpUs: Math.round((ms * 1000) / ops),
    ops,
    MB: Math.round(((process.memoryUsage().heapUsed - heap) / 1024 / 1024) * 10) / 10,
  });
}

function expectOk(result: { ok: boolean }, what: string) {
  if (!result.ok) {
    throw new Error(`${what} refused`);
  }
}

{
  const { room, id } = roomWith({
    type: 'questions',
    title: 'Q',
    config: { isModerated: false, allowNames: true },
  });
  time(`questions: ${N / 10} asked`, N / 10, () => {
    for (let i = 0; i < N / 10; i++) {
      expectOk(room.send(P(i), { type: 'questions.ask', activityId: id, text: `Question ${i}?` }), 'ask');
    }
  });
  const a = room.state.activities[id];
  const order = a?.type === 'questions' ? a.data.order : [];
  time(`questions: ${N * 3} upvotes`, N * 3, () => {
    for (let i = 0; i < N; i++) {
      for (let k = 1; k <= 3; k++) {
        const questionId = order[(i * 7 + k * 13) % order.length]!;
        const body: LiveCommandBody = { type: 'questions.upvote', activityId: id, questionId };
        room.send(P(i), body); // own question or a repeat: refused, still timed
      }
    }
  });
}
{
  const { room, id } = roomWith({ type: 'budget', title: 'B', config: { items, budget: 100 } });
  time(`budget: ${N} allocations`, N, () => {
    for (let i = 0; i < N; i++) {
      expectOk(
        room.send(P(i), {
          type: 'budget.allocate',
          activityId: id,
          allocation: { [`i${i % 8}`]: 60, [`i${(i + 3) % 8}`]: 40 },
        }),
        'allocate',
      );
    }
  });
}
{
  const axis = { label: 'A', low: 'l', high: 'h' };
  const { room, id } = roomWith({ type: 'matrix', title: 'M', config: { items, x: axis, y: axis } });
  time(`matrix: ${N * 4} placements`, N * 4, () => {
    for (let i = 0; i < N; i++) {
      for (let k = 0; k < 4; k++) {
        expectOk(
          room.send(P(i), {
            type: 'matrix.place',
            activityId: id,
            itemId: `i${k}`,
            x: (i * 7) % 101,
            y: (i * 13) % 101,
          }),
          'place',
        );
      }
    }
  });
}
{
  const { room, id } = roomWith({
    type: 'checkIn',
    title: 'C',
    config: { scale: 'mood', allowWord: true, showNames: false },
  });
  time(`checkIn: ${N} answers`, N, () => {
    for (let i = 0; i < N; i++) {
      expectOk(
        room.send(P(i), { type: 'checkIn.answer', activityId: id, level: 1 + (i % 5), word: `w${i % 50}` }),
        'answer',
      );
    }
  });
}
{
  const options = ['a', 'b', 'c', 'd'].map((o) => ({ id: o, label: o }));
  const { room, id } = roomWith({
    type: 'groups',
    title: 'G',
    config: { size: 4, strategy: 'mix', attribute: { question: 'Team', options }, fromActivityId: null },
  });
  for (let i = 0; i < N; i++) {
    room.send(P(i), { type: 'groups.declare', activityId: id, optionId: options[i % 4]!.id });
  }
  time(`groups: form fours of ${N}, mixed`, 1, () => {
    expectOk(room.send(F, { type: 'groups.form', activityId: id }), 'form');
  });
  time(`groups: regroup ${N} into eights`, 1, () => {
    expectOk(room.send(F, { type: 'groups.form', activityId: id, size: 8 }), 'regroup');
  });
}

const header = ['measurement', 'ms', 'µs/op', 'ops', 'MB'];
const rows = measures.map((m) => [m.name, String(m.ms), String(m.perOpUs), String(m.ops), String(m.MB)]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(`Live activities at ${N} participants (core decide + apply, one process)`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) {
  console.log(line(row));
}
for (const m of measures) {
  console.log(JSON.stringify({ ...m, peer: null, ratio: null }));
}
