/**
 * `maskText` on its own: every secret becomes `[token]` in one pass, so a secret that is part of
 * `[token]` (a one-letter token, `oke`) never masks the mask again; the longest secret wins where
 * two overlap; a secret is also masked lower-cased (an echo as a header name).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { MASK, maskText } from "../../generated/runtime/mask.js";

const test = suite("mask: maskText");

test("a secret that occurs inside the mask does not mask the mask: one pass over the text", () => {
  assert.is(maskText("t is t", ["t"]), `${MASK} is ${MASK}`);
  assert.is(maskText("token oke", ["oke", "ken"]), `t${MASK}n ${MASK}`);
  assert.is(maskText("[", ["["]), MASK, "a secret with a character regular expressions treat specially");
});

test("the longest of overlapping secrets is masked whole; lower-cased forms too; an empty secret masks nothing", () => {
  assert.is(maskText("abcdef abc", ["abc", "abcdef"]), `${MASK} ${MASK}`);
  assert.is(maskText("abc AbC x-abc", ["AbC"]), `${MASK} ${MASK} x-${MASK}`);
  assert.is(maskText("nothing here", ["", "zzz"]), "nothing here");
});

test("URL credentials are dropped as before", () => {
  assert.is(maskText("see https://user:pass@host/x", []), "see https://host/x");
});

test.run();
