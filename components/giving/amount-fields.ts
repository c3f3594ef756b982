import {
  amountChoiceField,
  amountFieldNames,
  defaultAmountChoice,
  frequencyOf,
  type AmountFields,
  type AmountRules,
} from '@/lib/giving/donation-amount';

// The donation form's inputs are uncontrolled: what they hold is what a submit sends, before
// hydration as after. These read and adjust them in place.

/** The amount fields as a submit of the form would send them now. */
export function readAmountFields(form: HTMLFormElement): AmountFields {
  const data = new FormData(form);
  const fields = {} as AmountFields;
  for (const name of amountFieldNames) {
    const value = data.get(name);
    fields[name] = typeof value === 'string' ? value : '';
  }
  return fields;
}

/**
 * After the donor changes one amount field, adjusts the others so that the form names one sum:
 * typing an amount selects "Other amount", choosing a suggested amount clears the typed one,
 * and a typed amount stays chosen when the frequency changes.
 */
export function keepOneAmount(
  form: HTMLFormElement,
  changed: HTMLInputElement,
  rules: AmountRules,
) {
  const fields = readAmountFields(form);
  const frequency = frequencyOf(fields.frequency);
  const group = amountChoiceField[frequency];
  if (changed.name === 'otherAmount') {
    select(form, group, 'other');
  } else if (changed.name === 'oneOffAmount' || changed.name === 'monthlyAmount') {
    if (changed.value !== 'other') setText(form, 'otherAmount', '');
  } else if (changed.name === 'frequency') {
    if (fields.otherAmount.trim()) select(form, group, 'other');
    // "Other amount" with nothing typed, left over from before the typed amount was cleared.
    else if (fields[group] === 'other')
      select(form, group, defaultAmountChoice(rules.suggested[frequency]));
  }
}

function select(form: HTMLFormElement, name: string, value: string) {
  // Each radio through its own setter, so that React's record of each one's state stays true
  // and its next click is seen as a change.
  for (const radio of form.querySelectorAll<HTMLInputElement>(`input[type="radio"]`)) {
    if (radio.name === name) radio.checked = radio.value === value;
  }
}

function setText(form: HTMLFormElement, name: string, value: string) {
  const input = form.elements.namedItem(name);
  if (input instanceof HTMLInputElement) input.value = value;
}
