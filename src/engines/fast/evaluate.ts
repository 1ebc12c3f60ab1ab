import { Cost, quadratic } from "../../cost";
import { Dataset, checkDatasetFits } from "../../data/dataset";
import { inkedNearlyEverywhere, loadParameters, stageImages } from "./copy";
import { EVALUATE } from "./jobs";
import { Kernel, chunk, costCode, createKernel, reserve, useDenseInput } from "./kernel";
import { defaultThreads } from "./split";
import { bindWorkers, post, waitIdle } from "./threads";
import { Network } from "../../network";

/** How a network does on a whole data set, by the kernel's forward pass: the fast twin of evaluate.ts's
 *  `evaluate` for the numbers training reports each epoch (accuracy and average cost, in f32). */
export function fastEvaluate(
  net: Network,
  data: Dataset,
  cost: Cost = quadratic,
): { count: number; correct: number; accuracy: number; cost: number } {
  checkDatasetFits(net.sizes, data);
  const k = evaluator(net);
  const threads = k.layout.parts.length > 1 && bindWorkers(k, k.layout.parts.length - 1) ? k.layout.parts.length : 1;
  useDenseInput(k, inkedNearlyEverywhere(data));
  let correct = 0,
    total = 0;
  // Each round, every thread takes the next chunk of images; the sums are added up in the threads' order.
  for (let start = 0; start < data.count; start += threads * k.capacity) {
    const chunks = Math.min(threads, Math.ceil((data.count - start) / k.capacity));
    for (let p = chunks - 1; p >= 0; p--) {
      const from = start + p * k.capacity,
        to = Math.min(from + k.capacity, data.count),
        part = k.layout.parts[p];
      stageImages(k, data, from, to, p);
      const job = {
        kind: EVALUATE,
        table: part.table,
        layers: net.sizes.length - 1,
        m: to - from,
        images: k.layout.images,
        indices: part.indices,
        labels: part.labels,
        relu: k.relu ? 1 : 0,
        cost: costCode(cost.name),
        results: part.results,
      } as const;
      if (p > 0) post(p - 1, job);
      else
        k.calls.evaluate(
          job.table,
          job.layers,
          job.m,
          job.images,
          job.indices,
          job.labels,
          job.relu,
          job.cost,
          job.results,
        );
    }
    for (let p = 0; p < chunks; p++) {
      if (p > 0) waitIdle(p - 1);
      const results = new Float64Array(k.memory.buffer, k.layout.parts[p].results, 2);
      total += results[0];
      correct += results[1];
    }
  }
  const count = data.count;
  return { count, correct, accuracy: count ? correct / count : 0, cost: count ? total / count : 0 };
}

// One kernel for evaluations, kept while the network's shape stays the same.
let evaluation: Kernel | undefined;

function evaluator(net: Network): Kernel {
  const relu = net.activation.name === "relu";
  const same =
    evaluation &&
    evaluation.relu === relu &&
    evaluation.sizes.length === net.sizes.length &&
    evaluation.sizes.every((n, l) => n === net.sizes[l]);
  if (!evaluation || !same) {
    // A forward pass is about a third of training's arithmetic: threads as for a third of a chunk's training.
    const threads = defaultThreads(net.sizes, Math.ceil(chunk / 3));
    evaluation = createKernel(net.sizes, relu, chunk, threads, "apart");
    reserve(evaluation, evaluation.layout.images + threads * chunk * net.sizes[0]); // a slot of images per thread
  }
  loadParameters(evaluation, net);
  return evaluation;
}
