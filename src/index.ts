// Descent: everything the lessons import, in one place.
export * from "./activation";
export * from "./backprop";
export * from "./cost";
export * from "./engine";
export * from "./evaluate";
export * from "./files";
export * from "./gradcheck";
export * from "./matrix";
export * from "./model";
export * from "./network";
export * from "./random";
export * from "./sgd";
export * from "./validate";
export * from "./data/dataset";
export * from "./data/embedded";
export * from "./data/transform";
export * from "./checks/check";
