// Builds the renderer into dist/renderer with relative asset paths, so the same files load
// from app:// in Electron and from /<token>/ through the web bridge.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Electron 22 (Windows 7/8.1 build) ships Chromium 108.
    target: 'chrome108',
    modulePreload: { polyfill: false },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
