export * from "./expression";
export * from "./descent";
