#!/usr/bin/env node
// `npm start` runs this first: it rebuilds the server or the console only when a source file is
// newer than what was built (npm install already builds once, through the prepare script).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execSync } = require('node:child_process');

const root = path.resolve(__dirname, '..', '..');

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (['node_modules', 'dist'].includes(path.basename(p))) return;
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return newest;
}

function builtAt(file) {
  const full = path.join(root, file);
  return fs.existsSync(full) ? fs.statSync(full).mtimeMs : -1;
}

const steps = [
  { name: 'server', sources: ['server', 'shared', 'tsconfig.json', 'tsconfig.build.json'], output: 'dist/server/main.js', script: 'build:server' },
  { name: 'admin console', sources: ['admin', 'shared'], output: 'admin/dist/index.html', script: 'build:admin' },
];
for (const step of steps) {
  if (builtAt(step.output) < newestMtime(step.sources)) {
    console.error(`Building the ${step.name}…`);
    try {
      // Builds report on stderr, so a command whose stdout is data (npm run convert) stays clean.
      execSync(`npm run --silent ${step.script}`, { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
    } catch {
      console.error(`Building the ${step.name} failed; see the messages above.`);
      process.exit(1);
    }
  }
}
