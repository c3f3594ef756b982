import type { Metadata } from 'next';
import { PageHeading } from '@/components/ui/page-heading';
import { getViewer } from '@/lib/auth/viewer';
import { getSiteConfig } from '@/lib/config/site';
import { defaultAmountChoice, formatGiftSum } from '@/lib/giving/donation-amount';
import { donationFormFields, type DonationFormValues } from '@/lib/giving/donation-form';
import { giftAidDeclarationText } from '@/lib/giving/gift-aid';
import { loadResumableForm } from '@/lib/giving/resume';
import { getGivingSettings } from '@/lib/giving/settings';
import { isDonationsConfigured, notConfiguredMessage } from '@/lib/giving/start-donation';
import { getSoftOptInList } from '@/lib/newsletters/public';
import { softOptInNotice, softOptInRefusal } from '@/lib/newsletters/soft-opt-in';
import { firstParam } from '@/lib/validation/params';
import { DonationForm } from './donation-form.client';

export const metadata: Metadata = {
  title: 'Support our work',
  description: 'Give once or monthly to keep independent research free to read.',
  alternates: { canonical: '/support' },
};

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SupportPage({ searchParams }: Props) {
  const site = getSiteConfig();
  const settings = getGivingSettings();
  const resume = firstParam((await searchParams).resume);
  const viewer = await getViewer();
  const resumed = resume ? await loadResumableForm(resume, settings) : null;
  const newsList = await getSoftOptInList();
  const blank = Object.fromEntries(
    donationFormFields.map((name) => [name, '']),
  ) as DonationFormValues;
  const initial: DonationFormValues = resumed ?? {
    ...blank,
    frequency: 'one_off',
    oneOffAmount: defaultAmountChoice(settings.suggested.one_off),
    monthlyAmount: defaultAmountChoice(settings.suggested.monthly),
    name: viewer?.name ?? '',
    email: viewer?.email ?? '',
    attempt: crypto.randomUUID(),
  };
  const money = (minor: number) => formatGiftSum(minor, settings.currency);
  const choices = (amounts: number[]) =>
    amounts.map((minor) => ({ value: String(minor), label: money(minor) }));

  return (
    <div className="mx-auto max-w-2xl">
      <PageHeading
        eyebrow="Support us"
        title="Independent research, paid for by its readers"
        description={`${site.name} takes no money from governments or political parties for its research. Everything we publish is free to read because people like you choose to give.`}
      />
      <div className="mb-8 space-y-3 font-serif text-lg">
        <p>
          A one-off gift pays for a researcher&apos;s week in the archives or a briefing sent to
          every select committee. A monthly gift lets us plan the long studies that change minds
          slowly.
        </p>
        <p>You can change or stop a monthly gift yourself at any time.</p>
      </div>
      {!isDonationsConfigured() ? (
        <p role="status" className="rounded border border-rule bg-white px-5 py-4">
          {notConfiguredMessage}
        </p>
      ) : (
        <>
          {resumed && (
            <p role="status" className="mb-6 rounded border border-rule bg-white px-5 py-4">
              Your payment was not completed and nothing was charged. Your details are below if you
              would like to try again.
            </p>
          )}
          <DonationForm
            initial={initial}
            rules={{
              currency: settings.currency,
              minMinor: settings.minMinor,
              maxMinor: settings.maxMinor,
              suggested: settings.suggested,
            }}
            choices={{
              one_off: choices(settings.suggested.one_off),
              monthly: choices(settings.suggested.monthly),
            }}
            currencySymbol={currencySymbol(settings.currency)}
            bounds={`From ${money(settings.minMinor)} to ${money(settings.maxMinor)}.`}
            giftAid={{
              offered: settings.giftAid,
              declaration: giftAidDeclarationText(site.name, false),
              declarationWithPast: giftAidDeclarationText(site.name, true),
            }}
            news={
              newsList && {
                listId: newsList.id,
                notice: softOptInNotice(newsList),
                refusal: softOptInRefusal,
              }
            }
          />
        </>
      )}
    </div>
  );
}

function currencySymbol(currency: string): string {
  return (
    new Intl.NumberFormat('en-GB', { style: 'currency', currency })
      .formatToParts(0)
      .find((part) => part.type === 'currency')?.value ?? currency
  );
}
