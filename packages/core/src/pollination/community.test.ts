import { describe, expect, it } from 'vitest';
import { COMMUNITY_FILE_MAX_BYTES, checkCommunityFile, mentionedMembers } from './community.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('checkCommunityFile', () => {
  it('accepts a file whose first bytes match its extension', () => {
    expect(checkCommunityFile('notes.pdf', text('%PDF-1.7 …'))).toEqual({
      ok: true,
      mime: 'application/pdf',
    });
    expect(checkCommunityFile('photo.JPG', bytes(0xff, 0xd8, 0xff, 0xe0, 1))).toEqual({
      ok: true,
      mime: 'image/jpeg',
    });
    expect(checkCommunityFile('slides.pptx', bytes(0x50, 0x4b, 0x03, 0x04, 0)).ok).toBe(true);
    expect(checkCommunityFile('liste.csv', text('nom;rôle\nA;B\n'))).toEqual({ ok: true, mime: 'text/csv' });
  });

  it('refuses a type claimed only by the extension', () => {
    expect(checkCommunityFile('image.png', text('%PDF-1.4'))).toEqual({
      ok: false,
      reason: 'file-extension',
    });
    expect(checkCommunityFile('setup.pdf', bytes(0x4d, 0x5a, 0x90, 0))).toEqual({
      ok: false,
      reason: 'file-type',
    });
    expect(checkCommunityFile('readme.txt', bytes(0x4d, 0x5a, 0, 0))).toEqual({
      ok: false,
      reason: 'file-type',
    });
    expect(checkCommunityFile('run.exe', bytes(0x4d, 0x5a, 0x90, 0))).toEqual({
      ok: false,
      reason: 'file-type',
    });
  });

  it('refuses empty and oversized files', () => {
    expect(checkCommunityFile('a.txt', bytes())).toEqual({ ok: false, reason: 'file-empty' });
    const big = new Uint8Array(COMMUNITY_FILE_MAX_BYTES + 1).fill(0x61);
    expect(checkCommunityFile('a.txt', big)).toEqual({ ok: false, reason: 'file-too-large' });
  });
});

describe('mentionedMembers', () => {
  const members = [
    { id: '1', name: 'Hélène Dupré' },
    { id: '2', name: 'Ann' },
    { id: '3', name: 'Anne Roy' },
  ];
  it('finds full names whatever the case, accents and spaces', () => {
    expect(mentionedMembers('Merci @helene dupré !', members).map((m) => m.id)).toEqual(['1']);
    expect(mentionedMembers('cc @HeleneDupre', members).map((m) => m.id)).toEqual(['1']);
  });
  it('needs the name to end at a word boundary', () => {
    expect(mentionedMembers('@Ann, voir @Anne Roy', members).map((m) => m.id)).toEqual(['2', '3']);
    expect(mentionedMembers('@Anne seule', members).map((m) => m.id)).toEqual([]);
    expect(mentionedMembers('Ann sans arobase', members)).toEqual([]);
  });
});

describe('text files', () => {
  it('accepts UTF-8 text, refuses invalid sequences', () => {
    expect(checkCommunityFile('a.md', text('# Café – 🐝')).ok).toBe(true);
    expect(checkCommunityFile('a.txt', bytes(0x61, 0xc3))).toEqual({ ok: false, reason: 'file-type' });
    expect(checkCommunityFile('a.txt', bytes(0xc0, 0xaf))).toEqual({ ok: false, reason: 'file-type' });
    expect(checkCommunityFile('a.txt', bytes(0xed, 0xa0, 0x80))).toEqual({ ok: false, reason: 'file-type' });
  });
});
