import { test } from "node:test";
import assert from "node:assert/strict";
import * as path from "path";
import { Sendable, queueSends } from "../../src/plot/kernelSends";

// The zeromq.js tslab runs on, as in the kernel.
const zmq = require(require.resolve("zeromq", { paths: [path.dirname(require.resolve("tslab/package.json"))] }));

/** A publisher and a subscriber that already hears it (ZeroMQ's slow joiner: probe until one arrives). */
async function connectedPair(
  publisherClass: new () => Sendable & { bind(a: string): Promise<void>; lastEndpoint: string; close(): void },
) {
  const publisher = new publisherClass();
  await publisher.bind("tcp://127.0.0.1:*");
  const subscriber = new zmq.Subscriber();
  subscriber.connect(publisher.lastEndpoint);
  subscriber.subscribe();
  subscriber.receiveTimeout = 50;
  for (let i = 0; ; i++) {
    assert.ok(i < 100, "the subscriber connected");
    await publisher.send("probe");
    try {
      await subscriber.receive();
      break;
    } catch {
      // not connected yet
    }
  }
  subscriber.receiveTimeout = 5000;
  return { publisher, subscriber };
}

/** Sends `count` numbered messages in one turn of the event loop; returns how many threw. */
function burst(socket: Sendable, count: number): number {
  let threw = 0;
  for (let i = 0; i < count; i++) {
    try {
      socket.send(`message ${i}`).catch(() => undefined); // a send left waiting fails when the test closes the socket
    } catch {
      threw++;
    }
  }
  return threw;
}

// A class of our own over zeromq's Publisher, so the queue is tested without changing the real one for the
// other tests in this process.
class PlainPublisher extends zmq.Publisher {}
class QueuedPublisher extends zmq.Publisher {}

test("without the queue, zeromq.js throws EBUSY when many messages go out in one turn (what lost tslab's outputs)", async () => {
  const { publisher, subscriber } = await connectedPair(PlainPublisher);
  try {
    assert.ok(burst(publisher, 1200) > 0, "some of 1,200 sends in one turn threw");
  } finally {
    publisher.close();
    subscriber.close();
  }
});

test("with the queue, 1,200 messages sent in one turn all arrive, in order, and none throws", async () => {
  queueSends(QueuedPublisher.prototype);
  queueSends(QueuedPublisher.prototype); // twice is once
  const { publisher, subscriber } = await connectedPair(QueuedPublisher);
  try {
    assert.equal(burst(publisher, 1200), 0);
    for (let i = 0; i < 1200; i++) {
      const [frame] = await subscriber.receive();
      assert.equal(frame.toString(), `message ${i}`);
    }
  } finally {
    publisher.close();
    subscriber.close();
  }
});
