import { localStorageColorSchemeManager } from '@mantine/core';

/** Also read by public/boot.js before first paint; keep both in sync. */
export const COLOR_SCHEME_STORAGE_KEY = 'essaim-color-scheme';

export const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_STORAGE_KEY });
