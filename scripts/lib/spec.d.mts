export const bundledSpecPath: string;
export function loadBundledSpec(path?: string): any;
export function deref(spec: any, node: any): any;
export function operations(spec: any): Generator<{ path: string; method: string; pathItem: any; operation: any }>;
export function errorExamples(spec: any, operation: any): { status: number; name: string; code: number; message: string; advice?: { en: string; zh: string }; summary: string; meta: any }[];
