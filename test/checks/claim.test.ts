import { test } from "node:test";
import assert from "node:assert/strict";
import { ClaimError, claim } from "../../src/checks/claim";

test("a true claim prints one line with its evidence; a false one throws a ClaimError naming it", () => {
  const lines: string[] = [];
  claim("the cost falls", 0.2 < 0.9, "0.9 → 0.2", (l) => lines.push(l));
  assert.deepEqual(lines, ["Claim holds: the cost falls (0.9 → 0.2)"]);
  assert.throws(
    () => claim("the cost falls", false, "0.2 → 0.9", () => undefined),
    (e: unknown) =>
      e instanceof ClaimError && /claims "the cost falls", but this run shows otherwise \(0.2 → 0.9\)/.test(e.message),
  );
});
