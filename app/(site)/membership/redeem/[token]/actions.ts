'use server';

import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/viewer';
import { redeemGift } from '@/lib/membership/gifts';

export interface RedeemState {
  error: string | null;
}

const messages = {
  unknown: 'This link does not name a gift. Check that it was copied whole.',
  used: 'This gift has already been redeemed.',
  refunded: 'This gift was withdrawn by the person who gave it.',
  unverified: 'Verify your e-mail address first, with the link we sent you, then come back here.',
};

export async function redeemGiftAction(
  _previous: RedeemState,
  form: FormData,
): Promise<RedeemState> {
  const token = String(form.get('token') ?? '');
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?callbackUrl=${encodeURIComponent(`/membership/redeem/${token}`)}`);
  const redeemed = await redeemGift(viewer, token);
  if (!redeemed.ok) return { error: messages[redeemed.reason] };
  redirect('/account?gift=redeemed#membership');
}
