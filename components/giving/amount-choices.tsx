import { memo } from 'react';
import { Field } from '@/components/forms/field';
import { amountChoiceField, type Frequency } from '@/lib/giving/donation-amount';

export interface AmountChoice {
  value: string;
  label: string;
}

interface Props {
  choices: Record<Frequency, AmountChoice[]>;
  /** The choice to show as chosen in each group: a suggested amount or "other". */
  chosen: Record<Frequency, string>;
  otherAmount: string;
  currencySymbol: string;
  /** What the box under the choices says about itself, which depends on the page's script. */
  otherAmountHint: string;
  choiceError?: string;
  otherAmountError?: string;
}

export const choiceClass =
  'flex cursor-pointer items-center gap-2 rounded border border-rule bg-white px-4 py-2 has-[:checked]:border-navy has-[:checked]:ring-2 has-[:checked]:ring-navy has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2';

// Each frequency's amounts are shown while that frequency is ticked, by CSS alone, so the form
// works the same before its script runs and without it.
const shownFor: Record<Frequency, string> = {
  one_off: 'group-has-[[name=frequency][value=monthly]:checked]/donation:hidden',
  monthly: 'hidden group-has-[[name=frequency][value=monthly]:checked]/donation:flex',
};
const legendFor: Record<Frequency, string> = {
  one_off: 'group-has-[[name=frequency][value=monthly]:checked]/donation:hidden',
  monthly: 'hidden group-has-[[name=frequency][value=monthly]:checked]/donation:inline',
};

/**
 * The suggested amounts of both frequencies and the box for another amount. Its inputs are
 * uncontrolled and it re-renders only when its props change, so that React writes their
 * defaults back only after a submission, when React resets the form to them anyway.
 */
export const AmountChoices = memo(function AmountChoices({
  choices,
  chosen,
  otherAmount,
  currencySymbol,
  otherAmountHint,
  choiceError,
  otherAmountError,
}: Props) {
  const errorId = 'amount-choice-error';
  return (
    <fieldset aria-describedby={choiceError ? errorId : undefined}>
      <legend className="text-sm font-semibold">
        <span className={legendFor.one_off}>Amount</span>
        <span className={legendFor.monthly}>Amount each month</span>
      </legend>
      {(['one_off', 'monthly'] as const).map((frequency) => (
        <div key={frequency} className={`mt-2 flex flex-wrap gap-3 ${shownFor[frequency]}`}>
          {[...choices[frequency], { value: 'other', label: 'Other amount' }].map((choice) => (
            <label key={choice.value} className={choiceClass}>
              <input
                type="radio"
                name={amountChoiceField[frequency]}
                value={choice.value}
                defaultChecked={chosen[frequency] === choice.value}
              />
              {choice.label}
            </label>
          ))}
        </div>
      ))}
      {choiceError && (
        <p id={errorId} className="mt-1 text-sm font-medium text-accent-dark">
          {choiceError}
        </p>
      )}
      <div className="mt-3 max-w-sm">
        <Field
          name="otherAmount"
          label={`Other amount (${currencySymbol})`}
          inputMode="decimal"
          autoComplete="off"
          hint={otherAmountHint}
          defaultValue={otherAmount}
          error={otherAmountError}
        />
      </div>
    </fieldset>
  );
});
