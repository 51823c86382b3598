/**
 * Consumer: the seed PATCH the way a Kiota-generated request builder sends it, using the models of
 * @microsoft/msgraph-beta-sdk and the @microsoft/kiota-* runtime. The request-builder package for
 * deviceManagement is not on the registry, so this file does what its generated
 * `…/assignments/{id}` builder's `patch` does through the public abstractions API: URL template,
 * path parameters, Accept header, setContentFromParsable with the model serializer, and
 * requestAdapter.send with the discriminator-aware factory and the ODataError mapping.
 *
 * Known Kiota TypeScript bug (microsoft/kiota#6511, #6777, unfixed in msgraph-beta-sdk
 * 1.0.0-preview.81): the base serializer dispatches on `odataType` to the derived serializer with
 * isSerializingDerivedType = true, and the derived serializer returns at once on that flag, so a
 * derived target's own properties (`collectionId`) are never written. To put the same request on the
 * wire, this consumer passes `collectionId` through `additionalData`, which Kiota writes as is.
 */
import {
  AllowedHostsValidator,
  BaseBearerTokenAuthenticationProvider,
  HttpMethod,
  RequestInformation,
  type AccessTokenProvider,
  type ErrorMappings,
} from "@microsoft/kiota-abstractions";
import { FetchRequestAdapter } from "@microsoft/kiota-http-fetchlibrary";
import { JsonParseNodeFactory, JsonSerializationWriterFactory } from "@microsoft/kiota-serialization-json";
import {
  createDeviceManagementConfigurationPolicyAssignmentFromDiscriminatorValue,
  serializeDeviceManagementConfigurationPolicyAssignment,
  type ConfigurationManagerCollectionAssignmentTarget,
  type DeviceManagementConfigurationPolicyAssignment,
} from "@microsoft/msgraph-beta-sdk/models/index.js";
import { createODataErrorFromDiscriminatorValue } from "@microsoft/msgraph-beta-sdk/models/oDataErrors/index.js";

const URL_TEMPLATE =
  "{+baseurl}/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy%2Did}/assignments/{deviceManagementConfigurationPolicyAssignment%2Did}{?%24expand,%24select}";
const ERROR_MAPPINGS: ErrorMappings = { XXX: createODataErrorFromDiscriminatorValue };

/** A static token, offered only to allowed hosts over https (or localhost), like Kiota's own providers. */
class StaticTokenProvider implements AccessTokenProvider {
  private readonly validator: AllowedHostsValidator;
  constructor(
    private readonly token: string,
    allowedHosts: string[],
  ) {
    this.validator = new AllowedHostsValidator(new Set(allowedHosts));
  }
  getAuthorizationToken = async (url?: string): Promise<string> => {
    if (!url || !this.validator.isUrlHostValid(url)) return "";
    const parsed = new URL(url);
    const local = parsed.hostname === "127.0.0.1" || parsed.hostname === "localhost";
    if (parsed.protocol !== "https:" && !local) throw new Error("bearer tokens are only sent over https");
    return this.token;
  };
  getAllowedHostsValidator = (): AllowedHostsValidator => this.validator;
}

export function createPatcher(config: { baseUrl: string; token: string }) {
  const auth = new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider(config.token, [new URL(config.baseUrl).hostname]));
  const adapter = new FetchRequestAdapter(auth, new JsonParseNodeFactory(), new JsonSerializationWriterFactory());
  adapter.baseUrl = config.baseUrl;
  return async (policyId: string, assignmentId: string): Promise<DeviceManagementConfigurationPolicyAssignment | undefined> => {
    const target: ConfigurationManagerCollectionAssignmentTarget = {
      odataType: "microsoft.graph.configurationManagerCollectionAssignmentTarget",
      deviceAndAppManagementAssignmentFilterId: "Device And App Management Assignment Filter Id value",
      deviceAndAppManagementAssignmentFilterType: "include",
      collectionId: "Collection Id value",
      additionalData: { collectionId: "Collection Id value" }, // workaround for the dropped derived property
    };
    const body: DeviceManagementConfigurationPolicyAssignment = {
      odataType: "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
      target,
    };
    const requestInfo = new RequestInformation(HttpMethod.PATCH, URL_TEMPLATE, {
      baseurl: adapter.baseUrl,
      "deviceManagementConfigurationPolicy%2Did": policyId,
      "deviceManagementConfigurationPolicyAssignment%2Did": assignmentId,
    });
    requestInfo.headers.tryAdd("Accept", "application/json");
    requestInfo.setContentFromParsable(adapter, "application/json", body, serializeDeviceManagementConfigurationPolicyAssignment);
    return adapter.send(requestInfo, createDeviceManagementConfigurationPolicyAssignmentFromDiscriminatorValue, ERROR_MAPPINGS);
  };
}
