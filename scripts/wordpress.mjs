// The WordPress plugin package: wordpress/aims-readiness/ with the built widget as its dist/
// (every file of the build but the packages), zipped as aims-readiness-wordpress.zip for
// "Plugins → Add New → Upload". Called by scripts/post-build.mjs, or by hand:
//   node scripts/wordpress.mjs <built dir> [--out=<zip>]
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zip } from './scorm.mjs';

export const WORDPRESS_ZIP = 'aims-readiness-wordpress.zip';
const PLUGIN = new URL('../wordpress/aims-readiness/', import.meta.url).pathname;

const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : [path];
});

/** Writes the plugin's zip from the built files in `dir`; returns its path. */
export function writePlugin(dir, out = join(dir, WORDPRESS_ZIP)) {
  const entries = [
    ...files(PLUGIN).map((path) => ({ name: `aims-readiness/${relative(PLUGIN, path)}`, bytes: readFileSync(path) })),
    ...files(dir)
      .filter((path) => !path.endsWith('.zip'))
      .map((path) => ({ name: `aims-readiness/dist/${relative(dir, path)}`, bytes: readFileSync(path) })),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  writeFileSync(out, zip(entries));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length);
  console.log(writePlugin(process.argv[2] ?? 'dist', out));
}
