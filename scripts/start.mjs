#!/usr/bin/env node
// npm start                                   Windows / macOS: sideload into Excel desktop
//                                             (office-addin-debugging starts the dev server)
// npm start -- --web --document <url>         Excel on the web, any platform (a document URL on
//                                             OneDrive / SharePoint is needed); other options are
//                                             passed to office-addin-debugging unchanged. On Linux
//                                             the dev server runs here in the foreground and
//                                             office-addin-debugging only sideloads.
// npm start -- --browser                      the browser workbench (issue 7): the dev server over plain
//                                             HTTP on localhost, in the foreground, with the next-term
//                                             sample workbook opened; the URL is printed once it answers
//                                             (the default on Linux and wherever desktop sideloading is
//                                             unsupported)
//                                             (QUY_HOACH_PORT=3010 npm start: on another port)
// npm stop                                    undoes any of these (scripts/stop.mjs)
//
// Usage data of the office-addin-* tools is turned off before any of them runs (the users are
// government offices): see disableOfficeAddinUsageData below.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST = 'manifest.xml';
export const STATE_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'quy-hoach');
/** PID of the dev server started by `npm start` in browser mode; its process group on POSIX. */
export const PID_FILE = path.join(STATE_DIR, 'dev-server.pid');
/** Present while an office-addin-debugging session started by `npm start` may need `stop`. */
export const DEBUGGING_MARKER = path.join(STATE_DIR, 'office-addin-debugging.started');

export function devServerPort() {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const port = Number(pkg?.config?.dev_server_port);
    if (Number.isInteger(port) && port > 0) return port;
  } catch {
    // fall through
  }
  return 3000;
}

/**
 * The port of the browser workbench: QUY_HOACH_PORT when set (another server has 3000), else the
 * dev server's. Only the workbench moves: Excel's add-in keeps the port manifest.xml names.
 */
export function workbenchPort() {
  const port = Number(process.env.QUY_HOACH_PORT);
  return Number.isInteger(port) && port > 0 ? port : devServerPort();
}

/** Whether something already answers on localhost:`port`. */
function portTaken(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: 'localhost', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The JS entry of a locally installed package's bin (what node_modules/.bin/<name> links to). */
export function localBin(pkgName, binName = pkgName) {
  const pkgJson = require.resolve(`${pkgName}/package.json`, { paths: [REPO_ROOT] });
  const { bin } = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
  const rel = typeof bin === 'string' ? bin : bin[binName];
  return path.join(path.dirname(pkgJson), rel);
}

/**
 * Turns off usage data collection of the office-addin-* tools, offline.
 *
 * office-addin-usage-data 3.x (the version office-addin-debugging 7 pulls in) no longer reports
 * anything: every reporting method is a no-op and its `off` command stores nothing. Versions up to
 * 2.x read the opt-out from ~/office-addin-usage-data.json:
 *   { "usageDataInstances": { "office-addin-usage-data": { "usageDataLevel": "off" } } }
 * ("office-addin-usage-data" is the group every office-addin-* CLI uses). So that an older tool on
 * the same machine (a global install, another checkout) is off as well, this writes that setting
 * (and sets every other group already in the file to off, keeping their other entries), and then runs the installed CLI's `off` in case a future
 * version stores it elsewhere. Neither step uses the network.
 */
export function disableOfficeAddinUsageData() {
  const file = path.join(os.homedir(), 'office-addin-usage-data.json');
  try {
    let data = {};
    if (fs.existsSync(file)) {
      try {
        data = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        data = {};
      }
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) data = {};
    if (!data.usageDataInstances || typeof data.usageDataInstances !== 'object') data.usageDataInstances = {};
    // The tools' shared group, plus any other group already recorded there (e.g. generator-office).
    const groups = new Set(['office-addin-usage-data', ...Object.keys(data.usageDataInstances)]);
    let changed = false;
    for (const name of groups) {
      const group = data.usageDataInstances[name];
      if (group && typeof group === 'object' && group.usageDataLevel === 'off') continue;
      data.usageDataInstances[name] = { ...(group && typeof group === 'object' ? group : {}), usageDataLevel: 'off' };
      changed = true;
    }
    if (changed) fs.writeFileSync(file, JSON.stringify(data, null, 2));
  } catch (err) {
    console.warn(`Không ghi được thiết lập tắt dữ liệu sử dụng / Could not write the usage data opt-out (${file}): ${err.message}`);
  }
  try {
    spawnSync(process.execPath, [localBin('office-addin-usage-data'), 'off'], { cwd: REPO_ROOT, stdio: 'ignore', timeout: 30_000 });
  } catch {
    // the package is optional for the browser-only path
  }
}

function ensureStateDir() {
  fs.mkdirSync(STATE_DIR, { recursive: true });
}

/**
 * Environment for office-addin-debugging and the dev server as `npm start` would give it, also when
 * this script is run with plain node: office-addin-debugging reads the port from
 * npm_package_config_dev_server_port and the "dev-server" script through npm_package_json.
 */
export function toolEnv() {
  return {
    ...process.env,
    npm_package_json: process.env.npm_package_json || path.join(REPO_ROOT, 'package.json'),
    npm_package_config_dev_server_port: String(devServerPort()),
  };
}

/** Runs a child in the foreground, forwarding Ctrl+C & co.; resolves with its exit code. */
function runForwardingSignals(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, options);
    const forward = (signal) => {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    child.on('error', (err) => {
      console.error(err.message);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
    });
  });
}

