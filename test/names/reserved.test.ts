/**
 * names/reserved.ts against what the emitters write: every global type the generated files refer to
 * and every type parameter they declare is reserved, so no model takes its name (`microsoft.graph.pick`
 * as `Pick` broke `Pick<ODataQuery, …>`; `microsoft.graph.s` as `S` broke `get<S extends PropertyName<S>>`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import ts from "typescript";
import type { ApiModel } from "../../generator/model/ir.js";
import { planNames } from "../../generator/names/plan-names.js";
import { RESERVED_EXPORTS } from "../../generator/names/reserved.js";
import { REPO } from "../golden/fixtures.js";
import { object } from "../helpers/model-fixtures.js";

const test = suite("names: reserved names");

/** The generated slice files of generated/ and of every golden (not the copied runtime, which imports no model). */
function generatedFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "runtime") walk(path);
      } else if (entry.name.endsWith(".ts")) files.push(path);
    }
  };
  walk(join(REPO, "generated"));
  const golden = join(REPO, "test/golden");
  for (const entry of readdirSync(golden, { withFileTypes: true })) if (entry.isDirectory()) walk(join(golden, entry.name));
  return files.sort();
}

/** The type parameters a file declares, and the type names it refers to that it neither declares nor imports (globals). */
function namesOf(file: string): { parameters: Set<string>; globals: Set<string> } {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const declared = new Set<string>();
  const parameters = new Set<string>();
  const collect = (node: ts.Node): void => {
    if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) && node.name) declared.add(node.name.text);
    if ((ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node)) && node.name) declared.add(node.name.text);
    if (ts.isTypeParameterDeclaration(node)) parameters.add(node.name.text);
    ts.forEachChild(node, collect);
  };
  collect(source);
  const globals = new Set<string>();
  const refer = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
      let name: ts.Node = ts.isTypeReferenceNode(node) ? node.typeName : node.expression;
      while (ts.isQualifiedName(name)) name = name.left;
      while (ts.isPropertyAccessExpression(name)) name = name.expression;
      if (ts.isIdentifier(name) && !declared.has(name.text) && !parameters.has(name.text)) globals.add(name.text);
    }
    ts.forEachChild(node, refer);
  };
  refer(source);
  return { parameters, globals };
}

test("every global type and type parameter of the generated files is reserved", () => {
  const files = generatedFiles();
  assert.ok(files.length > 20, `found only ${files.length} generated files`);
  const seen = { parameters: new Set<string>(), globals: new Set<string>() };
  for (const file of files) {
    const { parameters, globals } = namesOf(file);
    for (const name of parameters) {
      seen.parameters.add(name);
      assert.ok(RESERVED_EXPORTS.includes(name), `${file} declares the type parameter ${name}, which generator/names/reserved.ts does not reserve`);
    }
    for (const name of globals) {
      seen.globals.add(name);
      assert.ok(RESERVED_EXPORTS.includes(name), `${file} uses the global type ${name}, which generator/names/reserved.ts does not reserve`);
    }
  }
  // The scan finds what it is meant to (it would pass vacuously on a parse that found nothing).
  for (const name of ["S", "T"]) assert.ok(seen.parameters.has(name), `no generated file declares ${name}`);
  for (const name of ["Pick", "Promise", "AsyncGenerator"]) assert.ok(seen.globals.has(name), `no generated file uses ${name}`);
});

test("models named like a global type or a type parameter of the generated code take another name", () => {
  const types = [object("pick"), object("s"), object("t"), object("omit")];
  const model: ApiModel = { name: "t", types: new Map(types.map((t) => [t.name, { ...t, tsName: "" }])), root: { segment: "", kind: "root", path: "", builderName: "", memberName: "", operations: [], children: [] }, warnings: [] };
  planNames(model);
  assert.equal(types.map((t) => model.types.get(t.name)!.tsName), ["Pick2", "S2", "T2", "Omit2"]);
});

test.run();
