import type { Rule } from 'antd/es/form';
import { MESSAGES_ZH } from '../../../shared/errors/messages-zh';

/** Mirrors the backend rule so people learn it before submitting; the backend stays the judge. */
export const newPasswordRules: Rule[] = [
  { required: true, message: '请输入新密码' },
  {
    validator: (_rule, value: string | undefined) =>
      !value || (value.length >= 10 && /[A-Za-z]/.test(value) && /\d/.test(value)) ? Promise.resolve() : Promise.reject(new Error(MESSAGES_ZH.AUTH_WEAK_PASSWORD)),
  },
];

export function confirmPasswordRules(field: string): Rule[] {
  return [
    { required: true, message: '请再次输入新密码' },
    ({ getFieldValue }) => ({
      validator: (_rule, value: string | undefined) =>
        !value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
    }),
  ];
}