async function startOfficeAddinDebugging(platform, passThrough) {
  disableOfficeAddinUsageData();
  ensureStateDir();
  fs.writeFileSync(DEBUGGING_MARKER, `${new Date().toISOString()} ${platform}\n`);
  const args = [localBin('office-addin-debugging'), 'start', MANIFEST, platform, '--app', 'excel'];
  // Through npm, so that node_modules/.bin is on the PATH of the (detached) dev server.
  if (!passThrough.some((a) => a === '--dev-server' || a.startsWith('--dev-server='))) args.push('--dev-server', 'npm run dev-server');
  args.push(...passThrough);
  console.log(`> office-addin-debugging ${args.slice(1).join(' ')}`);
  return runForwardingSignals(process.execPath, args, { cwd: REPO_ROOT, stdio: 'inherit', env: toolEnv() });
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

export function readPidFile() {
  try {
    const pid = Number.parseInt(fs.readFileSync(PID_FILE, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      const socket = net.connect({ host: 'localhost', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) resolve(false);
        else setTimeout(attempt, 500);
      });
    };
    attempt();
  });
}

/** The sample workbook the browser workbench opens (samples/, src/workbench/samples.ts DEFAULT_SAMPLE). */
export const WORKBENCH_SAMPLE = 'quy-hoach-nhiem-ky-toi.xlsx';

/** The workbench's address on the plain-HTTP dev server. */
export function workbenchUrl(port = workbenchPort()) {
  return `http://localhost:${port}/workbench.html?sample=${WORKBENCH_SAMPLE}`;
}

/** Resolves true once `url` answers 200 (the dev server has built), false after `timeoutMs`. */
function waitForPage(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      const retry = () => (Date.now() > deadline ? resolve(false) : setTimeout(attempt, 1000));
      const request = http.get(url, { timeout: 120_000 }, (response) => {
        response.resume();
        if (response.statusCode === 200) resolve(true);
        else retry();
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', retry);
    };
    attempt();
  });
}

function workbenchBanner(port, noDesktopSideloading) {
  const url = workbenchUrl(port);
  const lines = [
    '',
    `  Quy Hoạch — trang làm việc trên trình duyệt (không cần Excel), mở sẵn tệp mẫu:`,
    `  Quy Hoạch — browser workbench (no Excel needed), with a sample workbook open:`,
    '',
    `      ${url}`,
    '',
    `  Tệp khác: bấm “Mở tệp…” hoặc kéo thả tệp .xlsx vào trang. / Other files: “Mở tệp…” or drop an .xlsx file.`,
    `  Ngăn tác vụ / task pane: http://localhost:${port}/taskpane.html`,
  ];
  if (noDesktopSideloading) {
    lines.push(
      `  Không thể nạp thử (sideload) add-in vào Excel desktop trên nền tảng này (${process.platform}); Excel trên web:`,
      '  npm start -- --web --document <địa chỉ sổ tính trên OneDrive/SharePoint>.',
      `  Excel desktop sideloading is not possible on this platform (${process.platform}); Excel on the web:`,
      '  npm start -- --web --document <workbook URL on OneDrive/SharePoint>.',
    );
  }
  lines.push('  Dừng: Ctrl+C hoặc npm stop. / Stop: Ctrl+C or npm stop.', '');
  console.log(lines.join('\n'));
}

function banner(url, noDesktopSideloading) {
  const lines = [
    '',
    `  Quy Hoạch: ngăn tác vụ tại / task pane at  ${url}`,
  ];
  if (noDesktopSideloading) {
    lines.push(
      `  Không thể nạp thử (sideload) add-in vào Excel desktop trên nền tảng này (${process.platform}).`,
      '  Mở địa chỉ trên bằng trình duyệt (chấp nhận chứng chỉ phát triển), hoặc dùng Excel trên web:',
      '  npm start -- --web --document <địa chỉ sổ tính trên OneDrive/SharePoint>.',
      `  Excel desktop sideloading is not possible on this platform (${process.platform}).`,
      '  Open the address above in a browser (accept the development certificate), or use Excel on the',
      '  web: npm start -- --web --document <workbook URL on OneDrive/SharePoint>.',
    );
  }
  lines.push('  Dừng: Ctrl+C hoặc npm stop. / Stop: Ctrl+C or npm stop.', '');
  console.log(lines.join('\n'));
}

/**
 * Runs `npm run dev-server` in the foreground (its PID in PID_FILE for `npm stop`) until Ctrl+C.
 * `whenReady`, if given, runs once the port answers (used to sideload into Excel on the web).
 * `workbench`: plain HTTP on localhost and the browser workbench's address (no Office involved);
 * otherwise HTTPS with the development certificate, as Office requires.
 */
