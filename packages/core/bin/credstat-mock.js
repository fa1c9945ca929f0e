#!/usr/bin/env node
// A committed shim: pnpm links a workspace package's bins at install time,
// before dist/ exists, so the bin itself cannot live in dist/.
import '../dist/mock-cli.js';
