// GraphError.code: the union of graphslice's own codes, open to Graph's (`string & {}`), so editors
// complete the known ones and a comparison with a misspelt known code still compiles only as a string.
import { GraphError, type GraphErrorCode, type GraphsliceErrorCode } from "../../generated/assignments/index.js";

declare const error: GraphError;

const code: GraphErrorCode = error.code;
const own: GraphsliceErrorCode[] = [
  "invalidRequest",
  "invalidRequestBody",
  "invalidResponse",
  "authenticationFailed",
  "foreignUrl",
  "invalidRedirect",
  "redirectNotFollowed",
  "tooManyRedirects",
  "tooManyPages",
  "timeout",
  "networkError",
  "http502",
];
const graphs: GraphErrorCode[] = ["ResourceNotFound", "TooManyRequests", "InvalidAuthenticationToken"];
// @ts-expect-error not one of graphslice's own codes
const notOwn: GraphsliceErrorCode = "ResourceNotFound";
// @ts-expect-error a code is a string
const notString: GraphErrorCode = 404;
// A switch over the known codes is still a switch over strings: Graph's codes fall to default.
function describe(e: GraphError): string {
  switch (e.code) {
    case "timeout":
      return "slow";
    case "ResourceNotFound":
      return "gone";
    default:
      return e.code;
  }
}
void [code, own, graphs, notOwn, notString, describe];
