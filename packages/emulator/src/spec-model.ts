// The operations the engine serves are the platform model's (@feishu-task/platform): one model behind
// the mock and the emulator.
export type { PlatformOperation as OperationModel } from '@feishu-task/platform';
