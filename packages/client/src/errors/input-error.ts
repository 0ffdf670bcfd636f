import { FeishuError } from './feishu-error.js';

/** The call's input breaks a rule of the spec; nothing was sent. `field` names what is wrong. */
export class FeishuInputError extends FeishuError {
  override name = 'FeishuInputError';
  declare readonly field: string;
  constructor(operation: string, field: string, problem: string) {
    super(`${operation}: ${field} ${problem}`, operation);
    this.field = field;
  }
}
