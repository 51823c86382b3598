/**
 * `maskText` on its own: every secret becomes `[token]` in one pass, so a secret that is part of
 * `[token]` (a one-letter token, `oke`) never masks the mask again; the longest secret wins where
 * two overlap; a secret is masked in any case (an echo as a header name) and JSON-escaped or
 * percent-encoded (an echo by a serializer or in a URL).
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

test("a secret echoed JSON-escaped or percent-encoded, in any case of its hex digits, is masked; letters are matched in any case", () => {
  const secret = "a+b/c=d e";
  assert.is(maskText(String.raw`x "a\u002Bb\/c\u003dd e" y`, [secret]), `x "${MASK}" y`);
  assert.is(maskText("id=a%2Bb%2fc%3Dd%20e&n=a%2bb%2Fc%3dd+e", [secret]), `id=${MASK}&n=${MASK}`);
  assert.is(maskText("A+B/C=D E", [secret]), MASK);
  assert.is(maskText("a+b/c=d", [secret]), "a+b/c=d", "a part of the secret is no secret");
  assert.is(maskText(String.raw`"p\ud83d\ude00q" p😀q`, ["p😀q"]), `"${MASK}" ${MASK}`);
});

test("URL credentials are dropped as before", () => {
  assert.is(maskText("see https://user:pass@host/x", []), "see https://host/x");
});

test.run();
