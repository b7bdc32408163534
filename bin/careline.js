#!/usr/bin/env node
// Careline runs its TypeScript sources directly (tsx registers the loader): no build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
