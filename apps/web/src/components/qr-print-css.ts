/**
 * Printing a page that shows QR codes prints them alone: whatever carries the `qr-print` class is
 * the only thing on paper (a notice board wants the code and its link, not the app around them), less
 * its `no-print` buttons.
 */
export const QR_PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  .qr-print, .qr-print * { visibility: visible; }
  .qr-print { position: absolute; inset: 0 auto auto 0; width: 100%; }
  .qr-print .no-print, .qr-print .no-print * { visibility: hidden; }
}`;
