// The SCORM 1.2 package for an LMS: a single-SCO zip holding imsmanifest.xml and the offline
// edition with a small SCORM bridge. Launched by an LMS, the bridge finds the SCORM 1.2 API in
// the window's parents (or its opener), initialises it, and when the person reaches the results
// sets cmi.core.lesson_status to "completed" (and, only in a package built with --score, the
// overall readiness as cmi.core.score.raw), commits, and finishes when the page goes away. It
// sets no other data element: no answer, note or profile reaches the LMS. Outside an LMS it
// finds no API and the page is the offline edition as it is.
//
// Called by scripts/post-build.mjs (the default package, no score); by hand or by a test:
//   node scripts/scorm.mjs <dir holding aims-readiness-offline.html> [--score] [--out=<zip>]
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

export const SCORM_ZIP = 'aims-readiness-scorm12.zip';
const SCO = 'index.html';

/** The bridge, as an inline classic script (the offline edition's CSP allows it by its hash). */
function bridge(score) {
  return `(() => {
  const REPORT_SCORE = ${score ? 'true' : 'false'};
  // The SCORM 1.2 API is a window.API object in a parent frame (the standard's search: at most
  // a few levels up, then the opener's parents); another origin's frames are skipped.
  const search = (start) => {
    let win = start;
    for (let level = 0; win && level < 10; level += 1) {
      try {
        if (win.API && typeof win.API.LMSInitialize === 'function') return win.API;
      } catch {
        // A frame of another origin: not the LMS's.
      }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  };
  const api = search(window.parent !== window ? window.parent : null) ?? (window.opener ? search(window.opener) : null);
  if (!api || String(api.LMSInitialize('')) !== 'true') return;
  let completed = false;
  document.addEventListener('aims-readiness:screen', () => {
    if (completed || document.querySelector('.aims')?.getAttribute('data-screen') !== 'results') return;
    completed = true;
    if (REPORT_SCORE) {
      const percent = Number(document.querySelector('[data-testid="overall-percent"]')?.textContent);
      if (Number.isFinite(percent)) api.LMSSetValue('cmi.core.score.raw', String(Math.round(percent)));
    }
    api.LMSSetValue('cmi.core.lesson_status', 'completed');
    api.LMSCommit('');
  });
  let finished = false;
  window.addEventListener('pagehide', () => {
    if (!finished) {
      finished = true;
      api.LMSFinish('');
    }
  });
})();`;
}

/** The offline edition with the bridge: its script added before </body>, its hash to the CSP. */
export function scoPage(offline, score) {
  const script = bridge(score);
  const hash = `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
  const withHash = offline.replace(/script-src ('sha256-[^']+')/, `script-src $1 ${hash}`);
  if (withHash === offline || !offline.includes('</body>')) throw new Error('scorm: the offline edition has no script-src hash or no </body>');
  return withHash.replace('</body>', `  <script>${script}</script>\n  </body>`);
}

/** The manifest an LMS reads: one organisation, one item, one SCO resource with its file. */
export function manifest(title, version) {
  const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="aims-readiness-${escape(version)}" version="1.2"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="aims-readiness-org">
    <organization identifier="aims-readiness-org">
      <title>${escape(title)}</title>
      <item identifier="aims-readiness-item" identifierref="aims-readiness-sco" isvisible="true">
        <title>${escape(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="aims-readiness-sco" type="webcontent" adlcp:scormtype="sco" href="${SCO}">
      <file href="${SCO}"/>
    </resource>
  </resources>
</manifest>
`;
}

/** A zip of deflated entries (the method every LMS's unzip reads). */
export function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  // 1980-01-01 00:00 in DOS time: the package's bytes depend on its content only.
  const [time, date] = [0, (0 << 9) | (1 << 5) | 1];
  for (const { name, bytes } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(bytes);
    const packed = deflateRawSync(bytes, { level: 9 });
    // The fields a local header and its central directory entry share, from "version needed"
    // on: the local header has them at byte 4, the central entry at byte 6.
    const shared = (buffer, at) => {
      buffer.writeUInt16LE(20, at); // version needed: 2.0
      buffer.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      buffer.writeUInt16LE(8, at + 4); // deflate
      buffer.writeUInt16LE(time, at + 6);
      buffer.writeUInt16LE(date, at + 8);
      buffer.writeUInt32LE(crc, at + 10);
      buffer.writeUInt32LE(packed.length, at + 14);
      buffer.writeUInt32LE(bytes.length, at + 18);
      buffer.writeUInt16LE(fileName.length, at + 22);
      return buffer;
    };
    const header = shared(Buffer.alloc(30), 4);
    header.writeUInt32LE(0x04034b50, 0);
    locals.push(header, fileName, packed);
    const entry = shared(Buffer.alloc(46), 6);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // version made by
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += header.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Writes the package from the offline edition in `dir`; returns its path. */
export function writePackage(dir, { score = false, out = join(dir, SCORM_ZIP), version = '1' } = {}) {
  const offline = readFileSync(join(dir, 'aims-readiness-offline.html'), 'utf8');
  const title = offline.match(/<title>([^<]*)<\/title>/)[1].replace(/ \(offline edition\)$/, '');
  const entries = [
    { name: 'imsmanifest.xml', bytes: Buffer.from(manifest(title, version), 'utf8') },
    { name: SCO, bytes: Buffer.from(scoPage(offline, score), 'utf8') },
  ];
  writeFileSync(out, zip(entries));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const out = process.argv.find((a) => a.startsWith('--out='))?.slice('--out='.length);
  console.log(writePackage(dir, { score: process.argv.includes('--score'), ...(out ? { out } : {}) }));
}
