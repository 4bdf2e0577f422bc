import { describe, expect, it } from 'vitest';
import { readStored, StoredJson } from './stored-json.ts';

describe('stored JSON columns', () => {
  it('parses a well-formed value and keeps NULL as null', () => {
    expect(readStored(StoredJson.strings, '["a","b"]')).toEqual(['a', 'b']);
    expect(readStored(StoredJson.criteria, '[{"id":"c1","name":"Cost","weight":2}]')).toEqual([
      { id: 'c1', name: 'Cost', weight: 2 },
    ]);
    expect(readStored(StoredJson.strings, null)).toBeNull();
  });

  it('refuses a corrupted value instead of passing a wrong shape on', () => {
    expect(() => readStored(StoredJson.strings, '{"a":1}')).toThrow();
    expect(() =>
      readStored(StoredJson.phases, '[{"key":"nope","status":"done","notes":"","updatedAt":null}]'),
    ).toThrow();
    expect(() => readStored(StoredJson.opinionMap, '{"mode":"polis"}')).toThrow();
    expect(() => readStored(StoredJson.submission, '{"numeric":{"q1":"high"},"text":{}}')).toThrow();
  });
});
