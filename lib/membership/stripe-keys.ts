// The metadata Checkout writes on a membership's subscription (Stripe copies it onto each of its
// invoices), so every later event about it names the member and tier without our records.
export const memberMetadataKey = 'membership_user_id';
export const tierMetadataKey = 'membership_tier_id';
