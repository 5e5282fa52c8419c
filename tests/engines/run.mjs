// Runs the cross-engine flows (flows.mjs) in Firefox ESR and WebKitGTK against the release
// build in dist/, with the host pages of tests/e2e/host on another origin. Prints one line per
// flow and engine, then "N passed, M failed". Usage: node tests/engines/run.mjs [firefox|webkit]...
// [--flow=<part of a flow's name>] (only the flows whose name contains it).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { firefox, shutdown, webkit } from './drivers.mjs';
import { FLOWS, ROOT } from './flows.mjs';

const ENGINES = { firefox, webkit };
const wanted = process.argv.slice(2).filter((a) => ENGINES[a]);
const engines = wanted.length ? wanted : Object.keys(ENGINES);
const only = process.argv.find((a) => a.startsWith('--flow='))?.slice('--flow='.length);

// A server left over from another run would answer instead of ours, with another build:
// refuse to start rather than test the wrong files.
for (const port of [4173, 4174, 4175]) {
  const free = await new Promise((resolve) => {
    const probe = createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  if (!free) {
    console.log(`port ${port} is taken by another process; stop it (for example an earlier test run) and try again`);
    process.exit(1);
  }
}

const servers = [
  spawn('node', ['tests/e2e/serve.mjs', 'dist', '4173'], { cwd: ROOT, stdio: 'ignore' }),
  spawn('node', ['tests/e2e/serve.mjs', 'tests/e2e/host', '4174'], { cwd: ROOT, stdio: 'ignore' }),
  // The same build with the later modules 1.5 s slow: they complete after the network lock.
  spawn('node', ['tests/e2e/serve.mjs', 'dist', '4175', '1500'], { cwd: ROOT, stdio: 'ignore' }),
];
process.on('exit', () => servers.forEach((s) => s.kill()));
await new Promise((r) => setTimeout(r, 1000));

let passed = 0;
let failed = 0;
for (const name of engines) {
  const launch = ENGINES[name];
  const probe = await launch();
  console.log(`\n== ${probe.name} (${probe.version})`);
  await probe.close();
  for (const [flow, run] of FLOWS.filter(([f]) => !only || f.includes(only))) {
    const started = Date.now();
    let d;
    try {
      // A hung driver call must not hang the test run: each flow, with its browser's launch,
      // gets four minutes (a WebKit launch alone may take up to about two, webkitSession).
      let timer;
      const limit = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('the flow did not finish within 240 s')), 240_000);
      });
      const launchAndRun = async () => {
        d = await launch();
        await run(d, { launch });
      };
      await Promise.race([launchAndRun(), limit]).finally(() => clearTimeout(timer));
      passed++;
      console.log(`  ✓ ${name}: ${flow} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    } catch (e) {
      failed++;
      console.log(`  ✘ ${name}: ${flow}\n      ${String(e.message ?? e).split('\n')[0]}`);
    } finally {
      await Promise.race([d?.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    }
  }
}
shutdown();
console.log(`\ncross-engine: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
