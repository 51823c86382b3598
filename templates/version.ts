/** The runtime's version, sent as `SdkVersion` (a test keeps it equal to package.json's). */
export const SDK_VERSION = "0.1.0";

export const SDK_VERSION_HEADER = `graphslice/${SDK_VERSION}`;
