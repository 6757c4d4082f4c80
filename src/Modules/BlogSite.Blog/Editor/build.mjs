// Bundles the editor into the module's static files (or into the file named on the command line, which is how the
// test that compares the committed bundle with its source builds it).
import { build } from 'esbuild';

const outfile = process.argv[2] ?? '../wwwroot/js/markdown-editor.js';
await build({
  entryPoints: ['src/markdown-editor.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'none',
  outfile,
  logLevel: 'warning',
});
