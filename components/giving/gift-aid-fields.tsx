import { memo } from 'react';
import { Field } from '@/components/forms/field';

interface Props {
  values: {
    giftAid: string;
    giftAidTitle: string;
    giftAidFirstName: string;
    giftAidLastName: string;
    giftAidHouse: string;
    giftAidPostcode: string;
    giftAidPastFourYears: string;
  };
  errors: Record<string, string | undefined>;
  declaration: string;
  declarationWithPast: string;
}

// The declaration's fields show while its box is ticked, and its wording follows the past-years
// box, by CSS alone: they work the same before the page's script runs and without it.
const whenDeclaring = 'hidden group-has-[[name=giftAid]:checked]/donation:block';
const withPast = 'hidden group-has-[[name=giftAidPastFourYears]:checked]/donation:block';
const withoutPast = 'group-has-[[name=giftAidPastFourYears]:checked]/donation:hidden';

/** A UK Gift Aid declaration: HMRC's fields and wording. Its inputs are uncontrolled. */
export const GiftAidFields = memo(function GiftAidFields({
  values,
  errors,
  declaration,
  declarationWithPast,
}: Props) {
  const declaringErrorId = 'gift-aid-error';
  return (
    <fieldset className="rounded border border-rule bg-white p-5">
      <legend className="px-1 font-serif text-xl font-semibold">Gift Aid</legend>
      <p className="text-sm">
        If you are a UK taxpayer, Gift Aid adds 25p to every £1 you give, at no cost to you.
      </p>
      <label className="mt-3 flex items-start gap-3">
        <input
          type="checkbox"
          name="giftAid"
          defaultChecked={values.giftAid === 'on'}
          aria-describedby={errors.giftAid ? declaringErrorId : undefined}
          className="mt-1 h-4 w-4"
        />
        <span className="font-semibold">Yes, add Gift Aid to my gift</span>
      </label>
      {errors.giftAid && (
        <p id={declaringErrorId} className="mt-1 text-sm font-medium text-accent-dark">
          {errors.giftAid}
        </p>
      )}
      <div className={`mt-4 space-y-4 ${whenDeclaring}`}>
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
            defaultChecked={values.giftAidPastFourYears === 'on'}
            className="mt-1 h-4 w-4"
          />
          <span>Also claim Gift Aid on gifts I have made in the past four years.</span>
        </label>
        <blockquote className="border-l-4 border-navy pl-4 text-sm">
          <p className="font-semibold">By adding Gift Aid you declare:</p>
          <p className={`mt-1 ${withoutPast}`}>{declaration}</p>
          <p className={`mt-1 ${withPast}`}>{declarationWithPast}</p>
        </blockquote>
      </div>
    </fieldset>
  );
});
