// A module resolve hook for test/run.ts: every test file's `import ... from "uvu"` gets
// test/helpers/strict-uvu.ts instead, which records a failing `before` hook that uvu would
// otherwise swallow. The wrapper itself (and uvu's own files) get the real uvu.
const wrapper = new URL("./strict-uvu.ts", import.meta.url).href;

export async function resolve(specifier, context, next) {
  const parent = context.parentURL ?? "";
  if (specifier === "uvu" && parent.split("?")[0] !== wrapper && !parent.includes("/node_modules/")) return next(wrapper, context); // resolved by the rest of the chain (tsx), so it is loaded as TypeScript
  return next(specifier, context);
}
