/** Working-day calendar (domain-reference §7) and the statutory deadlines counted on it (§8.2). */
export * from './deadlines';
export * from './holiday-file';
export * from './work-calendar';
