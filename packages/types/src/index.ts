export type { paths, components, operations as operationTypes } from './generated/openapi.js';
export { servers, operations, errors, errorCatalog, operationErrors, adviceZh } from './generated/tables.js';
export type { OperationId, ErrorKind } from './generated/tables.js';
