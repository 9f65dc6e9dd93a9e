import path from 'node:path';
import { defineConfig } from '@playwright/test';
import browserSuite from './playwright.config.ts';

/** `npm run screenshots`: the pictures of every screen, with the browser suite's settings. */
export default defineConfig({ ...browserSuite, testDir: path.join(import.meta.dirname, 'screenshots'), workers: 1 });
