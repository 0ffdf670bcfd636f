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
/** The path parameter an operation's requests go one at a time per, and the code answered to overlapping ones. */
export interface OneAtATime {
  per: string;
  code: number;
  source: 'page' | 'platform' | 'unsourced' | 'observed';
}
export function oneAtATime(operation: any, path: string): OneAtATime | undefined;

export * from './seeds.mjs';
export * from './validator.mjs';
export type Level = 'none' | 'patch' | 'minor' | 'major';
export const LEVELS: readonly Level[];
export const RULES: Record<string, { level: Level; why: string }>;
export interface SpecChange {
  rule: string;
  level: Level;
  where: string;
  message: string;
}
/** Every change between two dereferenced OpenAPI documents, rated by the spec's promises. */
export function diffSpecs(oldDoc: Spec, newDoc: Spec): { level: Level; changes: SpecChange[] };
