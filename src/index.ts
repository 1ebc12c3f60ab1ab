// Descent: what the lessons import (`../dist/index`), grouped as src/ is. Each line names the file and the lesson
// it serves; the tests import everything else by its path.

// The network and how it learns (lessons 01-09): the files at src/'s root.
export { Activation, activations, relu, sigmoid } from "./activation"; // σ and ReLU with their derivatives
export { Matrix, entry, matTVec, toRows, zeros } from "./matrix"; // weights as flat row-major matrices
export {
  Network,
  NetworkOptions,
  argmax,
  cloneNetwork,
  createNetwork,
  feedforward,
  outputOf,
  parameterCount,
} from "./network";
export { Cost, CostName, crossEntropy, desiredOutput, exampleCost, quadratic } from "./cost"; // lesson 02's cost
export { Gradient, averageGradient, backprop, layerError } from "./backprop"; // lesson 06's four equations
export { flattenGradient, numericGradient, numericPartial, parameterRefs, relativeError } from "./gradcheck"; // finite differences
export { minibatches } from "./minibatches"; // lesson 07: shuffle and cut into minibatches
export { Evaluation, accuracy, accuracyFromConfusion, accuracyOfEachDigit, evaluate } from "./evaluate"; // lesson 08
export { Random, createRandom, permutation, shuffleInPlace } from "./random"; // seeded randomness

// training/: the epochs around the loop: options, reports, the rules that stop a diverging run.
export { Trainer, TrainingRun, train, trainAsFarAsItGoes, trainer } from "./training/trainer";
export { TrainOptions, etaOfEpoch } from "./training/options";
export { BatchReport, EpochReport } from "./training/reports";
export { DivergenceError } from "./training/divergence";

// engines/: the readable engine (the lesson's code) and the fast one (WebAssembly).
export { EngineName } from "./engines/engines";
export { fastGradient } from "./engines/fast";

// toy/: lessons 03-04's functions of one and two variables, and lesson 07's one-neuron ink model.
export { ToyFunction, toyFunction } from "./toy/expression";
export { descentPaths, descentStep, gradientDescent } from "./toy/descent";
export { inkModel, sgdPath } from "./toy/inkNeuron";

// data/: the digits the lessons train on.
export { Dataset, imageOf, labelCounts, subset, take } from "./data/dataset";
export { embeddedSplit } from "./data/embedded"; // 10,000 MNIST digits that ship with the course
export { DataError, hasIdxFiles, loadIdxDirectory } from "./data/idx"; // full MNIST's files
export { downsample, noiseImages, withShuffledLabels } from "./data/transform"; // lessons 09-10's experiments
export { withCorruptedLabels } from "./data/corrupt";

// explore/: looking inside a trained network (lesson 09).
export { imageThatMaximises } from "./explore/dream";
export { saturation } from "./explore/saturation";

// io/: saving and loading a trained model.
export { loadModel, saveModel } from "./io/model";

// errors/: the sentences a learner's mistake is answered with.
export { InputError, LearnerError } from "./errors/learnerError";

// text/ and plot/: what a lesson shows.
export { count, percent, plural } from "./text/format";
export { markdownTable } from "./text/markdownTable";
export { codeRegion } from "./text/codeRegion";
export { liveOutput, setupPlots, show, showMarkdown } from "./plot/display";
export { trainLive } from "./plot/live";
export {
  animatedPath1d,
  animatedPath2d,
  contourPlot,
  functionPlot1d,
  pathsSlider1d,
  surfacePlot,
} from "./plot/descent";
export { curvePlot, histogram, nudgeBars, outputBars } from "./plot/bars";
export { datasetDigit, digitGrid, digitPlot, weightGrid } from "./plot/digits";
export { chainGraph } from "./plot/chain";
export { confusionPlot } from "./plot/confusion";
export { drawDigitHtml } from "./plot/drawDigit";

// checks/: each lesson's parameters, claims and exercises, and the learner's progress.
export { check, near } from "./checks/check";
export { yourTurn } from "./checks/checkFunction";
export { claim } from "./checks/claim";
export { Lesson, ParameterSpecs, between, rangeText, startLesson, text } from "./checks/parameters";
export { progressFile } from "./checks/progress";
export { showProgress } from "./checks/progressTable";
export { checkGuessRate, lesson00Parameters } from "./checks/lesson00";
export { checkParameterCount, lesson01Parameters } from "./checks/lesson01";
export { checkCostFunction, checkExampleCost, lesson02Parameters } from "./checks/lesson02";
export {
  checkDescend,
  checkLearningRate,
  checkNextPoint,
  checkStep,
  checkStepDirection,
  lesson03Parameters,
} from "./checks/lesson03";
export {
  checkGradientAt,
  checkGradientByDifferences,
  checkOwnFunction,
  checkStep2d,
  lesson04Parameters,
} from "./checks/lesson04";
export { checkNudgeDirection, checkPartial, checkSensitivityRatio, lesson05Parameters } from "./checks/lesson05";
export { checkBackward, checkBp2, checkOutputNudge, checkWeightGradient, lesson06Parameters } from "./checks/lesson06";
export { checkMinibatches, checkSgdEpoch, checkStepsPerEpoch, lesson07Parameters } from "./checks/lesson07";
export { checkAccuracyFunction, checkDigitAccuracies, lesson08Parameters } from "./checks/lesson08";
export { checkBestTweak, lesson09Parameters } from "./checks/lesson09";
export { checkFasterLabels, lesson10Parameters } from "./checks/lesson10";
