import { runAction } from './run-action.js';

// The entry point of dist/action.mjs, which action.yml runs; the work is in run-action.ts.
process.exitCode = await runAction(process.env, { out: line => process.stdout.write(line + '\n') });
