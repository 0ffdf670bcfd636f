export type { components, operations as operationTypes, paths } from './generated/openapi.js';
export type { ErrorKind, OperationId } from './generated/tables.js';
export { adviceEn, adviceZh, errorCatalog, errors, operationErrors, operations, servers } from './generated/tables.js';
