// Injected into the CommonJS build of the command line: what import.meta.url is in the sources.
export const __rotabotImportMetaUrl = require('node:url').pathToFileURL(__filename).href;
