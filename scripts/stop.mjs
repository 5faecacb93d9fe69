#!/usr/bin/env node
// npm stop: undoes `npm start`.
//  - Windows / macOS, or after `npm start -- --web`: `office-addin-debugging stop manifest.xml`
//    (removes the sideloaded add-in and ends the dev server it started);
//  - everywhere: ends the dev server that `npm start` ran in the foreground (browser mode), whose
//    PID is in node_modules/.cache/quy-hoach/dev-server.pid: its whole process group on POSIX
//    (npm → webpack), the process tree on Windows.
// Usage data of the office-addin-* tools is turned off first (see start.mjs).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import {
  runWhenExecuted,
  DEBUGGING_MARKER,
  MANIFEST,
  PID_FILE,
  REPO_ROOT,
  disableOfficeAddinUsageData,
  localBin,
  readPidFile,
  toolEnv,
} from './start.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function groupAlive(pid) {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** On Linux, makes sure a recorded PID still belongs to our dev server (PIDs are reused). */
function looksLikeOurDevServer(pid) {
  const cmdlineFile = `/proc/${pid}/cmdline`;
  if (!fs.existsSync(cmdlineFile)) return true; // no /proc (macOS): trust the record
  try {
    const cmdline = fs.readFileSync(cmdlineFile, 'utf8').split('\0').join(' ');
    return /dev-server|webpack|npm/.test(cmdline);
  } catch {
    return false;
  }
}

async function stopRecordedDevServer() {
  const pid = readPidFile();
  if (pid === undefined) {
    if (fs.existsSync(PID_FILE)) fs.rmSync(PID_FILE, { force: true });
    return 'none';
  }
  if (!groupAlive(pid) || !looksLikeOurDevServer(pid)) {
    console.log(`Máy chủ phát triển (PID ${pid}) đã dừng. / The dev server (PID ${pid}) is no longer running.`);
    fs.rmSync(PID_FILE, { force: true });
    return 'stale';
  }
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
  } else {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
    for (let waited = 0; waited < 5000 && groupAlive(pid); waited += 100) await sleep(100);
    if (groupAlive(pid)) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  fs.rmSync(PID_FILE, { force: true });
  console.log(`Đã dừng máy chủ phát triển (PID ${pid}). / Stopped the dev server (PID ${pid}).`);
  return 'stopped';
}

function stopOfficeAddinDebugging() {
  disableOfficeAddinUsageData();
  const args = [localBin('office-addin-debugging'), 'stop', MANIFEST];
  console.log(`> office-addin-debugging ${args.slice(1).join(' ')}`);
  const run = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: toolEnv(),
  });
  fs.rmSync(DEBUGGING_MARKER, { force: true });
  return run.status ?? 1;
}

async function main() {
  let code = 0;
  const useTool = process.platform === 'win32' || process.platform === 'darwin' || fs.existsSync(DEBUGGING_MARKER);
  if (useTool) code = stopOfficeAddinDebugging();
  const outcome = await stopRecordedDevServer();
  if (outcome === 'none' && !useTool) {
    console.log('Không có máy chủ phát triển nào do npm start chạy. / No dev server started by npm start is running.');
  }
  return code;
}

runWhenExecuted(import.meta.url, main);
