/** Trimmed text, or null for an empty optional field. */
export const optionalText = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** A form column that is full width on small screens and half width from md up. */
export const HALF_COLUMN = { xs: 24, md: 12 };
