'use client';

import { useActionState } from 'react';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { giveMembershipAction, type GiftFormState } from './actions';

export interface GiftChoice {
  /** "fellow:12" */
  value: string;
  /** "Fellow for 1 year: £200.00" */
  label: string;
}

interface Props {
  choices: GiftChoice[];
  initial: GiftFormState['values'] & { choice: string };
  today: string;
  latest: string;
}

export function GiftForm({ choices, initial, today, latest }: Props) {
  const [state, action, pending] = useActionState(giveMembershipAction, {
    values: initial,
    errors: {},
  } satisfies GiftFormState);
  const { errors } = state;
  const values = state.values as Props['initial'];
  return (
    <form action={action} noValidate className="space-y-6">
      <FormAlert message={errors.form} />
      <fieldset aria-describedby={errors.choice ? 'choice-error' : undefined}>
        <legend className="font-semibold">What to give</legend>
        <div className="mt-2 space-y-2">
          {choices.map((choice) => (
            <label
              key={choice.value}
              className="flex cursor-pointer items-center gap-3 rounded border border-rule bg-white px-4 py-2 has-[:checked]:border-navy"
            >
              <input
                type="radio"
                name="choice"
                value={choice.value}
                defaultChecked={values.choice === choice.value}
                className="h-4 w-4 accent-navy"
              />
              {choice.label}
            </label>
          ))}
        </div>
        {errors.choice && (
          <p id="choice-error" className="mt-1 text-sm font-medium text-accent-dark">
            {errors.choice}
          </p>
        )}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="font-semibold">Who it is for</legend>
        <Field
          name="recipientName"
          label="Their name"
          autoComplete="off"
          defaultValue={values.recipientName}
          error={errors.recipientName}
        />
        <Field
          name="recipientEmail"
          label="Their e-mail address"
          type="email"
          autoComplete="off"
          hint="We send the gift here, with a link to redeem it."
          defaultValue={values.recipientEmail}
          error={errors.recipientEmail}
        />
        <div>
          <label htmlFor="gift-message" className="block text-sm font-semibold">
            Your message (optional)
          </label>
          <textarea
            id="gift-message"
            name="message"
            rows={3}
            maxLength={1000}
            defaultValue={values.message}
            aria-invalid={errors.message ? true : undefined}
            className="mt-1 block w-full rounded border border-rule bg-white px-3 py-2"
          />
          {errors.message && (
            <p className="mt-1 text-sm font-medium text-accent-dark">{errors.message}</p>
          )}
        </div>
        <Field
          name="deliverOn"
          label="Send it on"
          type="date"
          min={today}
          max={latest}
          hint="Today, or a day within the next year, such as a birthday."
          defaultValue={values.deliverOn}
          error={errors.deliverOn}
        />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="font-semibold">From</legend>
        <Field
          name="buyerName"
          label="Your name"
          autoComplete="name"
          defaultValue={values.buyerName}
          error={errors.buyerName}
        />
        <Field
          name="buyerEmail"
          label="Your e-mail address"
          type="email"
          autoComplete="email"
          hint="For your receipt."
          defaultValue={values.buyerEmail}
          error={errors.buyerEmail}
        />
      </fieldset>
      <div aria-hidden="true" className="hidden">
        <label htmlFor="gift-website">Website</label>
        <input id="gift-website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <div className="max-w-xs">
        <SubmitButton pending={pending} label="Continue to payment" pendingLabel="Opening…" />
      </div>
    </form>
  );
}
