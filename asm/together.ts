/**
 * Several threads running one `train` call together (src/engines/fast/threads.ts starts them, each with its own
 * instance of the kernel on the same memory). Backprop goes in four parts with a barrier between them (kernel.ts):
 * the input layer's weights are shared by neurons, each thread always the same ones, so they stay in its core's
 * cache; the other layers' forward pass, BP1 and BP2 by examples, since one example's errors need no other
 * example; and their BP3, BP4 and step by panels of neurons, summing over every example. Every weighted sum and
 * every gradient component is still computed by one thread, in the order one thread alone would take, and the
 * batch's cost is added in the examples' order, so the result is the same bits with any number of threads.
 */

/** The arguments of one `train` call, in memory, where every thread reads them (see kernel.ts's `train`). */
@unmanaged export class Batch {
  table: usize;
  layers: i32;
  m: i32;
  images: usize;
  indices: usize;
  upcoming: i32;
  labels: usize;
  relu: i32;
  cost: i32;
  scale: f32;
  decay: f32;
  mode: i32;
  results: usize;
  threads: i32;
}

/** Where the barrier's counters sit, after the Batch record, on a cache line of their own: the threads that have
 *  arrived (i32), then how many of them sleep (i32). */
export const BARRIER: usize = 64;

/** Where thread t's share of n things (cut into `threads` nearly equal, contiguous shares) starts; it ends where
 *  t + 1's starts. */
// @ts-ignore: decorator
@inline export function shareStart(n: i32, t: i32, threads: i32): i32 {
  return <i32>((<i64>n * t) / threads);
}

/** Spins before a thread sleeps at a barrier: some tens of microseconds. */
const SPINS = 10000;
/** A barrier that sees no other thread for this many sleeps of 1 ms (10 s) gives up: a thread has stopped. */
const NAPS = 10000;

/**
 * Waits until all `threads` threads have arrived at this barrier, the `round`-th of the call (counted from 1: the
 * counter at `sync` only grows during a call; src/engines/fast/split.ts sets it to 0 before). A thread spins
 * first, since the others usually come within microseconds; when another process has their core, it sleeps and
 * the last one to arrive wakes it.
 */
export function barrier(sync: usize, threads: i32, round: i32): void {
  if (threads == 1) return;
  const all = threads * round;
  if (atomic.add<i32>(sync, 1) + 1 == all) {
    if (atomic.load<i32>(sync, 4) > 0) atomic.notify(sync, threads);
    return;
  }
  let spins = 0, naps = 0;
  for (;;) {
    const arrived = atomic.load<i32>(sync);
    if (arrived >= all) return;
    if (++spins < SPINS) continue;
    if (++naps > NAPS) unreachable(); // src/engines/fast/split.ts says, in one sentence, that a thread stopped
    atomic.add<i32>(sync, 1, 4);
    atomic.wait<i32>(sync, arrived, 1000000);
    atomic.sub<i32>(sync, 1, 4);
    spins = 0;
  }
}
