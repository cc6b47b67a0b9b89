#!/usr/bin/env node
// Runs the TypeScript sources through tsx (a bundled build replaces this later for startup speed).
import { register } from 'tsx/esm/api';
register();
await import('../src/main.ts');
