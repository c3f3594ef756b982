import 'server-only';
import { and, eq, gt, inArray, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { donations, giftAidDeclarations } from '@/db/schema';
import { z } from 'zod';
import { amountChoiceField, defaultAmountChoice } from './donation-amount';
import type { DonationFormValues } from './donation-form';
import type { GivingSettings } from './settings';

// A form re-sent after a failure, or after the donor came back from Checkout, may reuse its row
// for a day (Checkout Sessions live as long); after that it starts afresh.
const resumableForMs = 24 * 60 * 60 * 1000;

/** The donation with this id, if it still waits for payment and is young enough to resume. */
export function resumableDonation(id: string): SQL | undefined {
  return and(
    eq(donations.id, id),
    inArray(donations.status, ['pending', 'checkout_failed']),
    gt(donations.createdAt, new Date(Date.now() - resumableForMs)),
  );
}

/**
 * The form as the donor filled it in, for someone coming back from Checkout's "back" link: only
 * for a gift still waiting for payment, and only for a day. The id is random and was only ever
 * in the donor's own address bar.
 */
export async function loadResumableForm(
  id: string,
  settings: GivingSettings,
): Promise<DonationFormValues | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await getDb()
    .select({ donation: donations, giftAid: giftAidDeclarations })
    .from(donations)
    .leftJoin(giftAidDeclarations, eq(giftAidDeclarations.id, donations.giftAidDeclarationId))
    .where(resumableDonation(id));
  if (!row) return null;
  const { donation, giftAid } = row;
  const suggested = settings.suggested[donation.frequency].includes(donation.amountMinor);
  const choices = {
    oneOffAmount: defaultAmountChoice(settings.suggested.one_off),
    monthlyAmount: defaultAmountChoice(settings.suggested.monthly),
    [amountChoiceField[donation.frequency]]: suggested ? String(donation.amountMinor) : 'other',
  };
  return {
    frequency: donation.frequency,
    ...choices,
    otherAmount: suggested ? '' : (donation.amountMinor / 100).toFixed(2).replace(/\.00$/, ''),
    name: donation.donorName ?? '',
    email: donation.email ?? '',
    anonymous: donation.anonymous ? 'on' : '',
    giftAid: giftAid ? 'on' : '',
    giftAidTitle: giftAid?.title ?? '',
    giftAidFirstName: giftAid?.firstName ?? '',
    giftAidLastName: giftAid?.lastName ?? '',
    giftAidHouse: giftAid?.houseNameOrNumber ?? '',
    giftAidPostcode: giftAid?.postcode ?? '',
    giftAidPastFourYears: giftAid?.coversPastFourYears ? 'on' : '',
    attempt: donation.id,
    website: '',
    newsOffered: donation.newsListId ?? '',
    noNews: donation.newsRefused ? 'on' : '',
  };
}
