'use client';

import { TextArea, TextInput } from '@/components/admin/form-controls';
import { FormMessages } from '@/components/admin/form-messages.client';
import { useSaveForm } from '@/components/admin/use-save-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { addSuppressionAction } from './actions';

const ids = { email: 'suppression-email', note: 'suppression-note' };

/** Adding an address at its owner's request, with a note of why. */
export function AddSuppressionForm() {
  const { state, action, pending, tracking } = useSaveForm(addSuppressionAction, {
    email: '',
    note: '',
  });
  const { values, errors } = state;
  return (
    <form action={action} {...tracking} noValidate className="space-y-4">
      <FormMessages message={state.message} errors={errors} fieldIds={ids} success={state.saved} />
      <TextInput
        id={ids.email}
        name="email"
        type="email"
        label="E-mail address"
        autoComplete="off"
        spellCheck={false}
        required
        maxLength={254}
        defaultValue={values.email}
        error={errors.email}
      />
      <TextArea
        id={ids.note}
        name="note"
        label="Note (optional)"
        hint="Why, for whoever reads the list later: “Asked by phone never to be written to again”."
        rows={3}
        maxLength={500}
        defaultValue={values.note}
        error={errors.note}
      />
      <SubmitButton pending={pending} label="Add to the suppression list" pendingLabel="Adding…" />
    </form>
  );
}
