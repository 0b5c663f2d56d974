/** Player population data (SPEC 3.8, 6.1). Tiers in SPEC order, Bronze first. */
export const TIERS = ['Bronze', 'Silver', 'Gold', 'Platinum', 'Diamond'] as const;
export const TIER_WEIGHTS = [0.4, 0.3, 0.18, 0.09, 0.03] as const;
export const GOLD = 2;
export const PLATINUM = 3;
/** Daily visit rate by tier. */
export const VISIT_RATE = [0.02, 0.04, 0.08, 0.15, 0.25] as const;

export const ACCOUNT_STATUSES = ['Active', 'Inactive', 'Suspended', 'Closed'] as const;
export const ACTIVE = 0;
export const SUSPENDED = 2;
export const STATUS_WEIGHTS = [0.85, 0.1, 0.03, 0.02] as const;

export const ID_TYPES = ['Drivers License', 'Passport', 'State ID', 'Military ID'] as const;
export const ID_TYPE_WEIGHTS = [0.7, 0.15, 0.12, 0.03] as const;

export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;
