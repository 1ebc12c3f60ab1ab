import { test } from "node:test";
import assert from "node:assert/strict";
import { createPace } from "../../src/engines/fast/pace";

// pace.ts: a batch runs with one thread or all of them, whichever has lately been faster per example. Here the
// batches' times are made up: `perExample` says what each choice costs, and the pace is told after every batch.

function run(most: number, perExample: (threads: number) => number, batches: number): number[] {
  const pace = createPace(most);
  const used: number[] = [];
  for (let b = 0; b < batches; b++) {
    const threads = pace.next();
    used.push(threads);
    pace.record(threads, perExample(threads) * 10, 10);
  }
  return used;
}

test("when all the threads are faster, almost every batch uses them; a trial of one thread comes ever more rarely", () => {
  const used = run(2, (t) => (t === 2 ? 0.5 : 1), 5000);
  const single = used.filter((t) => t === 1).length;
  assert.ok(single <= 3 * 9, `${single} of 5000 batches with one thread`); // trials of 3 after 3, 32, 64, ... 4096 batches
  assert.equal(used[0], 2, "it starts with every thread");
});

test("when one thread is faster (a busy machine), the pace switches to it within a few batches and rarely tries again", () => {
  const used = run(2, (t) => (t === 2 ? 10 : 1), 5000);
  assert.ok(
    used.slice(6, 38).every((t) => t === 1),
    "one thread after the first trial",
  );
  const threaded = used.filter((t) => t === 2).length;
  assert.ok(threaded <= 3 + 3 * 8, `${threaded} of 5000 batches with threads`);
});

test("when the machine changes, the pace follows: threads once they are faster again", () => {
  const pace = createPace(2);
  let busy = true;
  const used: number[] = [];
  for (let b = 0; b < 3000; b++) {
    if (b === 1000) busy = false;
    const threads = pace.next();
    used.push(threads);
    pace.record(threads, threads === 2 ? (busy ? 10 : 0.5) : 1, 1);
  }
  assert.ok(used.slice(0, 1000).filter((t) => t === 2).length < 40, "mostly one thread while busy");
  assert.ok(
    used.slice(2100).every((t) => t === 2),
    "threads again once they are faster",
  );
});

test("one thread asked for is one thread", () => {
  assert.deepEqual(new Set(run(1, () => 1, 100)), new Set([1]));
});

test("a choice that is faster but now and then slowed by another process keeps the batches: each is judged by its best recent batches", () => {
  // Threads take 0.7 of one thread's time, but every 5th batch another process stalls them (5×); both vary by ±10%.
  let n = 0;
  const noise = () => 1 + 0.1 * Math.sin(++n * 12.9898);
  const used = run(2, (t) => (t === 2 ? 0.7 * noise() * (n % 5 === 0 ? 5 : 1) : noise()), 5000);
  const threaded = used.filter((t) => t === 2).length;
  assert.ok(threaded >= 0.95 * 5000, `${threaded} of 5000 batches with threads`);
});
