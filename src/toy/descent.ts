import { InputError } from "../errors/learnerError";
import { checkPositive, checkWholeNumber } from "../errors/validate";
import { Point, ToyFunction, checkDefinedAt } from "./expression";

/**
 * Gradient descent on a toy function: from a start point, step against the gradient again and again,
 *   p ← p − η ∇f(p),
 * so each step is proportional to the slope: long where it is steep, short near the bottom.
 * With momentum β the step remembers the previous one (the "heavy ball" of lesson 04):
 *   v ← β v − η ∇f(p);  p ← p + v.
 */
export interface DescentOptions {
  start: Point;
  /** The learning rate η. */
  eta: number;
  /** The most steps to take (default 100). */
  steps?: number;
  /** Stop early once the gradient's length is below this. */
  tolerance?: number;
  /** Momentum β, from 0 (plain descent, the default) to below 1: how much of the previous step each step keeps. */
  momentum?: number;
}

/** One step of gradient descent, p − η ∇f(p): a new point; `point` and `gradient` are left as they were. */
export function descentStep(point: readonly number[], eta: number, gradient: readonly number[]): Point {
  return point.map((pi, i) => pi - eta * gradient[i]);
}

export interface DescentPath {
  /** points[0] is the start; points[n] the point after n steps. Only finite numbers, ever. */
  readonly points: Point[];
  readonly values: number[];
  readonly gradients: number[][];
  /** True when the gradient's length fell below the tolerance. */
  readonly converged: boolean;
  /** Set when the steps blew up: at which step, and a sentence saying what to do. */
  readonly diverged: { step: number; message: string } | null;
}

/** The number of steps in a row the value may grow before we call it divergence. */
const GROWING_STEPS = 10;
/** A point this far from the origin has left any toy landscape. */
const FAR_AWAY = 1e8;

export function gradientDescent(f: ToyFunction, options: DescentOptions): DescentPath {
  const eta = checkPositive("the learning rate eta", options.eta, " (try 0.01 to 0.5)");
  const steps = checkWholeNumber("the number of steps", options.steps ?? 100, 1, 1_000_000);
  if (options.tolerance !== undefined) checkPositive("the tolerance", options.tolerance);
  const beta = options.momentum ?? 0;
  if (typeof beta !== "number" || !(beta >= 0 && beta < 1)) {
    throw new InputError(
      `the momentum must be a number from 0 up to (not including) 1, such as 0.9; got ${String(beta)}`,
    );
  }
  const start = options.start;
  if (!Array.isArray(start) || start.length !== f.variables.length || !start.every(Number.isFinite)) {
    throw new InputError(
      `the start point must be ${f.variables.length} finite number(s) (${f.variables.join(", ")}); got ${JSON.stringify(start)}`,
    );
  }
  checkDefinedAt(f, start);

  const points: Point[] = [[...start]];
  const values = [f.value(start)];
  const gradients = [f.gradient(start)];
  let growing = 0;
  let velocity = start.map(() => 0);
  const diverge = (step: number, what: string): DescentPath => ({
    points,
    values,
    gradients,
    converged: false,
    diverged: {
      step,
      message: `gradient descent diverged at step ${step}: ${what}; lower the learning rate (eta is ${eta}, try ${eta / 2})`,
    },
  });

  for (let step = 1; step <= steps; step++) {
    const p = points[step - 1],
      g = gradients[step - 1];
    if (options.tolerance !== undefined && Math.hypot(...g) < options.tolerance) {
      return { points, values, gradients, converged: true, diverged: null };
    }
    // Plain descent is descentStep; momentum adds β times the previous step: v ← β v − η ∇f(p), p ← p + v.
    if (beta > 0) velocity = velocity.map((v, i) => beta * v - eta * g[i]);
    const next = beta === 0 ? descentStep(p, eta, g) : p.map((pi, i) => pi + velocity[i]);
    const value = f.value(next);
    const gradient = f.gradient(next);
    if (!next.every(Number.isFinite) || !Number.isFinite(value) || !gradient.every(Number.isFinite)) {
      return diverge(step, "the value or gradient stopped being a finite number");
    }
    if (Math.hypot(...next) > FAR_AWAY)
      return diverge(step, `the point ran off to [${next.map((v) => v.toPrecision(3)).join(", ")}]`);
    growing = value > values[step - 1] ? growing + 1 : 0;
    points.push(next);
    values.push(value);
    gradients.push(gradient);
    if (growing >= GROWING_STEPS) return diverge(step, `the value grew for ${GROWING_STEPS} steps in a row`);
  }
  const last = gradients[gradients.length - 1];
  return {
    points,
    values,
    gradients,
    converged: options.tolerance !== undefined && Math.hypot(...last) < options.tolerance,
    diverged: null,
  };
}

/** Several descents of one function, e.g. one per learning rate or start point, for a plot's slider. */
export function descentPaths(f: ToyFunction, runs: DescentOptions[]): DescentPath[] {
  return runs.map((options) => gradientDescent(f, options));
}
