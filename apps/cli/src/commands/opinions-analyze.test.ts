/**
 * Data: london.youth.policing, Polis open data. Data was gathered using the Polis software
 * (compdemocracy.org/polis) and is sub-licensed under CC BY 4.0 with Attribution to The
 * Computational Democracy Project.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { opinionsAnalyze } from './opinions-analyze';

function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'packages'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('repo root not found');
    }
    dir = parent;
  }
  return dir;
}

const london = path.resolve(findRepoRoot(), 'fixtures/polis/london.youth.policing');

function captureIo(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (s: string) => out.push(s),
      stderr: (s: string) => err.push(s),
      readStdin: async () => stdin,
    },
  };
}

describe('opinionsAnalyze', () => {
  it('prints participants, groups, consensus and bridging as JSON', async () => {
    const { out, err, io } = captureIo();
    const code = await opinionsAnalyze(
      {
        votes: path.join(london, 'votes.csv'),
        comments: path.join(london, 'comments.csv'),
        seed: 1,
        inclusion: 'final',
      },
      io,
    );
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json.participants).toHaveLength(26);
    const excluded = json.participants.filter((p: { group: number | null }) => p.group === null);
    expect(excluded.map((p: { id: string }) => p.id).sort()).toEqual(['13', '24']);
    expect(json.groups.length).toBeGreaterThanOrEqual(2);
    for (const g of json.groups) {
      expect(g.members.length).toBeGreaterThan(0);
      for (const r of g.representative) {
        expect(['agree', 'disagree']).toContain(r.direction);
      }
    }
    expect(Array.isArray(json.consensus)).toBe(true);
    expect(Array.isArray(json.bridging)).toBe(true);
  });

  it('replays the vote timestamps: an early one-vote participant stays grouped, as Polis keeps in-conv', async () => {
    const { out, io } = captureIo();
    const files = { votes: path.join(london, 'votes.csv'), comments: path.join(london, 'comments.csv') };
    expect(await opinionsAnalyze(files, io)).toBe(0);
    const json = JSON.parse(out.join(''));
    const ungrouped = json.participants.filter((p: { group: number | null }) => p.group === null);
    // Participant 13 voted once, 3 minutes in, when only 12 people had voted: Polis' greedy top-up
    // to 15 took them in. Participant 24 came late with 2 votes and never qualified.
    expect(ungrouped.map((p: { id: string }) => p.id)).toEqual(['24']);
  });

  it('reads participants-votes.csv when no votes.csv is given, and --meta takes statements out', async () => {
    const run = async (meta?: string[]) => {
      const { out, err, io } = captureIo();
      const code = await opinionsAnalyze(
        {
          participantsVotes: path.join(london, 'participants-votes.csv'),
          comments: path.join(london, 'comments.csv'),
          ...(meta ? { meta } : {}),
        },
        io,
      );
      expect(err.join('')).toBe('');
      expect(code).toBe(0);
      return JSON.parse(out.join('')) as { groups: { members: string[] }[] };
    };
    // The host's demographic questions (0-14) split people by age and ethnicity when counted.
    const demographic = Array.from({ length: 15 }, (_, i) => String(i));
    const withMeta = await run(demographic);
    expect(withMeta.groups).toHaveLength(3);
    const without = await run();
    expect(without.groups.length).not.toBe(3);
  });

  it('asks for a vote source when none is given', async () => {
    const { err, io } = captureIo();
    expect(await opinionsAnalyze({}, io)).toBe(2);
    expect(err.join('')).toMatch(/votes\.csv/);
  });

  it('reads votes from stdin and prints CSV', async () => {
    const { out, io } = captureIo('timestamp,datetime,comment-id,voter-id,vote\n1,,1,a,1\n2,,1,b,-1\n');
    expect(await opinionsAnalyze({ votes: '-', format: 'csv' }, io)).toBe(0);
    expect(out.join('').split('\n')[0]).toBe('participant,group,x,y');
  });

  it('reports malformed input as file:line: message with exit code 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'essaim-opinions-'));
    const file = path.join(dir, 'votes.csv');
    writeFileSync(file, 'timestamp,datetime,comment-id,voter-id,vote\n1,,1,a,1\n2,,1,b,yes\n');
    const { err, io } = captureIo();
    expect(await opinionsAnalyze({ votes: file }, io)).toBe(2);
    expect(err.join('')).toBe(`${file}:3: vote must be 1, -1 or 0, got "yes"\n`);
  });

  it('reports a missing file with exit code 2', async () => {
    const { err, io } = captureIo();
    expect(await opinionsAnalyze({ votes: '/nonexistent/votes.csv' }, io)).toBe(2);
    expect(err.join('')).toMatch(/^\/nonexistent\/votes\.csv: cannot read file/);
  });
});
