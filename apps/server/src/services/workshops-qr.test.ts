import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrSvg } from './workshops-qr.ts';

/** Reads the 15 format bits around the top-left finder (ISO/IEC 18004 §7.9.1), bit 0 first. */
function formatBitsTopLeft(m: boolean[][]): number {
  const at = (x: number, y: number) => (m[y]?.[x] ? 1 : 0);
  const bits = [
    at(8, 0),
    at(8, 1),
    at(8, 2),
    at(8, 3),
    at(8, 4),
    at(8, 5),
    at(8, 7),
    at(8, 8),
    at(7, 8),
    at(5, 8),
    at(4, 8),
    at(3, 8),
    at(2, 8),
    at(1, 8),
    at(0, 8),
  ];
  return bits.reduce((acc, b, i) => acc | (b << i), 0);
}

function formatBitsSecondCopy(m: boolean[][]): number {
  const size = m.length;
  const at = (x: number, y: number) => (m[y]?.[x] ? 1 : 0);
  let v = 0;
  for (let i = 0; i < 8; i++) {
    v |= at(size - 1 - i, 8) << i;
  }
  for (let i = 8; i < 15; i++) {
    v |= at(8, size - 15 + i) << i;
  }
  return v;
}

/**
 * Rasterise what `qrSvg` drew: read the SVG's 1×1 module squares back into a pixel matrix (each module
 * `scale` pixels, white background), as a camera would see the printed code.
 */
function pixelsOfSvg(svg: string, scale = 4): { data: Uint8ClampedArray; width: number; height: number } {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  const path = /<path d="([^"]*)"/.exec(svg)?.[1] ?? '';
  for (const [, xs, ys] of path.matchAll(/M(\d+),(\d+)h1v1h-1z/g)) {
    const x0 = Number(xs) * scale;
    const y0 = Number(ys) * scale;
    for (let y = y0; y < y0 + scale; y++) {
      for (let x = x0; x < x0 + scale; x++) {
        const i = (y * width + x) * 4;
        data[i] = 0;
        data[i + 1] = 0;
        data[i + 2] = 0;
      }
    }
  }
  return { data, width, height: width };
}

describe('QR code for join links', () => {
  it('decodes back to the join link (read by an independent decoder, jsQR)', () => {
    for (const text of [
      'https://essaim.example/join/7KQ4XM',
      'x',
      'https://a-much-longer-host-name.example.org/join/7KQ4XM?lang=fr&source=qr',
      'http://localhost:4000/join/ABCDEF',
    ]) {
      const { data, width, height } = pixelsOfSvg(qrSvg(text, 'QR'));
      expect(jsQR(data, width, height)?.data).toBe(text);
    }
  });

  it('a damaged drawing does not decode to the link', () => {
    const svg = qrSvg('https://essaim.example/join/7KQ4XM', 'QR');
    // Drop the top-left finder pattern: no decoder can locate the symbol any more.
    const damaged = svg.replace(/M([4-9]|10),([4-9]|10)h1v1h-1z/g, '');
    const { data, width, height } = pixelsOfSvg(damaged);
    expect(jsQR(data, width, height)?.data).not.toBe('https://essaim.example/join/7KQ4XM');
  });

  it('picks the smallest version, level M, with both format copies equal and BCH-valid', () => {
    for (const [text, size] of [
      ['https://essaim.example/join/7KQ4XM', 29], // 34 bytes → version 3
      ['x', 21],
      ['https://a-much-longer-host-name.example.org/join/7KQ4XM?lang=fr&source=qr', 37],
    ] as const) {
      const m = qrMatrix(text);
      expect(m.length).toBe(size);
      const f = formatBitsTopLeft(m);
      expect(formatBitsSecondCopy(m)).toBe(f);
      const raw = f ^ 0x5412;
      expect(raw >>> 13).toBe(0); // error-correction level M
      let rem = raw >>> 10;
      for (let i = 0; i < 10; i++) {
        rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
      }
      expect(rem & 0x3ff).toBe(raw & 0x3ff);
      // Finder pattern corners and the always-dark module.
      expect([m[0]?.[0], m[0]?.[6], m[6]?.[0], m[2]?.[2], m[1]?.[1]]).toEqual([
        true,
        true,
        true,
        true,
        false,
      ]);
      expect(m[size - 8]?.[8]).toBe(true);
    }
  });

  it('renders an accessible SVG and escapes the label', () => {
    const svg = qrSvg('https://x.example/join/ABCDEF', 'Code <ABC> & "co"');
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('<title>Code &#60;ABC&#62; &#38; &#34;co&#34;</title>');
  });

  it('refuses texts beyond version 10', () => {
    expect(() => qrMatrix('x'.repeat(400))).toThrow(/too long/);
  });
});
