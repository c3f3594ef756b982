'use client';

import { useActionState, useState } from 'react';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { donateAction, type DonationFormState } from './actions';

export interface DonationFormProps {
  initial: DonationFormState['values'];
  suggested: {
    one_off: { value: string; label: string }[];
    monthly: { value: string; label: string }[];
  };
  currencySymbol: string;
  bounds: string;
  giftAid: { offered: boolean; declaration: string; declarationWithPast: string };
}

const choiceClass =
  'flex cursor-pointer items-center gap-2 rounded border border-rule bg-white px-4 py-2 has-[:checked]:border-navy has-[:checked]:ring-2 has-[:checked]:ring-navy has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2';

export function DonationForm({
  initial,
  suggested,
  currencySymbol,
  bounds,
  giftAid,
}: DonationFormProps) {
  const [state, action, pending] = useActionState(donateAction, { values: initial, errors: {} });
  const { values, errors } = state;
  const [frequency, setFrequency] = useState(values.frequency || 'one_off');
  const [amount, setAmount] = useState(values.amount || suggested.one_off[1]?.value || 'other');
  const [declaring, setDeclaring] = useState(values.giftAid === 'on');
  const [pastYears, setPastYears] = useState(values.giftAidPastFourYears === 'on');
  const choices = frequency === 'monthly' ? suggested.monthly : suggested.one_off;
  // Choices are uncontrolled inputs whose defaults follow the state: React resets a form after
  // its action runs, and a reset puts each input back to its default, which must be the
  // donor's last choice rather than the first render's.

  return (
    <form action={action} className="space-y-6" noValidate key={values.attempt}>
      <FormAlert message={errors.form} />
      <input type="hidden" name="attempt" value={values.attempt} />
      <fieldset>
        <legend className="text-sm font-semibold">How often</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {(
            [
              ['one_off', 'Give once'],
              ['monthly', 'Give monthly'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className={choiceClass}>
              <input
                type="radio"
                name="frequency"
                value={value}
                defaultChecked={frequency === value}
                onChange={() => {
                  setFrequency(value);
                  setAmount(suggested[value][1]?.value ?? 'other');
                }}
              />
              {label}
            </label>
          ))}
        </div>
        {errors.frequency && (
          <p className="mt-1 text-sm font-medium text-accent-dark">{errors.frequency}</p>
        )}
      </fieldset>

      <fieldset aria-describedby={errors.amount || errors.otherAmount ? 'amount-error' : undefined}>
        <legend className="text-sm font-semibold">
          Amount{frequency === 'monthly' ? ' each month' : ''}
        </legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {choices.map((choice) => (
            <label key={choice.value} className={choiceClass}>
              <input
                type="radio"
                name="amount"
                value={choice.value}
                defaultChecked={amount === choice.value}
                onChange={() => setAmount(choice.value)}
              />
              {choice.label}
            </label>
          ))}
          <label className={choiceClass}>
            <input
              type="radio"
              name="amount"
              value="other"
              defaultChecked={
                amount === 'other' || !choices.some((choice) => choice.value === amount)
              }
              onChange={() => setAmount('other')}
            />
            Other amount
          </label>
        </div>
        <div className="mt-3 max-w-xs">
          <Field
            name="otherAmount"
            label={`Other amount (${currencySymbol})`}
            inputMode="decimal"
            autoComplete="off"
            hint={bounds}
            defaultValue={values.otherAmount}
            onFocus={() => setAmount('other')}
            error={errors.otherAmount}
          />
        </div>
        {errors.amount && (
          <p id="amount-error" className="mt-1 text-sm font-medium text-accent-dark">
            {errors.amount}
          </p>
        )}
      </fieldset>

      <Field
        name="name"
        label="Full name"
        autoComplete="name"
        required
        defaultValue={values.name}
        error={errors.name}
      />
      <Field
        name="email"
        label="E-mail address"
        type="email"
        autoComplete="email"
        required
        hint="We send your receipt here."
        defaultValue={values.email}
        error={errors.email}
      />
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          name="anonymous"
          defaultChecked={values.anonymous === 'on'}
          className="mt-1 h-4 w-4"
        />
        <span>Keep my gift anonymous: never name me as a supporter.</span>
      </label>

      {giftAid.offered && (
        <fieldset className="rounded border border-rule bg-white p-5">
          <legend className="px-1 font-serif text-xl font-semibold">Gift Aid</legend>
          <p className="text-sm">
            If you are a UK taxpayer, Gift Aid adds 25p to every £1 you give, at no cost to you.
          </p>
          <label className="mt-3 flex items-start gap-3">
            <input
              type="checkbox"
              name="giftAid"
              defaultChecked={declaring}
              onChange={(event) => setDeclaring(event.target.checked)}
              className="mt-1 h-4 w-4"
            />
            <span className="font-semibold">Yes, add Gift Aid to my gift</span>
          </label>
          {errors.giftAid && (
            <p className="mt-1 text-sm font-medium text-accent-dark">{errors.giftAid}</p>
          )}
          {declaring && (
            <div className="mt-4 space-y-4">
              <div className="max-w-[8rem]">
                <Field
                  name="giftAidTitle"
                  label="Title (optional)"
                  autoComplete="honorific-prefix"
                  maxLength={4}
                  defaultValue={values.giftAidTitle}
                  error={errors.giftAidTitle}
                />
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field
                  name="giftAidFirstName"
                  label="First name"
                  autoComplete="given-name"
                  required
                  defaultValue={values.giftAidFirstName}
                  error={errors.giftAidFirstName}
                />
                <Field
                  name="giftAidLastName"
                  label="Last name"
                  autoComplete="family-name"
                  required
                  defaultValue={values.giftAidLastName}
                  error={errors.giftAidLastName}
                />
                <Field
                  name="giftAidHouse"
                  label="House name or number"
                  autoComplete="address-line1"
                  required
                  defaultValue={values.giftAidHouse}
                  error={errors.giftAidHouse}
                />
                <Field
                  name="giftAidPostcode"
                  label="Postcode"
                  autoComplete="postal-code"
                  required
                  defaultValue={values.giftAidPostcode}
                  error={errors.giftAidPostcode}
                />
              </div>
              <label className="flex items-start gap-3">
                <input
                  type="checkbox"
                  name="giftAidPastFourYears"
                  defaultChecked={pastYears}
                  onChange={(event) => setPastYears(event.target.checked)}
                  className="mt-1 h-4 w-4"
                />
                <span>Also claim Gift Aid on gifts I have made in the past four years.</span>
              </label>
              <blockquote className="border-l-4 border-navy pl-4 text-sm">
                <p className="font-semibold">By adding Gift Aid you declare:</p>
                <p className="mt-1">
                  {pastYears ? giftAid.declarationWithPast : giftAid.declaration}
                </p>
              </blockquote>
            </div>
          )}
        </fieldset>
      )}

      <div className="hidden" aria-hidden="true">
        <label>
          Leave this empty
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      <SubmitButton
        pending={pending}
        label="Continue to secure payment"
        pendingLabel="Opening payment…"
      />
      <p className="text-sm text-muted">
        You pay on Stripe&apos;s secure page. We never see your card details.
      </p>
    </form>
  );
}
