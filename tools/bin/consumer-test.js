#!/usr/bin/env node
// Runs the TypeScript tool in place (no build step for repo tooling).
import { register } from 'tsx/esm/api';

register();
await import('../consumer/consumer-cli.ts');
