import { useMemo, useState, useSyncExternalStore } from 'react';
import type { AmountFields, AmountRules } from '@/lib/giving/donation-amount';
import { keepOneAmount, readAmountFields } from './amount-fields';

/**
 * The donation form's amount fields as they stand in the page, for its button to name the sum:
 * null on the server and while hydrating, then whatever the donor chose, also before the page's
 * script ran. `formRef` goes on the form; it keeps the fields naming one sum as they change.
 */
export function useAmountFields(rules: AmountRules) {
  const [watch] = useState(() => watchAmountFields(rules));
  const snapshot = useSyncExternalStore(watch.subscribe, watch.snapshot, noSnapshot);
  const fields = useMemo(
    () => (snapshot === null ? null : (JSON.parse(snapshot) as AmountFields)),
    [snapshot],
  );
  return { formRef: watch.attach, fields };
}

const noSnapshot = () => null;

function watchAmountFields(rules: AmountRules) {
  let form: HTMLFormElement | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());

  const onInput = (event: Event) => {
    const target = event.target;
    // Text on each keystroke; radios on being chosen (their change event).
    const edited =
      target instanceof HTMLInputElement && (event.type === 'change') === (target.type === 'radio');
    if (form && edited) keepOneAmount(form, target, rules);
    notify();
  };
  // The reset event comes before the fields are reset: read them once it is done. React resets
  // the form to the answer's values after each submission.
  const onReset = () => queueMicrotask(notify);

  return {
    attach(element: HTMLFormElement | null) {
      if (!element) return;
      form = element;
      element.addEventListener('input', onInput);
      element.addEventListener('change', onInput);
      element.addEventListener('reset', onReset);
      notify();
      return () => {
        element.removeEventListener('input', onInput);
        element.removeEventListener('change', onInput);
        element.removeEventListener('reset', onReset);
        if (form === element) form = null;
      };
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => (form ? JSON.stringify(readAmountFields(form)) : null),
  };
}
