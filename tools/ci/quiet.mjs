#!/usr/bin/env node
// node tools/ci/quiet.mjs <command> [args…]: runs the command and drops from its
// stderr the one notice nobody here can act on, the "Node.js 20 support is ending"
// box that @redocly/cli prints on every start under Node 20 (2.77: unconditional,
// no environment variable turns it off). Everything else passes through as is,
// and the command's exit status is ours.
import { spawn } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node tools/ci/quiet.mjs <command> [args…]');
  process.exit(2);
}

const NOTICE = 'Node.js 20 support is ending';
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes
const plain = (line) => line.replace(/\x1b\[[0-9;]*m/g, '');

const child = spawn(command, args, {
  stdio: ['inherit', 'inherit', 'pipe'],
  shell: process.platform === 'win32',
});

let rest = '';
let box = null; // lines of a box being read, until its bottom edge
let blank = null; // a blank line held back: the box comes after one
let afterBox = false;
const write = (text) => process.stderr.write(text);

function line(text) {
  const bare = plain(text);
  if (box) {
    box.push(text);
    if (/^\s*╚/.test(bare)) {
      if (box.some((l) => plain(l).includes(NOTICE))) afterBox = true;
      else write((blank ?? '') + box.join(''));
      box = null;
      blank = null;
    }
    return;
  }
  if (/^\s*╔/.test(bare)) {
    box = [text];
    return;
  }
  if (bare.trim() === '') {
    if (afterBox) afterBox = false;
    else if (blank === null) blank = text;
    else write(text);
    return;
  }
  afterBox = false;
  if (blank !== null) write(blank);
  blank = null;
  write(text);
}

child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => {
  rest += chunk;
  for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n')) {
    line(rest.slice(0, end + 1));
    rest = rest.slice(end + 1);
  }
});
child.stderr.on('end', () => {
  if (rest) line(rest);
  if (box) write(box.join(''));
  if (blank !== null) write(blank);
});
child.on('error', (error) => {
  console.error(`${command}: ${error.message}`);
  process.exitCode = 127;
});
child.on('close', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exitCode = code ?? 1;
});
