import { z } from 'zod';

export const Id = z.number().int().positive();
export const IsoDateTime = z.string().min(1);
export const Paging = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(500).default(50),
};
export const Empty = z.strictObject({});
export const Ok = z.object({ ok: z.literal(true) });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0), page: z.number().int(), pageSize: z.number().int() });
}