async function startBrowserMode(noDesktopSideloading, whenReady, { workbench = false } = {}) {
  const port = workbench ? workbenchPort() : devServerPort();
  const url = `https://localhost:${port}/taskpane.html`;
  const existing = readPidFile();
  if (existing && isAlive(existing)) {
    console.error(
      `Máy chủ phát triển đã chạy (PID ${existing}); dùng npm stop để dừng.\n` +
        `A dev server started by npm start is already running (PID ${existing}); run npm stop first.`,
    );
    return 1;
  }
  if (workbench && (await portTaken(port))) {
    console.error(
      `Cổng ${port} đang được một chương trình khác dùng: chạy trên cổng khác, ví dụ QUY_HOACH_PORT=${port + 10} npm start\n` +
        `Port ${port} is taken by another program: run on another port, e.g. QUY_HOACH_PORT=${port + 10} npm start`,
    );
    return 1;
  }
  if (workbench) {
    console.log(`\n  Quy Hoạch: đang dựng trang (lần đầu mất 1–2 phút)… / building the page (1–2 minutes the first time)…\n`);
  } else {
    banner(url, noDesktopSideloading);
    // The dev server's HTTPS setup calls office-addin-dev-certs: usage data off first.
    disableOfficeAddinUsageData();
  }
  ensureStateDir();

  const npmCli = process.env.npm_execpath;
  const [command, args] =
    npmCli && /\.[cm]?js$/.test(npmCli)
      ? [process.execPath, [npmCli, 'run', 'dev-server']]
      : [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'dev-server']];
  const posix = process.platform !== 'win32';
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    // Own process group on POSIX, so that `npm stop` can end npm, webpack and everything below them.
    detached: posix,
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: !posix && command === 'npm.cmd',
    env: workbench ? { ...toolEnv(), QUY_HOACH_HTTP: '1', QUY_HOACH_PORT: String(port) } : toolEnv(),
  });
  if (child.pid === undefined) {
    return new Promise((resolve) => {
      child.once('error', (err) => {
        console.error(err.message);
        resolve(1);
      });
    });
  }
  fs.writeFileSync(PID_FILE, `${child.pid}\n`);

  let stopping = 0;
  const forward = (signal) => {
    stopping++;
    const sig = stopping > 1 ? 'SIGKILL' : signal; // a second Ctrl+C ends it at once
    try {
      if (posix) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch {
      // already gone
    }
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, forward);

  const ready = workbench ? waitForPage(workbenchUrl(port), 600_000) : waitForPort(port, 180_000);
  ready.then(async (up) => {
    if (!up || child.exitCode !== null || stopping) return;
    if (workbench) workbenchBanner(port, noDesktopSideloading);
    else banner(url, noDesktopSideloading);
    if (whenReady) await whenReady();
  });

  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      if (readPidFile() === child.pid) fs.rmSync(PID_FILE, { force: true });
      // Ended by Ctrl+C here or by `npm stop` (SIGTERM to the group): a normal way to finish.
      if (stopping || signal === 'SIGTERM' || signal === 'SIGINT') resolve(0);
      else resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1));
    });
  });
}

function parseArgs(argv) {
  const opts = { web: false, browser: false, passThrough: [], hasDocument: false };
  for (const a of argv) {
    if (a === '--web') opts.web = true;
    else if (a === '--browser') opts.browser = true;
    else {
      if (a === '--document' || a.startsWith('--document=')) opts.hasDocument = true;
      opts.passThrough.push(a);
    }
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const desktopSideloading = process.platform === 'win32' || process.platform === 'darwin';
  if (opts.browser) return startBrowserMode(!desktopSideloading, undefined, { workbench: true });
  if (opts.web) {
    if (!opts.hasDocument && !process.env.npm_package_config_document) {
      console.error(
        'Excel trên web cần địa chỉ một sổ tính: npm start -- --web --document <URL trên OneDrive/SharePoint>\n' +
          'Excel on the web needs a workbook URL: npm start -- --web --document <URL on OneDrive/SharePoint>',
      );
      return 1;
    }
    if (desktopSideloading) return startOfficeAddinDebugging('web', opts.passThrough);
    // Elsewhere office-addin-debugging would start the dev server itself and first install its CA
    // with sudo, which fails: run the dev server here and let it only sideload (it skips starting a
    // server when the port is already in use).
    return startBrowserMode(false, async () => {
      const code = await startOfficeAddinDebugging('web', opts.passThrough);
      if (code !== 0) console.error(`office-addin-debugging: mã thoát / exit code ${code}`);
    });
  }
  if (desktopSideloading) return startOfficeAddinDebugging('desktop', opts.passThrough);
  return startBrowserMode(true, undefined, { workbench: true });
}

/** Runs `main` when the module at `metaUrl` is the script node was started with; its result is the exit code. */
export function runWhenExecuted(metaUrl, main) {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(metaUrl)) return;
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err instanceof Error ? err.stack : err);
      process.exitCode = 1;
    },
  );
}

runWhenExecuted(import.meta.url, main);
