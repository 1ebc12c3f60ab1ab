import { InputError } from "../errors/learnerError";
import { Network } from "../network";
import { Engine, EngineOptions, MakeEngine } from "./engine";
import { fastEngine } from "./fast";
import { readableEngine } from "./readable";

/** Every engine by name. A new engine is one new file that makes an `Engine`, and one line here. */
export const engines = {
  fast: fastEngine,
  readable: readableEngine,
} satisfies Record<string, MakeEngine>;

export type EngineName = keyof typeof engines;

export const engineNames = Object.keys(engines) as EngineName[];

/** The engine called `name`, made for `net`. */
export function makeEngine(name: EngineName, net: Network, options: EngineOptions): Engine {
  if (!Object.hasOwn(engines, name)) {
    throw new InputError(`there is no engine called "${name}"; use ${engineNames.map((n) => `"${n}"`).join(" or ")}`);
  }
  return engines[name](net, options);
}
