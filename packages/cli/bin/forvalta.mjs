#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader: no build step between a change and a run.
import { register } from 'tsx/esm/api';

// Piping into `head` closes stdout early; that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
