'use client';

import { useActionState } from 'react';
import { GiftAidFields } from '@/components/giving/gift-aid-fields';
import type { PriceOption } from '@/lib/membership/offer';
import { joinTierAction, type JoinState } from '../../actions';

interface Props {
  tierSlug: string;
  options: PriceOption[];
  chosen: PriceOption['interval'];
  /** "Your first 14 days are free." or null */
  trialNote: string | null;
  /** For a tier whose fee may carry Gift Aid, to a member who has not declared: its wording. */
  giftAid: { declaration: string; declarationWithPast: string } | null;
}

const blankDeclaration = {
  giftAid: '',
  giftAidTitle: '',
  giftAidFirstName: '',
  giftAidLastName: '',
  giftAidHouse: '',
  giftAidPostcode: '',
  giftAidPastFourYears: '',
};

export function JoinForm({ tierSlug, options, chosen, trialNote, giftAid }: Props) {
  const [state, action, pending] = useActionState<JoinState, FormData>(joinTierAction, {
    error: null,
  });
  return (
    <form action={action} noValidate className="group/donation mt-6 space-y-6">
      <input type="hidden" name="tier" value={tierSlug} />
      <fieldset>
        <legend className="font-semibold">How often would you like to pay?</legend>
        <div className="mt-3 space-y-2">
          {options.map((option) => (
            <label
              key={option.interval}
              className="flex cursor-pointer items-center gap-3 rounded border border-rule bg-white px-4 py-3 has-[:checked]:border-navy"
            >
              <input
                type="radio"
                name="interval"
                value={option.interval}
                defaultChecked={option.interval === chosen}
                className="h-4 w-4 accent-navy"
              />
              <span>
                {option.interval === 'year' ? 'Yearly' : 'Monthly'}: <strong>{option.label}</strong>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {trialNote && <p>{trialNote}</p>}
      {giftAid && (
        <GiftAidFields
          values={{ ...blankDeclaration, ...state.values }}
          errors={state.fieldErrors ?? {}}
          declaration={giftAid.declaration}
          declarationWithPast={giftAid.declarationWithPast}
        />
      )}
      {state.error && (
        <p
          role="alert"
          className="rounded border border-accent bg-white px-4 py-3 text-accent-dark"
        >
          {state.error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-navy px-5 py-3 font-semibold text-white hover:bg-navy-deep disabled:opacity-60"
      >
        {pending ? 'Opening the payment page…' : 'Continue to payment'}
      </button>
      <p className="text-sm text-muted">
        You pay on Stripe&apos;s secure page and come back here. Cancel from your account at any
        time: your membership then runs to the end of the period you paid for.
      </p>
    </form>
  );
}
