/**
 * The worker thread that runs fuzz inputs (test/fuzz/fuzz-driver.ts): one input at a time, its
 * current stage written to shared memory so the driver can name the stage of an input it had to
 * kill for taking too long.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FuzzHarness, type FuzzBase, type FuzzCase } from './fuzz-harness.js';
import { STAGES } from './fuzz-stages.js';

export interface WorkerData { bases: FuzzBase[]; stage: SharedArrayBuffer }
export type WorkerRequest = { id: number; input: FuzzCase };

const data = workerData as WorkerData;
const stage = new Int32Array(data.stage);
const harness = await FuzzHarness.create(data.bases);
parentPort!.on('message', async ({ id, input }: WorkerRequest) => {
    const outcome = await harness.run(input, s => Atomics.store(stage, 0, STAGES.indexOf(s)));
    parentPort!.postMessage({ id, outcome });
});
parentPort!.postMessage({ ready: true });
