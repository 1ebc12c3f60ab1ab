import type * as MathJs from "mathjs";

/**
 * What a toy function may be made of, checked before mathjs takes its derivative: one formula built from numbers,
 * x and y, + − · / ^ and functions, because gradient descent needs one number and a slope at every point. Each
 * other shape a learner will try ("y = x^2", "x > 1 ? x : 2", "x!", "[x, x]") gets a sentence saying what is not
 * supported and what to write instead; `null` means the shape is fine.
 */
export function shapeProblem(
  node: MathJs.MathNode,
  expression: string,
  isFunctionName: (name: string) => boolean,
): string | null {
  const quoted = `"${expression.replace(/\n/g, "\\n")}"`; // a new line shown as \n keeps the sentence on one line
  if (isKind(node, "AssignmentNode") || isKind(node, "FunctionAssignmentNode")) {
    const right = expression.slice(expression.indexOf("=") + 1).trim();
    return `${quoted} is an assignment; write only the formula${right ? `, "${right}"` : ""}, without a name and "="`;
  }
  if (isKind(node, "BlockNode"))
    return `${quoted} holds several expressions; write one formula, with no ";" or new line`;
  // Each node with the name of the property that holds it in its parent ("fn" for a function's own name).
  const nodes: [MathJs.MathNode, string][] = [];
  node.traverse((n, path) => nodes.push([n, path]));
  for (const [n, path] of nodes) {
    if (isKind(n, "ArrayNode") || isKind(n, "IndexNode") || isKind(n, "ObjectNode") || isKind(n, "RangeNode")) {
      return `${quoted} makes a list or a range, but a toy function gives one number; write one formula such as "x^2"`;
    }
    if (isKind(n, "ConditionalNode")) {
      return `${quoted} chooses between formulas with "? :", which has no slope where it switches; write one smooth formula such as "x^2"`;
    }
    if (isKind(n, "AssignmentNode") || isKind(n, "FunctionAssignmentNode") || isKind(n, "BlockNode")) {
      return `${quoted} holds an assignment or several expressions; write one formula such as "x^2"`;
    }
    if (isKind(n, "OperatorNode")) {
      const op = (n as MathJs.OperatorNode).op as string;
      if (["==", "!=", "<", ">", "<=", ">=", "and", "or", "xor", "not"].includes(op)) {
        return `${quoted} compares with "${op}", which gives true or false, not a number with a slope; write one formula such as "x^2"`;
      }
      if (op === "!")
        return `${quoted} uses "!" (factorial), which is defined for whole numbers only and has no slope; use a smooth formula such as "x^2"`;
      if (op === "mod" || (op === "%" && (n as MathJs.OperatorNode).args.length === 2)) {
        return `${quoted} uses the remainder (mod), which jumps and has no slope there; use a smooth formula such as "sin(x)" for something periodic`;
      }
    }
    // "sin x" parses as the product of a symbol named sin and x.
    if (isKind(n, "SymbolNode") && path !== "fn" && isFunctionName((n as MathJs.SymbolNode).name)) {
      const name = (n as MathJs.SymbolNode).name;
      return `${quoted} uses ${name} without parentheses; write ${name}(x)`;
    }
  }
  return null;
}

/** Functions mathjs cannot differentiate, with what a learner usually meant. */
const smoothInstead: Record<string, string> = {
  max: `"x^2" instead of "max(x, 0)^2"`,
  min: `"x^2" instead of "min(x, 0)^2"`,
  floor: `"x" or "sin(x)"`,
  ceil: `"x" or "sin(x)"`,
  round: `"x" or "sin(x)"`,
  fix: `"x"`,
  mod: `"sin(x)" for something periodic`,
  sign: `"x / sqrt(x^2 + 1)", a smooth step`,
};

/** The sentence for a function mathjs has no derivative for, from its own error text. */
export function derivativeProblem(expression: string, error: Error): string {
  const name = /function "(\w+)"/.exec(error.message)?.[1];
  if (name) {
    const instead = smoothInstead[name]
      ? `, for example ${smoothInstead[name]}`
      : ", such as sin, cos, exp, log, sqrt or abs";
    return `"${expression}" uses ${name}, whose derivative mathjs cannot take (it has jumps or corners); use smooth functions${instead}`;
  }
  return `cannot take the derivative of "${expression}" (${error.message.split("\n")[0]}); use real numbers, x, y and functions such as sin, exp or sqrt`;
}

const isKind = (node: MathJs.MathNode, type: string): boolean => (node as { type?: string }).type === type;
