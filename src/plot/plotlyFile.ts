import * as fs from "fs";
import * as path from "path";
import { writeFileAtomic } from "../io/files";

/**
 * plotly.js travels beside the notebooks, not inside them: a saved lesson that carried it would weigh 13 MB.
 * The setup cell (`setupPlots`) writes this file into the notebook's folder (the kernel's working directory),
 * and the lesson runner and the site put one beside every executed notebook and page they write; a chart's
 * text/html rendering loads it by this relative name. It is git-ignored.
 */
export const plotlyFileName = "plotly.js";

/** The plotly.js of the project's plotly.js-dist package, the one every copy is made from. */
export const plotlySource = (): string => require.resolve("plotly.js-dist/plotly.js");

/**
 * Puts plotly.js into `folder` unless an identical-sized copy is already there (a new plotly.js-dist replaces
 * an old copy); written atomically, so a page never loads half a file. Returns the file's path.
 */
export function placePlotly(folder: string): string {
  const target = path.join(folder, plotlyFileName);
  const source = plotlySource();
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (!existing || existing.size !== fs.statSync(source).size) writeFileAtomic(target, fs.readFileSync(source));
  return target;
}
