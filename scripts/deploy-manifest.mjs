#!/usr/bin/env node
// A manifest for an office's own server, for a shared-folder catalog or central deployment:
//
//   npm run manifest -- --url https://may-chu.don-vi.gov.vn/quy-hoach/ [--out dist/manifest.xml]
//
// Copies manifest.xml with every dev-server URL (https://localhost:<port>/…) moved under the given
// HTTPS address (where the contents of dist/ will be served), keeps the add-in's Id, and validates
// the result offline like `npm run validate` (schema, resources, icons; every URL under the address
// and produced by the build). Writes nothing when the check fails.

import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, devServerPort, runWhenExecuted } from './start.mjs';
import { validateManifest } from './validate-manifest.mjs';

/** The address as a base URL ending in "/", or an error in both languages. */
export function baseUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return { error: `Địa chỉ không hợp lệ / Not a valid URL: ${text}` };
  }
  if (url.protocol !== 'https:') return { error: `Office chỉ nạp add-in qua HTTPS / Office loads add-ins over HTTPS only: ${text}` };
  if (url.search || url.hash) return { error: `Địa chỉ không được có ?… hoặc #… / The address must have no query or fragment: ${text}` };
  return { base: url.href.endsWith('/') ? url.href : `${url.href}/` };
}

/** manifest.xml's text with the dev server's URLs under `base`. */
export function deployedManifest(text, base, port = devServerPort()) {
  const dev = `https://localhost:${port}/`;
  return text
    .split(dev)
    .join(base)
    .replace(/All URLs point at the dev server[^\n]*\n[^\n]*\n/, `Deployment copy made by scripts/deploy-manifest.mjs: every URL is under ${base}\n`);
}

function parseArgs(argv) {
  const opts = { out: path.join(REPO_ROOT, 'dist', 'manifest.xml') };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--url') opts.url = argv[++k];
    else if (a.startsWith('--url=')) opts.url = a.slice(6);
    else if (a === '--out') opts.out = path.resolve(argv[++k]);
    else if (a.startsWith('--out=')) opts.out = path.resolve(a.slice(6));
    else opts.unknown = a;
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.url || opts.unknown) {
    console.error('Cách dùng / Usage: npm run manifest -- --url https://<máy chủ>/<thư mục>/ [--out dist/manifest.xml]');
    return 2;
  }
  const { base, error } = baseUrl(opts.url);
  if (error) {
    console.error(error);
    return 2;
  }
  const text = deployedManifest(fs.readFileSync(path.join(REPO_ROOT, 'manifest.xml'), 'utf8'), base);
  const tmp = `${opts.out}.tmp`;
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(tmp, text);
  const result = await validateManifest(tmp, { base });
  if (result.errors.length) {
    fs.rmSync(tmp, { force: true });
    for (const e of result.errors) console.error(`error: ${e}`);
    console.error('Không ghi tệp manifest / Manifest not written.');
    return 1;
  }
  fs.renameSync(tmp, opts.out);
  console.log(`${path.relative(process.cwd(), opts.out) || opts.out}: ${result.stats.urls} URL dưới / under ${base}`);
  console.log(`Đặt nội dung thư mục dist/ lên ${base} (HTTPS), rồi đặt tệp manifest vào thư mục chia sẻ của danh mục add-in.`);
  console.log(`Serve the contents of dist/ at ${base} (HTTPS), then put the manifest in the catalog's shared folder.`);
  return 0;
}

runWhenExecuted(import.meta.url, main);
