import { InputError, LearnerError } from "../errors/learnerError";
import type * as MathJs from "mathjs";
import { derivativeProblem, shapeProblem } from "./shape";

/** mathjs is loaded on first use only: it takes about 70 MB, which a training run should not carry. */
let loaded: typeof MathJs | undefined;
const mathjs = (): typeof MathJs => (loaded ??= require("mathjs") as typeof MathJs);

/**
 * Toy functions for the gradient-descent lessons, typed by the learner as mathjs expressions:
 * "x^4 - 3x^2 + x" (one variable) or "3/2 x^2 + 1/2 y^2" (two). Each gives its value, its exact gradient
 * from mathjs's symbolic derivative, and a numeric gradient (central differences) to compare with.
 */
export type Point = number[];

export interface ToyFunction {
  readonly expression: string;
  /** ["x"] or ["x", "y"]. */
  readonly variables: readonly string[];
  value(p: Point): number;
  /** The exact gradient (∂f/∂x, ∂f/∂y) from the symbolic derivatives. */
  gradient(p: Point): number[];
  /** The gradient by central differences: (f(p + h) − f(p − h)) / 2h in each direction. */
  numericGradient(p: Point, h?: number): number[];
  /** The symbolic derivatives as text and as TeX, one per variable. */
  readonly derivatives: readonly string[];
  readonly derivativesTex: readonly string[];
}

export type ExpressionErrorKind =
  "syntax" | "unsupported" | "unknown-symbol" | "wrong-variables" | "undefined-gradient";

/** A learner's expression that cannot be used, with what to change. */
export class ExpressionError extends LearnerError {
  constructor(
    message: string,
    readonly kind: ExpressionErrorKind,
  ) {
    super(message);
    this.name = "ExpressionError";
  }
}

const allVariables = [["x"], ["x", "y"]] as const;
const usualSlips: Record<string, string> = {
  sine: "sin",
  cosine: "cos",
  tangent: "tan",
  ln: "log",
  arctan: "atan",
  power: "pow",
  root: "sqrt",
};

/** mathjs may answer with a complex number or a matrix; anything but a real number counts as undefined. */
const real = (v: unknown): number => (typeof v === "number" ? v : NaN);

export function toyFunction(expression: string, dimension?: 1 | 2): ToyFunction {
  if (typeof expression !== "string") {
    throw new ExpressionError(
      `an expression is text in quotes, like "x^4 - 3x^2 + x"; got ${String(expression)}`,
      "syntax",
    );
  }
  if (expression.trim() === "")
    throw new ExpressionError(`the expression is empty; write a function of x, like "x^4 - 3x^2 + x"`, "syntax");
  if (dimension !== undefined && dimension !== 1 && dimension !== 2) {
    throw new InputError(`toy functions have 1 or 2 variables (x, or x and y); got ${String(dimension)}`);
  }
  const math = mathjs();
  let node: MathJs.MathNode;
  try {
    node = math.parse(expression);
  } catch (error) {
    const at = /\(char (\d+)\)/.exec((error as Error).message);
    const where = at ? ` at character ${at[1]}` : "";
    throw new ExpressionError(
      `cannot read "${expression}": ${(error as Error).message.replace(/ \(char \d+\)/, "")}${where}; write it like "x^4 - 3x^2 + x" or "3/2 x^2 + 1/2 y^2"`,
      "syntax",
    );
  }
  const isFunctionName = (name: string): boolean =>
    typeof (math as unknown as Record<string, unknown>)[name] === "function";
  const shape = shapeProblem(node, expression, isFunctionName);
  if (shape) throw new ExpressionError(shape, "unsupported");
  const functions = node
    .filter((n) => (n as MathJs.FunctionNode).isFunctionNode)
    .map((n) => (n as MathJs.FunctionNode).fn.name);
  for (const name of functions) {
    if (typeof (math as unknown as Record<string, unknown>)[name] !== "function") {
      const hint = usualSlips[name] ? `did you mean ${usualSlips[name]}?` : "use one of sin, cos, exp, log, sqrt, abs";
      throw new ExpressionError(`"${expression}" uses the unknown function "${name}"; ${hint}`, "unknown-symbol");
    }
  }
  const symbols = [
    ...new Set(node.filter((n) => (n as MathJs.SymbolNode).isSymbolNode).map((n) => (n as MathJs.SymbolNode).name)),
  ].filter(
    (name) => !functions.includes(name) && typeof (math as unknown as Record<string, unknown>)[name] !== "number",
  );
  const unknown = symbols.filter((s) => s !== "x" && s !== "y");
  if (unknown.length > 0) {
    throw new ExpressionError(
      `"${expression}" uses "${unknown[0]}", which is not a variable here; these functions use x${dimension === 1 ? "" : " and y"} (constants pi and e are allowed)`,
      "unknown-symbol",
    );
  }
  const dims = dimension ?? (symbols.includes("y") ? 2 : 1);
  if (dims === 1 && symbols.includes("y")) {
    throw new ExpressionError(
      `"${expression}" uses y, but this is a function of one variable: write it in x only, like "x^4 - 3x^2 + x"`,
      "wrong-variables",
    );
  }
  if (dims === 2 && dimension === 2 && !symbols.includes("y") && !symbols.includes("x")) {
    throw new ExpressionError(
      `"${expression}" uses neither x nor y; a surface needs a function of x and y, like "3/2 x^2 + 1/2 y^2"`,
      "wrong-variables",
    );
  }
  const variables = allVariables[dims - 1];
  const scope = (p: Point): Record<string, number> => {
    if (p.length !== dims)
      throw new InputError(
        `a point of "${expression}" has ${dims} coordinate(s) (${variables.join(", ")}); got [${p.join(", ")}]`,
      );
    return dims === 1 ? { x: p[0] } : { x: p[0], y: p[1] };
  };
  const compiled = node.compile();
  let derivativeNodes: MathJs.MathNode[];
  try {
    derivativeNodes = variables.map((v) => math.derivative(node, v));
  } catch (error) {
    throw new ExpressionError(derivativeProblem(expression, error as Error), "unsupported");
  }
  const derivativeCode = derivativeNodes.map((d) => d.compile());
  const value = (p: Point): number => real(compiled.evaluate(scope(p)));
  return {
    expression,
    variables,
    value,
    gradient: (p) => derivativeCode.map((d) => real(d.evaluate(scope(p)))),
    numericGradient: (p, h = 1e-6) =>
      variables.map((_, i) => {
        const up = [...p],
          down = [...p];
        up[i] += h;
        down[i] -= h;
        return (value(up) - value(down)) / (2 * h);
      }),
    derivatives: derivativeNodes.map((d) => d.toString()),
    derivativesTex: derivativeNodes.map((d) => d.toTex()),
  };
}

/** Throws an ExpressionError when f or its gradient is not a finite number at p (sqrt(x) at 0, say). */
export function checkDefinedAt(f: ToyFunction, p: Point): void {
  const where = f.variables.map((v, i) => `${v} = ${p[i]}`).join(", ");
  const v = f.value(p);
  if (!Number.isFinite(v))
    throw new ExpressionError(
      `"${f.expression}" is not defined at ${where} (it gives ${v}); start somewhere else`,
      "undefined-gradient",
    );
  const g = f.gradient(p);
  if (!g.every(Number.isFinite)) {
    throw new ExpressionError(
      `the gradient of "${f.expression}" is undefined at ${where} (it gives [${g.join(", ")}]); start somewhere else, or pick a smooth function`,
      "undefined-gradient",
    );
  }
}
