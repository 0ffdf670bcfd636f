// Modules build.mjs provides at bundle time, from the bundled spec.
declare module 'try-it:spec' {
  // biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked dynamically
  const spec: Record<string, any>;
  export default spec;
}
declare module 'try-it:summaries' {
  const summaries: Record<string, { en: string; zh: string }>;
  export default summaries;
}
