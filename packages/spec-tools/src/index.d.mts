// biome-ignore-all lint/suspicious/noExplicitAny: the spec is an arbitrary JSON document
export type Spec = any;
export type SpecForm = 'bundled' | 'dereferenced';
export function specPath(fromUrl: string, form?: SpecForm): string;
export function loadSpec(fromUrl: string, form?: SpecForm): Spec;

export const HTTP_METHODS: readonly string[];
export interface OperationRef {
  id: string;
  path: string;
  method: string;
  pathItem: any;
  operation: any;
}
export function operations(spec: Spec): Generator<OperationRef>;
export function operationById(spec: Spec, id: string): OperationRef;
export interface ErrorExample {
  status: number;
  name: string;
  mediaType: string;
  code: number;
  message: string;
  summary: string;
  advice?: { en: string; zh: string };
  kind?: string;
  meta: any;
  example: any;
  response: any;
}
export function errorExamples(operation: any): ErrorExample[];
export function requestSchema(operation: any): any;

export * from './seeds.mjs';
export * from './validator.mjs';
