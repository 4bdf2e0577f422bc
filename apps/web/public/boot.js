// Runs before first paint (loaded synchronously from index.html, no bundling).
// Mirrors src/app/color-scheme.ts and src/i18n/index.ts storage keys to avoid a flash of the wrong theme or language.
(() => {
  try {
    const stored = window.localStorage.getItem('essaim-color-scheme');
    const scheme =
      stored === 'light' || stored === 'dark'
        ? stored
        : window.matchMedia('(prefers-color-scheme: dark)').matches
          ? 'dark'
          : 'light';
    document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
    const lang = window.localStorage.getItem('essaim-lang') || navigator.language || 'fr';
    document.documentElement.lang = lang.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  } catch {
    // Storage can be blocked (privacy mode); the app falls back to defaults once it mounts.
  }
})();
