/**
 * Builds the web app into web/dist. Every emitted text file is also written pre-compressed (.br and .gz)
 * so that the server (src/http/web.ts) sends compressed bytes without compressing on each request.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

function precompress(): Plugin {
  return {
    name: 'credence-precompress',
    apply: 'build',
    enforce: 'post',
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const file = path.join(options.dir!, fileName);
        const bytes = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // The chart chunk (ECharts through echarts/core, web/src/charts/chart.tsx) is 538 KB minified, 153 KB Brotli,
    // and is loaded only by the simulation and transparency pages (React.lazy), never on the first load of the
    // public pages; 600 KB keeps Vite's warning for any chunk growing past it, the main one included (319 KB).
    chunkSizeWarningLimit: 600,
  },
});
