/**
 * @module The QR code of a workshop's join link, drawn by the maintained `qrcode` package (ISO/IEC
 * 18004: Reed–Solomon error correction, masking and placement are its job) and rendered here as a small
 * accessible SVG. Level M (15 % recovery) survives a projector's glare; a join link stays far below
 * the version-10 cap, which keeps the modules large enough to scan from the back of a room.
 */
import QRCode from 'qrcode';

const MAX_VERSION = 10;

/** The module matrix (`true` = dark), rows top to bottom, without the quiet zone. */
export function qrMatrix(text: string): boolean[][] {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  if (qr.version > MAX_VERSION) {
    throw new Error(`text too long for a QR code of version ${MAX_VERSION} or less`);
  }
  const { size, data } = qr.modules;
  return Array.from({ length: size }, (_, y) =>
    Array.from({ length: size }, (_, x) => data[y * size + x] === 1),
  );
}

/** An SVG document of the QR code with a 4-module quiet zone; `label` becomes its accessible name. */
export function qrSvg(text: string, label: string): string {
  const matrix = qrMatrix(text);
  const size = matrix.length + 8;
  let path = '';
  matrix.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) {
        path += `M${x + 4},${y + 4}h1v1h-1z`;
      }
    });
  });
  const escaped = label.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escaped}" shape-rendering="crispEdges"><title>${escaped}</title><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
