import type { Rule } from 'antd/es/form';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';
import { checkUscc } from '../../../shared/domain/uscc';

/** Live check of 统一社会信用代码 (or 15-digit 注册号) as the user types, with the same messages as the backend. */
export const creditCodeRules: Rule[] = [
  {
    validator: (_rule, value: string | undefined) => {
      const result = checkUscc(value ?? '');
      return result.ok ? Promise.resolve() : Promise.reject(new Error(MESSAGES_ZH[result.code]));
    },
  },
  {
    // A mismatch in the organisation-code part is only a warning: saving stays possible.
    warningOnly: true,
    validator: (_rule, value: string | undefined) => {
      const result = checkUscc(value ?? '');
      return result.ok && result.warnings.includes('USCC_ORG_CODE_MISMATCH')
        ? Promise.reject(new Error(MESSAGES_ZH.USCC_ORG_CODE_MISMATCH))
        : Promise.resolve();
    },
  },
];
