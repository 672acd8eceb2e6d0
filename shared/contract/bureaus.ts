import { z } from 'zod';
import { Id } from './common';
import { method } from './method';

export const BureauDto = z.object({
  id: Id,
  divisionCode: z.string(),
  name: z.string(),
  level: z.enum(['city', 'district']),
  parentId: Id.nullable(),
  /** 全宗号 (archive fonds code, e.g. J021). */
  fondsCode: z.string(),
  /** 机构代码 used in 档号. */
  orgCode: z.string(),
  /** Short name used in document numbers, e.g. 沈和市监. */
  shortName: z.string(),
  version: z.number().int(),
});
export type BureauDto = z.infer<typeof BureauDto>;

export const BureauSettingsInput = z.strictObject({
  bureauId: Id,
  fondsCode: z.string().trim().regex(/^[A-Z0-9]{1,4}$/, '全宗号为 1–4 位大写字母或数字').optional(),
  orgCode: z.string().trim().regex(/^[A-Z0-9]{1,10}$/, '机构代码为 1–10 位大写字母或数字').optional(),
  shortName: z.string().trim().min(1).max(12).optional(),
});

export const bureausMethods = {
  'bureaus.list': method({ summary: '全部单位（市局及区县局）', access: 'any', input: z.strictObject({}), output: z.array(BureauDto) }),
  'bureaus.updateSettings': method({
    summary: '修改单位的档案设置（全宗号、机构代码、文号简称）',
    access: ['admin'],
    scope: 'bureau',
    mutates: true,
    input: BureauSettingsInput,
    output: BureauDto,
  }),
};
