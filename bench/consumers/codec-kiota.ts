/**
 * Kiota's codec for (c): the JSON serialization writer and parse node the request adapter uses
 * (setContentFromParsable -> writer.writeObjectValue -> getSerializedContent; response ArrayBuffer ->
 * getRootParseNode -> getObjectValue with the discriminator-aware factory).
 */
import { JsonParseNodeFactory, JsonSerializationWriterFactory } from "@microsoft/kiota-serialization-json";
import {
  createDeviceManagementConfigurationPolicyAssignmentFromDiscriminatorValue,
  serializeDeviceManagementConfigurationPolicyAssignment,
  type DeviceManagementConfigurationPolicyAssignment,
} from "@microsoft/msgraph-beta-sdk/models/index.js";

export function createCodec() {
  const writers = new JsonSerializationWriterFactory();
  const parsers = new JsonParseNodeFactory();
  return {
    encode: (model: unknown): ArrayBuffer => {
      const writer = writers.getSerializationWriter("application/json");
      writer.writeObjectValue(undefined, model as DeviceManagementConfigurationPolicyAssignment, serializeDeviceManagementConfigurationPolicyAssignment);
      return writer.getSerializedContent();
    },
    decode: (bytes: ArrayBuffer): unknown =>
      parsers.getRootParseNode("application/json", bytes).getObjectValue(createDeviceManagementConfigurationPolicyAssignmentFromDiscriminatorValue),
  };
}
