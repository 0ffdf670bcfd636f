// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked dynamically
export type Json = Record<string, any>;
