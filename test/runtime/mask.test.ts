/**
 * `maskText` on its own: every secret becomes `[token]` in one pass, so a secret that is part of
 * `[token]` (a one-letter token, `oke`) never masks the mask again; the longest secret wins where
 * two overlap; a secret is masked in any case (an echo as a header name) and JSON-escaped or
 * percent-encoded (an echo by a serializer or in a URL).
 */
import { inspect } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { headerSecrets, MASK, maskCause, maskText } from "../../generated/runtime/mask.js";

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

test("echoes encoded twice or otherwise: JSON embedded in a JSON string, form encoding, double percent-encoding, Latin-1 bytes, HTML references", () => {
  const secret = "Ab+c/d=~!(x)'*";
  assert.is(maskText(String.raw`{"upstream":"{\"m\":\"Ab\\u002Bc\\/d=~!(x)'*\"}"}`, [secret]), String.raw`{"upstream":"{\"m\":\"${MASK}\"}"}`);
  assert.is(maskText(new URLSearchParams({ k: secret }).toString(), [secret]), `k=${MASK}`);
  assert.is(maskText(encodeURIComponent(encodeURIComponent(secret)), [secret]), MASK);
  assert.is(maskText("Ab&#43;c&#x2F;d&#61;~!(x)&#39;*", [secret]), MASK);
  assert.is(maskText("caf%E9 caf%C3%A9", ["café"]), `${MASK} ${MASK}`);
});

test("a Cookie's secrets are the header, each cookie, and each value of 8 characters or more", () => {
  assert.equal(headerSecrets("session=0123456789abcdef; theme=dark", "Cookie"), ["session=0123456789abcdef; theme=dark", "session=0123456789abcdef", "0123456789abcdef", "theme=dark"]);
  assert.equal(headerSecrets("Bearer abc", "Authorization"), ["Bearer abc", "abc"]);
});

test("URL credentials are dropped as before", () => {
  assert.is(maskText("see https://user:pass@host/x", []), "see https://host/x");
});

test("a cause holding a live object (a Request, Headers), a symbol-keyed secret or a getter that throws is replaced by a masked copy", () => {
  const token = "Bearer tok-0123456789";
  const secrets = headerSecrets(token, "authorization");
  const causes = [
    Object.assign(new Error("circuit open"), { request: new Request("http://127.0.0.1/", { headers: { authorization: token } }) }),
    Object.assign(new Error("m"), { headers: new Headers({ authorization: token }) }),
    Object.assign(new Error("m"), { [Symbol("attempt")]: token }),
    Object.defineProperty(new Error("getter"), "broken", { enumerable: true, get: () => { throw new Error("no"); } }),
  ];
  for (const cause of causes) {
    const masked = maskCause(cause, secrets);
    assert.is.not(masked, cause);
    assert.not.match(inspect(masked, { depth: Infinity, showHidden: true }), "tok-0123456789");
  }
  const plain = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED", port: 443 });
  assert.is(maskCause(plain, secrets), plain, "a cause with nothing to hide is kept as it is");
});

test.run();
