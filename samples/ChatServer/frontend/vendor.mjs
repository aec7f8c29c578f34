// Copies the front-end libraries the page uses from node_modules into ../wwwroot/lib.
// Run `npm install && npm run vendor` here after changing a version in package.json, then commit
// wwwroot/lib: the app serves those copies, so `dotnet run` needs neither npm nor a CDN.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
const lib = join(here, '..', 'wwwroot', 'lib');

const files = [
  ['marked/lib/marked.esm.js', 'marked/marked.esm.js'],
  ['marked/LICENSE', 'marked/LICENSE'],
  ['dompurify/dist/purify.es.mjs', 'dompurify/purify.es.mjs'],
  ['dompurify/LICENSE', 'dompurify/LICENSE'],
  ['@highlightjs/cdn-assets/es/highlight.min.js', 'highlight/highlight.min.js'],
  ['@highlightjs/cdn-assets/styles/github.min.css', 'highlight/github.min.css'],
  ['@highlightjs/cdn-assets/styles/github-dark.min.css', 'highlight/github-dark.min.css'],
  ['@highlightjs/cdn-assets/LICENSE', 'highlight/LICENSE'],
];

rmSync(lib, { recursive: true, force: true });
const versions = {};
for (const [from, to] of files) {
  const target = join(lib, to);
  mkdirSync(dirname(target), { recursive: true });
  if (/\.(m?js|css)$/.test(to)) {
    // Drop the source-map comment: the maps are not copied, and a browser would ask for them.
    const text = readFileSync(join(modules, from), 'utf8').replace(/\n?\/[/*]# sourceMappingURL=\S+(?: \*\/)?\s*$/, '\n');
    writeFileSync(target, text);
  } else {
    copyFileSync(join(modules, from), target);
  }
  const name = from.startsWith('@') ? from.split('/').slice(0, 2).join('/') : from.split('/')[0];
  versions[name] ??= JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;
}
writeFileSync(join(lib, 'versions.json'), `${JSON.stringify(versions, null, 2)}\n`);
console.log(`Copied ${files.length} files into ${lib}:`, versions);
