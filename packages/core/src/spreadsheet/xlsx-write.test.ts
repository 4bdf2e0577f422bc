import { describe, expect, it } from 'vitest';
import { columnName, writeXlsx } from './xlsx-write.ts';
import { crc32, zipStored } from './zip-stored.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('zipStored', () => {
  it('computes CRC-32 as ZIP does (the standard check value of "123456789")', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes local headers, the central directory and its end record at the offsets they name', () => {
    const a = new TextEncoder().encode('alpha');
    const zip = zipStored([
      { name: 'a.txt', data: a },
      { name: 'dossier/é.txt', data: new TextEncoder().encode('β') },
    ]);
    const view = new DataView(zip.buffer);
    const end = zip.length - 22;
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    expect(view.getUint16(end + 10, true)).toBe(2);
    const centralAt = view.getUint32(end + 16, true);
    expect(view.getUint32(centralAt, true)).toBe(0x02014b50);
    // The second central entry points at the second local header, whose data is stored verbatim.
    const second = centralAt + 46 + 'a.txt'.length;
    const localAt = view.getUint32(second + 42, true);
    expect(view.getUint32(localAt, true)).toBe(0x04034b50);
    const nameLength = view.getUint16(localAt + 26, true);
    expect(text(zip.slice(localAt + 30, localAt + 30 + nameLength))).toBe('dossier/é.txt');
    expect(text(zip.slice(localAt + 30 + nameLength, localAt + 30 + nameLength + 2))).toBe('β');
    expect(view.getUint32(localAt + 14, true)).toBe(crc32(new TextEncoder().encode('β')));
  });
});

describe('writeXlsx', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('keeps every cell an escaped inline string, formulas included', () => {
    const xlsx = text(writeXlsx('Liens [mars]', [['name'], ['=HYPERLINK("x") & <b>']]));
    expect(xlsx).toContain('<sheet name="Liens  mars " sheetId="1" r:id="rId1"/>');
    expect(xlsx).toContain(
      '<c r="A2" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;x&quot;) &amp; &lt;b&gt;</t></is></c>',
    );
    expect(xlsx).not.toContain('<f>');
  });
});
