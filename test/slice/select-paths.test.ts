/**
 * The slice stage on its own, on a document built here: which paths an include pattern keeps
 * (`*` within one segment, `**` across segments, everything else literal), that the kept paths bring
 * the components they reference and nothing unreferenced, and errors naming the pattern and file.
 * How many derived types a slice adds is left to the model's own tests: that rule is being changed.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { OpenApiDocument } from "../../generator/load/openapi.js";
import { globToRegExp, selectPaths } from "../../generator/slice/select-paths.js";

const test = suite("slice: include patterns");

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });
const PATHS = [
  "/users",
  "/users/{user-id}",
  "/users/{user-id}/messages",
  "/users/{user-id}/messages/{message-id}",
  "/users/{user-id}/messages/{message-id}/$value",
  "/users/{user-id}/microsoft.graph.getMemberGroups",
  "/users/$count",
  "/usersX",
  "/groups",
];
const document = {
  openapi: "3.0.1",
  info: { title: "t", version: "1" },
  paths: Object.fromEntries(
    PATHS.map((p) => [
      p,
      { get: { parameters: p.includes("{user-id}") ? [{ $ref: "#/components/parameters/top" }] : [], responses: { 200: { description: "ok", ...json(ref(p.startsWith("/groups") ? "g.group" : p.includes("messages") ? "g.message" : "g.user")) } } } },
    ]),
  ),
  components: {
    schemas: {
      "g.user": { type: "object", properties: { id: { type: "string" }, manager: ref("g.person") } },
      "g.person": { type: "object", properties: { name: { type: "string" } } },
      "g.message": { type: "object", properties: { subject: { type: "string" } } },
      "g.group": { type: "object" },
      "g.unused": { type: "object" },
    },
    parameters: { top: { name: "$top", in: "query", schema: { type: "integer" } }, skip: { name: "$skip", in: "query", schema: { type: "integer" } } },
    securitySchemes: { aad: { type: "oauth2", flows: {} } },
  },
} as unknown as OpenApiDocument;
const keep = (...include: string[]) => selectPaths({ source: "t.yml", document }, include);
const kept = (...include: string[]) => Object.keys(keep(...include).document.paths);

test("a literal pattern keeps exactly that path", () => {
  assert.equal(kept("/users"), ["/users"]);
  assert.equal(kept("/users/{user-id}/messages"), ["/users/{user-id}/messages"]);
});

test("* matches within one segment, ** across segments", () => {
  assert.equal(kept("/users/*"), ["/users/{user-id}", "/users/$count"]);
  assert.equal(kept("/users/*/messages/*"), ["/users/{user-id}/messages/{message-id}"]);
  assert.equal(kept("/users/**"), PATHS.filter((p) => p.startsWith("/users/")));
  assert.equal(kept("/users*"), ["/users", "/usersX"]);
  assert.equal(kept("/**").length, PATHS.length);
});

test("several patterns keep the union, each path once", () => {
  assert.equal(kept("/users", "/groups", "/users"), ["/users", "/groups"]);
  assert.equal(kept("/users/*/messages/**", "/users/*/messages/*"), ["/users/{user-id}/messages/{message-id}", "/users/{user-id}/messages/{message-id}/$value"]);
});

test("characters that mean something in a regular expression are literal: . $ { } ( )", () => {
  assert.equal(kept("/users/{user-id}/microsoft.graph.getMemberGroups"), ["/users/{user-id}/microsoft.graph.getMemberGroups"]);
  assert.equal(kept("/users/$count"), ["/users/$count"]);
  assert.not.ok(globToRegExp("/users/microsoft.graph.x").test("/users/microsoftXgraphXx"));
  assert.ok(globToRegExp("/a/f(x='{x}')").test("/a/f(x='{x}')"));
});

test("a path through an alternate key is below its set: /users/** and /users/* take it as they take /users/{user-id}; a literal pattern still matches it", () => {
  const paths = ["/users", "/users/{user-id}", "/users(userPrincipalName='{userPrincipalName}')", "/users(userPrincipalName='{userPrincipalName}')/manager", "/usersX(a='{a}')"];
  const alternate = { ...document, paths: Object.fromEntries(paths.map((p) => [p, { get: { responses: { 200: { description: "ok" } } } }])) } as unknown as OpenApiDocument;
  const take = (...include: string[]) => Object.keys(selectPaths({ source: "t.yml", document: alternate }, include).document.paths);
  assert.equal(take("/users/**"), ["/users/{user-id}", "/users(userPrincipalName='{userPrincipalName}')", "/users(userPrincipalName='{userPrincipalName}')/manager"]);
  assert.equal(take("/users/*"), ["/users/{user-id}", "/users(userPrincipalName='{userPrincipalName}')"]);
  assert.equal(take("/users(userPrincipalName='{userPrincipalName}')"), ["/users(userPrincipalName='{userPrincipalName}')"]);
  assert.equal(take("/users"), ["/users"]);
});

test("kept paths bring the components they reference, transitively, and nothing else; security schemes stay", () => {
  const { components } = keep("/users/{user-id}").document;
  assert.equal(Object.keys(components!.schemas!).sort(), ["g.person", "g.user"]);
  assert.equal(Object.keys(components!.parameters!), ["top"]);
  assert.ok(components!.securitySchemes!.aad);
  assert.equal(Object.keys(keep("/groups").document.components!.schemas!), ["g.group"]);
  assert.is(keep("/groups").document.components!.parameters, undefined);
});

test("the input document is left as it was", () => {
  keep("/users");
  assert.equal(Object.keys(document.paths).length, PATHS.length);
  assert.equal(Object.keys(document.components!.schemas!).length, 5);
});

test("a pattern that matches nothing is an error naming it, the file and how many paths it has", () => {
  assert.throws(() => keep("/users", "/nothing/**"), /t\.yml: include pattern "\/nothing\/\*\*" matches no path \(the file has 9 paths\)/);
});

test.run();
