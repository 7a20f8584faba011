// Placeholder until the demo lands (issue 2): proves the e2e build exists.
import { existsSync } from 'node:fs';

if (!existsSync('.output/chrome-mv3-e2e/manifest.json')) process.exit(1);
console.log('built .output/chrome-mv3-e2e');
