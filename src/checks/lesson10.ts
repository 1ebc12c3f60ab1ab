import { Print, check } from "./check";

/** Lesson 10, "Your turn": which labels did the network fit in fewer epochs, "real" or "random"? */
export function checkFasterLabels(answer: unknown, print: Print = console.log): void {
  check<unknown>({
    what: "which labels are fitted in fewer epochs",
    isRight: (x) => x === "real",
    mistakes: [
      { matches: (x) => x === "random", hint: "look at the table again: the random labels needed many more epochs to reach the same training accuracy" },
      { matches: (x) => x !== "real" && x !== "random", hint: 'answer with the text "real" or "random"' },
    ],
    otherwise: 'answer "real" or "random"',
    praise: "Structure is found fast; memorising noise takes long, and longer the more there is to memorise.",
  }, answer, print);
}
