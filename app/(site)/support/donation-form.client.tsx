'use client';

import { useActionState, useCallback, useEffect, useMemo, useRef } from 'react';
import { Field } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-alert';
import { SubmitButton } from '@/components/forms/submit-button';
import { useSettledText } from '@/components/forms/use-settled-text';
import { AmountChoices, choiceClass, type AmountChoice } from '@/components/giving/amount-choices';
import { GiftAidFields } from '@/components/giving/gift-aid-fields';
import { useAmountFields } from '@/components/giving/use-amount-fields';
import {
  amountFieldNames,
  decideAmount,
  defaultAmountChoice,
  giveButtonLabel,
  type AmountRules,
  type Frequency,
} from '@/lib/giving/donation-amount';
import { donateAction, type DonationFormState } from './actions';

export interface DonationFormProps {
  initial: DonationFormState['values'];
  rules: AmountRules;
  choices: Record<Frequency, AmountChoice[]>;
  currencySymbol: string;
  /** "From £2 to £25,000." */
  bounds: string;
  giftAid: { offered: boolean; declaration: string; declarationWithPast: string };
  /** The newsletter a donor gets unless they refuse it here (the soft opt-in), if any. */
  news: { listId: string; notice: string; refusal: string } | null;
}

// Without the page's script the button cannot know the sum, so it does not name one.
const labelWithoutScript = 'Continue to secure payment';

export function DonationForm({
  initial,
  rules,
  choices,
  currencySymbol,
  bounds,
  giftAid,
  news,
}: DonationFormProps) {
  const [state, action, pending] = useActionState(donateAction, { values: initial, errors: {} });
  const { values, errors } = state;
  const { formRef, fields } = useAmountFields(rules);
  const formElement = useRef<HTMLFormElement | null>(null);
  const ref = useCallback(
    (form: HTMLFormElement | null) => {
      formElement.current = form;
      return formRef(form);
    },
    [formRef],
  );
  // An answer with errors takes the donor to the first field to put right; React has reset the
  // form to the answer's values by the time this runs.
  useEffect(() => {
    formElement.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const decision = fields && decideAmount(fields, rules);
  const label = decision ? giveButtonLabel(decision, rules) : labelWithoutScript;
  const announcement = useSettledText(decision ? label : null);

  // The answer's amount errors stand until the donor changes an amount; after that only an
  // ambiguity (possible when the fields were filled in before the script ran) is shown live.
  const submitted = amountFieldNames.every((name) => !fields || fields[name] === values[name]);
  const amountErrors: Record<string, string | undefined> = submitted ? { ...errors } : {};
  if (decision && !decision.ok && decision.reason === 'ambiguous')
    amountErrors[decision.field] = decision.message;

  const chosen = useMemo(
    () => ({
      one_off: shownChoice(values.oneOffAmount, choices.one_off, rules.suggested.one_off),
      monthly: shownChoice(values.monthlyAmount, choices.monthly, rules.suggested.monthly),
    }),
    [values, choices, rules],
  );
  const frequencyErrorId = 'frequency-error';

  return (
    <form
      ref={ref}
      action={action}
      className="group/donation space-y-6"
      noValidate
      key={values.attempt}
    >
      <FormAlert message={errors.form} />
      <input type="hidden" name="attempt" value={values.attempt} />
      <fieldset aria-describedby={errors.frequency ? frequencyErrorId : undefined}>
        <legend className="text-sm font-semibold">How often</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {(
            [
              ['one_off', 'Give once'],
              ['monthly', 'Give monthly'],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className={choiceClass}>
              <input
                type="radio"
                name="frequency"
                value={value}
                defaultChecked={(values.frequency || 'one_off') === value}
              />
              {text}
            </label>
          ))}
        </div>
        {errors.frequency && (
          <p id={frequencyErrorId} className="mt-1 text-sm font-medium text-accent-dark">
            {errors.frequency}
          </p>
        )}
      </fieldset>

      <AmountChoices
        choices={choices}
        chosen={chosen}
        otherAmount={values.otherAmount}
        currencySymbol={currencySymbol}
        otherAmountHint={
          fields
            ? `${bounds} Choosing one of the amounts above clears this box.`
            : `${bounds} Select “Other amount” to give what you type here.`
        }
        choiceError={amountErrors.oneOffAmount ?? amountErrors.monthlyAmount}
        otherAmountError={amountErrors.otherAmount}
      />

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
      {news && (
        <div className="space-y-2">
          <input type="hidden" name="newsOffered" value={news.listId} />
          <p id="donation-news-notice" className="text-sm text-muted">
            {news.notice}
          </p>
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name="noNews"
              defaultChecked={values.noNews === 'on'}
              aria-describedby="donation-news-notice"
              className="mt-1 h-4 w-4"
            />
            <span>{news.refusal}</span>
          </label>
        </div>
      )}

      {giftAid.offered && (
        <GiftAidFields
          values={values}
          errors={errors}
          declaration={giftAid.declaration}
          declarationWithPast={giftAid.declarationWithPast}
        />
      )}

      <div className="hidden" aria-hidden="true">
        <label>
          Leave this empty
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      <SubmitButton pending={pending} label={label} pendingLabel="Opening payment…" />
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <p className="text-sm text-muted">
        You pay on Stripe&apos;s secure page. We never see your card details.
      </p>
    </form>
  );
}

/** The choice a group shows as chosen: the one given if the group offers it, else its default. */
function shownChoice(value: string, offered: AmountChoice[], suggested: number[]): string {
  if (value === 'other' || offered.some((choice) => choice.value === value)) return value;
  return defaultAmountChoice(suggested);
}
