import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// Notebooks for the live-training tests: long live training, bursts of outputs, and an interrupt.
export const root = path.join(__dirname, "..", "..", "..");
export const runs = 5;
export const epochs = 400;
export const burst = 800; // past zeromq.js's 513 sends in one turn, under ZeroMQ's high-water mark of 1,000 queued messages

const setup =
  'import { createNetwork, embeddedSplit, take, trainLive, liveOutput, setupPlots } from "../dist/index";\n' +
  "const { train, test } = embeddedSplit({ seed: 1 });\n" +
  "const tiny = take(train, 50), someTest = take(test, 200);   // tiny sets: each epoch takes milliseconds\n" +
  "setupPlots();";

/**
 * Five live trainings of 400 epochs in a row, then 800 display updates and 800 printed lines each sent in one
 * turn of the event loop (before the send queue, tslab lost messages, often the "idle" status, past the 512th).
 */
export const longTraining = [
  setup,
  ...Array.from(
    { length: runs },
    (_, k) =>
      `const run${k + 1} = await trainLive(createNetwork([784, 16, 16, 10], { seed: ${k + 1} }), tiny, { eta: 3, batchSize: 10, ` +
      `epochs: ${epochs}, seed: 1, test: someTest, title: "run ${k + 1} of ${runs}" });`,
  ),
  `const burst = liveOutput();\nfor (let i = 1; i <= ${burst}; i++) burst.html(\`update \${i} of ${burst}\`);`,
  `for (let i = 1; i <= ${burst}; i++) console.log(\`line \${i}\`);`,
  `console.log(JSON.stringify({ epochsDone: [${Array.from({ length: runs }, (_, k) => `run${k + 1}`).join(", ")}].map((r) => r.reports.length) }));`,
];

/** A training far too long to finish, to interrupt; the next cell reads what the interrupted one declared. */
export const interrupted = [
  setup,
  "const run = await trainLive(createNetwork([784, 16, 16, 10], { seed: 1 }), tiny, { eta: 3, batchSize: 10, epochs: 1000000, seed: 1, test: someTest });",
  'console.log(`next cell: ${run.interrupted ? "interrupted" : "finished"} after ${run.reports.length} epochs`);',
];

/** A folder like the project (dist and node_modules linked) whose notebooks/ holds `notebooks` (name -> cells). */
export function liveCourse(notebooks: Record<string, string[]>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "descent-live-"));
  fs.mkdirSync(path.join(dir, "notebooks"));
  for (const link of ["dist", "node_modules"]) fs.symlinkSync(path.join(root, link), path.join(dir, link));
  for (const [name, cells] of Object.entries(notebooks)) {
    const nb = {
      cells: cells.map((source, i) => ({
        cell_type: "code",
        id: `cell-${i}`,
        metadata: {},
        source,
        outputs: [],
        execution_count: null,
      })),
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript (Descent)", language: "typescript" } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    fs.writeFileSync(path.join(dir, "notebooks", name), JSON.stringify(nb));
  }
  return dir;
}
